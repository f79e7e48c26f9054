/**
 * Packs in the exercise browser: import a pack from a .zip (and a clear error for a file that is
 * not a pack), then export one's own results as a JSON file; a newer version of an installed
 * pack says what changed and keeps the scores earned on the old one, marked so; an older one is
 * refused until the student asks for it.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { expect } from '@playwright/test';
import { openLab, test, typeProgram } from './lab-page.ts';

const BUILTIN = join(import.meta.dirname, '../../exercises/process-basics');

/** Files of a folder, as zip entries under `prefix/`. */
function entries(folder: string, prefix: string): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[`${prefix}/${relative(folder, path)}`] = readFileSync(path);
    }
  };
  walk(folder);
  return out;
}

/** A one-exercise pack made from the built-in pack's first exercise, with its own id. */
function smallPack(): Buffer {
  const yaml = readFileSync(join(BUILTIN, 'pack.yaml'), 'utf8')
    .replace(/^id: .*$/m, 'id: e2e-imported')
    .replace(/^uuid: .*$/m, 'uuid: 0f0e0d0c-0b0a-4909-8807-060504030201')
    .replace(/^title: .*$/m, 'title: Imported in the browser')
    .replace(/^exercises:\n(  - .*\n)+/m, 'exercises:\n  - fork-returns\n');
  const files = { 'e2e-imported/pack.yaml': new TextEncoder().encode(yaml), ...entries(join(BUILTIN, 'fork-returns'), 'e2e-imported/fork-returns') };
  return Buffer.from(zipSync(files));
}

test('imports a pack from a zip, refuses one that is not a pack, and exports results', async ({ page, pageErrors }) => {
  await openLab(page);
  await page.getByTestId('mode-exercises').click();
  await expect(page.locator('[data-testid=open-exercise]').first()).toBeVisible();

  await page.getByTestId('import-file').setInputFiles({ name: 'broken.zip', mimeType: 'application/zip', buffer: Buffer.from(zipSync({ 'x/readme.txt': new TextEncoder().encode('no pack here') })) });
  await expect(page.getByTestId('exercises-error')).toBeVisible();
  await expect(page.getByTestId('exercises-error')).toContainText('broken.zip');
  // the host answered the refused import with an error status, which Chromium logs: expected here
  const refused = pageErrors.findIndex((e) => e.includes('status of 4') || e.includes('status of 5'));
  expect(refused).toBeGreaterThanOrEqual(0);
  pageErrors.splice(refused, 1);

  await page.getByTestId('import-file').setInputFiles({ name: 'small.zip', mimeType: 'application/zip', buffer: smallPack() });
  await expect(page.getByText('imported Imported in the browser (1 exercise)')).toBeVisible();
  const section = page.locator('section.pack[data-pack=e2e-imported]');
  await expect(section).toContainText('imported');
  await expect(section.getByTestId('open-exercise')).toHaveCount(1);

  const download = page.waitForEvent('download');
  await page.getByTestId('export-results').click();
  const file = await download;
  const path = await file.path();
  const json = JSON.parse(readFileSync(path, 'utf8'));
  expect(file.suggestedFilename()).toMatch(/\.json$/);
  expect(json.packs.map((p: { id: string }) => p.id)).toContain('e2e-imported');
});

test('imports a pack from a folder', async ({ page }) => {
  const root = mkdtempSync(join(tmpdir(), 'forklab-e2e-folder-'));
  try {
    // the small pack, unpacked into a folder of its own name
    for (const [path, bytes] of Object.entries(unzipSync(smallPack()))) {
      const target = join(root, path.replace('e2e-imported/', 'e2e-folder/'));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, path.endsWith('pack.yaml')
        ? new TextDecoder().decode(bytes).replace(/^id: .*$/m, 'id: e2e-folder').replace(/^uuid: .*$/m, 'uuid: 1f0e0d0c-0b0a-4909-8807-060504030201').replace(/^title: .*$/m, 'title: Imported from a folder')
        : bytes);
    }
    await openLab(page);
    await page.getByTestId('mode-exercises').click();
    await page.getByTestId('import-folder-input').setInputFiles(join(root, 'e2e-folder'));
    await expect(page.getByText('imported Imported from a folder (1 exercise)')).toBeVisible();
    await expect(page.locator('section.pack[data-pack=e2e-folder]').getByTestId('open-exercise')).toHaveCount(1);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

/** The small pack as another id and version, its first check worth `points`. */
function versionedPack(version: string, points: number): Buffer {
  const files = unzipSync(smallPack());
  const out: Record<string, Uint8Array> = {};
  for (const [path, bytes] of Object.entries(files)) {
    let text = new TextDecoder().decode(bytes);
    if (path.endsWith('pack.yaml')) text = text.replace(/^id: .*$/m, 'id: e2e-update').replace(/^uuid: .*$/m, 'uuid: 2f0e0d0c-0b0a-4909-8807-060504030201').replace(/^title: .*$/m, 'title: Updated pack').replace(/^version: .*$/m, `version: ${version}`);
    if (path.endsWith('exercise.yaml')) text = text.replace(/points: \d+/, `points: ${points}`);
    out[path.replace('e2e-imported/', 'e2e-update/')] = path.endsWith('.yaml') ? new TextEncoder().encode(text) : bytes;
  }
  return Buffer.from(zipSync(out));
}

test('a newer version says what changed; an older one is refused until asked for', async ({ page, pageErrors }) => {
  await openLab(page);
  await page.getByTestId('mode-exercises').click();
  const file = page.getByTestId('import-file');
  await file.setInputFiles({ name: 'update-1.zip', mimeType: 'application/zip', buffer: versionedPack('1.0.0', 1) });
  await expect(page.getByTestId('imported')).toContainText('imported Updated pack (1 exercise)');
  // full marks on version 1.0.0
  const section = page.locator('section.pack[data-pack=e2e-update]');
  await section.getByTestId('open-exercise').click();
  await typeProgram(page, readFileSync(join(BUILTIN, 'fork-returns/solution.c'), 'utf8'));
  await page.getByTestId('check').click();
  await expect(page.getByTestId('grade')).toHaveAttribute('data-score', '1');
  await page.getByRole('button', { name: '← exercises' }).click();
  await expect(section.getByTestId('earlier-score')).toHaveCount(0);

  await file.setInputFiles({ name: 'update-2.zip', mimeType: 'application/zip', buffer: versionedPack('1.1.0', 3) });
  await expect(page.getByTestId('imported')).toContainText('updated Updated pack (1 exercise) from version 1.0.0 to 1.1.0');
  await expect(page.getByTestId('pack-change')).toHaveText([/^changed: Two processes from one \(\d+ → \d+ points\)/]);
  // the exercise changed: its score on 1.0.0 is kept, marked as earned there, and 1.1.0's starts again
  await expect(section.getByTestId('earlier-score')).toHaveText('100% on v1.0.0');
  await file.setInputFiles({ name: 'update-1.zip', mimeType: 'application/zip', buffer: versionedPack('1.0.0', 1) });
  await expect(page.getByTestId('exercises-error')).toContainText('older than the version 1.1.0 you have');
  // the host answered the refused import with a 400, which Chromium logs: expected here
  const refused = pageErrors.findIndex((e) => e.includes('status of 400'));
  expect(refused).toBeGreaterThanOrEqual(0);
  pageErrors.splice(refused, 1);
  await page.getByTestId('import-older').click();
  await expect(page.getByTestId('imported')).toContainText('updated Updated pack (1 exercise) from version 1.1.0 to 1.0.0');
  await expect(page.locator('section.pack[data-pack=e2e-update]')).toContainText('v1.0.0');
});
