/** Helpers the end-to-end tests share: open the lab, put a program in the editor, read the tree. */
import { test as base, expect, type Page, type TestInfo } from '@playwright/test';

/** The tests' `test`: fails a test whose page threw or logged an error (a CSP violation, a Vue error). */
export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console: ${m.text()}`);
      });
      await use(errors);
      expect(errors, 'errors in the page').toEqual([]);
    },
    { auto: true },
  ],
});

/** Opens the lab and waits for Monaco. */
export async function openLab(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('editor')).toHaveAttribute('data-ready', 'true');
}

/** Replaces the editor's text by pasting it (as a student would; pasting keeps the indentation as written). */
export async function typeProgram(page: Page, source: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((text) => navigator.clipboard.writeText(text), source);
  await page.locator('[data-testid=editor] .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await expect(page.locator('[data-testid=editor] .view-lines')).toContainText(source.split('\n')[0]!.trim().slice(0, 20));
}

/** Tree nodes of the program's own processes (not init and the shell). */
export function programNodes(page: Page, command = 'prog') {
  return page.locator(`[data-testid=tree-node][data-command="${command}"]`);
}

/** The step number the scrubber shows. */
export async function currentStep(page: Page): Promise<number> {
  const text = (await page.getByTestId('position').textContent()) ?? '';
  const m = /step ([\d,]+)/.exec(text);
  if (!m) throw new Error(`no step in "${text}"`);
  return Number(m[1]!.replace(/,/g, ''));
}

/** A full-page screenshot kept as a test artifact under test-results/. */
export async function shot(page: Page, info: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: info.outputPath(`${name}.png`), fullPage: true });
}

/**
 * The lab's first example, used by several specs: a fork whose child writes a global (one COW
 * copy), prints, exits; the parent sleeps, prints and returns without reaping (a zombie).
 */
export const COUNTER_PROGRAM = `#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int counter = 1;

int main(void) {
    pid_t pid = fork();
    if (pid == 0) {
        counter = 2;
        printf("child: counter = %d\\n", counter);
        exit(0);
    }
    sleep(1);
    printf("parent: counter = %d\\n", counter);
    return 0;
}
`;
