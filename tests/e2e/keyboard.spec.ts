/**
 * The viewer by keyboard alone: Tab reaches every control (step buttons, slider, jumps, the tree,
 * the timeline's marks, the kernel log, the warnings, the explorer's replay buttons), each shows
 * where the focus is; the tree and the log answer the arrow keys and Enter; the shortcuts dialog
 * takes the focus, keeps Tab inside and gives the focus back when it closes.
 */
import { expect, type Page } from '@playwright/test';
import { currentStep, openLab, test, typeProgram } from './lab-page.ts';

const PROGRAM = `#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(void) {
    if (fork() == 0) {
        printf("child\\n");
        exit(0);
    }
    sleep(1);
    printf("parent\\n");
    return 0;
}
`;

/** What has the focus: its test id (or the nearest one above it), and whether a focus mark is drawn. */
async function focused(page: Page): Promise<{ id: string; visible: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | SVGElement | null;
    if (!el || el === document.body) return { id: 'body', visible: false };
    const id = el.closest('[data-testid]')?.getAttribute('data-testid') ?? el.tagName.toLowerCase();
    const cs = getComputedStyle(el);
    let visible = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
    // the tree's nodes draw a ring, the timeline's marks a thick stroke, the log its active line
    const ring = el.querySelector('.ring');
    if (ring && getComputedStyle(ring).stroke !== 'none') visible = true;
    if (el.classList.contains('marker') && parseFloat(cs.strokeWidth) >= 3) visible = true;
    return { id, visible };
  });
}

test('every viewer control is reached with Tab and shows its focus; tree, log and marks answer the keys', async ({ page }) => {
  await openLab(page);
  await typeProgram(page, PROGRAM);
  await page.getByTestId('run').click();
  await expect(page.getByTestId('terminal')).toContainText('parent');
  // just after the fork: parent and child alive (each has a tab in the variables panel)
  await page.getByTestId('go-start').click();
  await page.getByTestId('next-fork').click();

  // from the scrubber's first button, Tab through the whole viewer
  await page.getByTestId('go-start').focus();
  const seen = new Map<string, boolean>();
  for (let i = 0; i < 90; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f.id === 'body') break;
    seen.set(f.id, (seen.get(f.id) ?? true) && f.visible);
    if (f.id === 'warning-link') break;
  }
  const wanted = ['back-step', 'back-line', 'back-event', 'play', 'forward-step', 'go-end', 'speed', 'slider', 'prev-fork', 'next-warning',
    'tree-mode', 'tree-zoom-in', 'tree-node', 'timeline-mark', 'eager-switch', 'variables', 'terminal', 'kernel-log', 'warning-link'];
  for (const id of wanted) expect(seen.has(id), `Tab reaches ${id} (reached: ${[...seen.keys()].join(', ')})`).toBe(true);
  for (const [id, visible] of seen) expect(visible, `${id} shows the focus`).toBe(true);

  // the tree: arrows move the focus and select the task
  const first = page.locator('[data-testid=tree-node][tabindex="0"]');
  await first.focus();
  await page.keyboard.press('Home');
  await expect(page.locator('[data-testid=tree-node][data-pid="1"]')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('[data-testid=tree-node][data-pid="2"]')).toBeFocused();
  await expect(page.locator('[data-testid=tree-node][data-pid="2"]')).toHaveAttribute('aria-pressed', 'true');

  // a timeline mark: Enter goes to its moment
  const stepBefore = await currentStep(page);
  await page.locator('[data-testid=timeline-mark][tabindex="0"]').focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  await expect.poll(() => currentStep(page)).not.toBe(stepBefore);

  // the kernel log: Home then Enter goes to its first line's event
  await page.getByTestId('kernel-log').focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('position')).toContainText('event 1 /');

  // the shortcuts dialog takes the focus, keeps Tab inside, and gives the focus back
  await page.getByTestId('next-fork').focus();
  await page.keyboard.press('?');
  const dialog = page.getByTestId('shortcut-help');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('shortcut-help-close')).toBeFocused();
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('next-fork')).toBeFocused();

  // the explorer's results and their replay buttons, by keyboard
  await page.getByTestId('explore').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('explore-summary')).toContainText('complete');
  await page.keyboard.press('Tab');
  for (let i = 0; i < 10 && (await focused(page)).id !== 'replay'; i++) await page.keyboard.press('Tab');
  expect(await focused(page)).toEqual({ id: 'replay', visible: true });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('terminal')).toContainText('parent');
});
