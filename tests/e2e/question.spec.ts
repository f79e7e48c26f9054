/**
 * A question from the built-in pack, as a student answers it: the program read-only, a checkbox
 * per candidate output; a wrong answer shows which choices were wrong and which outputs are
 * possible, "see it happen" replays a possible output in the viewer (the terminal ends with that
 * very text), and the right answer earns full marks and marks the exercise passed.
 */
import { expect } from '@playwright/test';
import { openLab, programNodes, shot, test } from './lab-page.ts';

const QUESTION = 'section.pack[data-pack=process-basics] [data-testid=open-exercise][data-exercise=two-children-wait-outputs]';

test('answer a question wrongly, see which choice was wrong, watch a possible output happen, answer right', async ({ page }, info) => {
  await openLab(page);
  await page.getByTestId('mode-exercises').click();
  await page.locator(QUESTION).click();
  await expect(page.getByTestId('exercise-view')).toBeVisible();
  // the program is shown read-only in the editor
  await expect(page.getByTestId('editor')).toHaveAttribute('data-readonly', 'true');
  await expect(page.locator('[data-testid=editor] .view-lines')).toContainText('wait(NULL)');
  const choices = page.getByTestId('choice');
  const n = await choices.count();
  expect(n).toBeGreaterThanOrEqual(4);
  const texts = await choices.locator('pre').allTextContents();

  // wrong: tick only the outputs where the parent is last (forgetting that wait returns after any child),
  // and the one where the parent prints first
  const ticks = texts.map((t) => t.trimEnd().endsWith('parent') || t.startsWith('parent'));
  for (let i = 0; i < n; i++) if (ticks[i]) await choices.nth(i).getByTestId('choice-tick').check();
  await page.getByTestId('check').click();
  await expect(page.getByTestId('grade')).toBeVisible();
  expect(Number(await page.getByTestId('grade').getAttribute('data-score'))).toBeLessThan(1);
  const wrong = page.locator('[data-testid=choice][data-status=failed]');
  await expect(wrong.first()).toBeVisible();
  const parentFirst = choices.nth(texts.findIndex((t) => t.startsWith('parent')));
  await expect(parentFirst).toHaveAttribute('data-status', 'failed');
  await expect(parentFirst.getByTestId('choice-possible')).toHaveText('impossible');
  // the explorer says why, with the chain the output contradicts
  await expect(parentFirst).toContainText(/"parent" is printed after wait\(\) returns, which needs child \d to exit, which comes after it prints "child \d"; this output has "parent" before "child \d"\./);
  await expect(parentFirst.getByTestId('see-it-happen')).toHaveCount(0);
  await expect(page.getByTestId('hint')).toHaveCount(1);
  await shot(page, info, '1-wrong-answer');

  // a possible output left unticked: "see it happen" replays it, the terminal shows exactly it
  const missed = page.locator('[data-testid=choice][data-status=failed][data-possible=true]').first();
  await expect(missed).toBeVisible();
  const expected = (await missed.locator('pre').textContent())!;
  await missed.getByTestId('see-it-happen').click();
  await page.getByTestId('go-end').click();
  await expect(page.getByTestId('terminal')).toHaveText(expected.endsWith('\n') ? expected : `${expected}\n`);
  await expect(programNodes(page)).toHaveCount(3);
  await shot(page, info, '2-see-it-happen');

  // right: every possible output ticked, the impossible ones not
  const possible = await choices.evaluateAll((els) => els.map((e) => e.getAttribute('data-possible') === 'true'));
  for (let i = 0; i < n; i++) await choices.nth(i).getByTestId('choice-tick').setChecked(possible[i]!);
  await page.getByTestId('check').click();
  await expect(page.getByTestId('grade')).toHaveAttribute('data-score', '1');
  await expect(page.locator('[data-testid=choice][data-status=failed]')).toHaveCount(0);
  await shot(page, info, '3-right-answer');
  await page.getByRole('button', { name: '← exercises' }).click();
  await expect(page.locator(`${QUESTION} .status`)).toHaveAttribute('title', 'passed');
});
