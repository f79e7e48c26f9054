/**
 * Accessibility: axe-core (WCAG 2.x A and AA rules) on every screen of the lab, in the light and
 * the dark scheme: the editor and the viewer after a run, the shortcuts help, the explorer's
 * results, the exercises list, an exercise (before and after Check), a question. Each must have
 * no violation.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { COUNTER_PROGRAM, openLab, test, typeProgram } from './lab-page.ts';


const EXERCISE = 'section.pack[data-pack=process-basics] [data-testid=open-exercise][data-exercise=fork-returns]';
const QUESTION = 'section.pack[data-pack=process-basics] [data-testid=open-exercise][data-exercise=two-children-wait-outputs]';

/** axe's violations on the page as it is, one readable line per violation and element. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1, 2).join('').trim() ?? v.help}`));
}

for (const scheme of ['light', 'dark'] as const) {
  test(`no axe violation on any screen, ${scheme} scheme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const found: Record<string, string[]> = {};
    await openLab(page);

    await typeProgram(page, COUNTER_PROGRAM);
    await page.getByTestId('run').click();
    await expect(page.getByTestId('terminal')).toContainText('parent: counter = 1');
    // a moment with a COW page, a zombie and a warning reached
    await page.getByTestId('prev-exit').click();
    await expect(page.getByTestId('zombie-alert')).toBeVisible();
    found['editor and viewer after a run'] = await violations(page);

    await page.getByTestId('help').click();
    await expect(page.getByTestId('shortcut-help')).toBeVisible();
    found['shortcuts help'] = await violations(page);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('shortcut-help')).toHaveCount(0);

    await page.getByTestId('explore').click();
    await expect(page.getByTestId('explore-summary')).toContainText('complete');
    found['explore results'] = await violations(page);

    await page.getByTestId('mode-exercises').click();
    await expect(page.locator(EXERCISE)).toBeVisible();
    found['exercises list'] = await violations(page);

    await page.locator(EXERCISE).click();
    await expect(page.getByTestId('exercise-view')).toBeVisible();
    found['an exercise'] = await violations(page);
    await page.getByTestId('check').click();
    await expect(page.getByTestId('grade-total')).toBeVisible();
    found['an exercise, checked'] = await violations(page);

    await page.getByRole('button', { name: '← exercises' }).click();
    await page.locator(QUESTION).click();
    await expect(page.getByTestId('choice').first()).toBeVisible();
    found['a question'] = await violations(page);

    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
  });
}
