/**
 * Handing work in, end to end: a student solves an exercise and answers a question in the app,
 * clicks "Hand in", gives a name once, and the zip the browser saves grades with `forklab grade`
 * exactly as the app graded it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { openLab, shot, test, typeProgram } from './lab-page.ts';

const PACK = join(import.meta.dirname, '../../exercises/process-basics');
const SOLUTION = readFileSync(join(PACK, 'fork-returns/solution.c'), 'utf8');
const BIN = join(import.meta.dirname, '../../bin/forklab.mjs');
const open = (id: string) => `section.pack[data-pack=process-basics] [data-testid=open-exercise][data-exercise=${id}]`;

test('hand in from the app, then grade the zip with forklab grade', async ({ page }, info) => {
  await openLab(page);
  await page.getByTestId('mode-exercises').click();
  await page.locator(open('fork-returns')).click();
  await expect(page.getByTestId('prompt')).not.toBeEmpty();
  await typeProgram(page, SOLUTION);
  await page.getByTestId('check').click();
  await expect(page.getByTestId('grade')).toHaveAttribute('data-score', '1');
  await page.getByRole('button', { name: '← exercises' }).click();
  await page.locator(open('fork-twice-outputs')).click();
  await page.locator('[data-testid=choice-tick]').first().check();
  await page.getByTestId('check').click();
  await expect(page.getByTestId('grade-total')).toBeVisible();
  await page.getByRole('button', { name: '← exercises' }).click();

  // the name is asked the first time
  await page.locator('[data-testid=hand-in][data-pack=process-basics]').click();
  await page.getByTestId('student-name').fill('Zoë Lee');
  const download = page.waitForEvent('download');
  await page.getByTestId('hand-in-confirm').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('forklab-handin-process-basics-Zoë Lee.zip');
  // every exercise worked on in this data folder (other specs may have worked on some too)
  await expect(page.getByTestId('hand-in-done')).toContainText(/Handed in \d+ exercises as Zoë Lee/);
  await shot(page, info, 'handed-in');

  const dir = mkdtempSync(join(tmpdir(), 'forklab-e2e-handin-'));
  const zip = join(dir, file.suggestedFilename());
  await file.saveAs(zip);
  const out = join(dir, 'out');
  const graded = spawnSync(process.execPath, [BIN, 'grade', '--pack', PACK, zip, '--out', out], { encoding: 'utf8', timeout: 120_000 });
  expect(graded.stderr).toBe('');
  expect(graded.status).toBe(0);
  expect(graded.stdout).toMatch(/^Zoë Lee\tfork-returns\t10\/10$/m);
  expect(graded.stdout).toMatch(/^Zoë Lee\tfork-twice-outputs\t\d+\/\d+$/m);
  const [header, row] = readFileSync(join(out, 'summary.csv'), 'utf8').split('\n').map((line) => line.split(','));
  expect(header!.slice(0, 2)).toEqual(['student', 'fork-returns']);
  expect(row!.slice(0, 2)).toEqual(['Zoë Lee', '10']);
  expect(row!.slice(-2)).toEqual(['process-basics', '1.0.0']);

  // the second hand-in uses the remembered name
  const again = page.waitForEvent('download');
  await page.locator('[data-testid=hand-in][data-pack=process-basics]').click();
  expect((await again).suggestedFilename()).toBe('forklab-handin-process-basics-Zoë Lee.zip');
});
