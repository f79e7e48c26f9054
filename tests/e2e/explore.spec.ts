/**
 * "All possible outputs": the explorer finds both orders of a parent and a child printing, says
 * in words which decision gives each, draws the process graph with the chosen output's lines
 * numbered in its order, answers whether a typed output is possible and why, and choosing one
 * replays its schedule in the viewer, which then shows that very output.
 */
import { expect } from '@playwright/test';
import { openLab, programNodes, shot, test, typeProgram } from './lab-page.ts';

const PROGRAM = `#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    if (fork() == 0) {
        printf("child\\n");
        return 0;
    }
    printf("parent\\n");
    wait(NULL);
    return 0;
}
`;

test('lists every output and replays the one chosen', async ({ page }, info) => {
  await openLab(page);
  await typeProgram(page, PROGRAM);
  await page.getByTestId('explore').click();
  const outputs = page.getByTestId('explore-output');
  await expect(outputs).toHaveCount(2);
  await expect(page.getByTestId('explore-summary')).toContainText('complete');
  const texts = await outputs.locator('pre').allTextContents();
  expect([...texts].sort()).toEqual(['child\nparent\n', 'parent\nchild\n']);
  // in words, never "pid 3 runs 36 steps": the decision that puts the child's line first
  const childFirst = texts.indexOf('child\nparent\n');
  await expect(outputs.nth(childFirst).getByTestId('explore-why')).toHaveText('child 4 runs before parent 3 prints "parent"');
  await expect(page.getByTestId('explore-panel')).not.toContainText('steps');

  // the process graph: two lanes, fork and wait edges, the chosen output's lines numbered in order
  const graph = page.getByTestId('process-graph');
  await expect(graph).toBeVisible();
  await expect(graph).toContainText('parent 3');
  await expect(graph).toContainText('child 4');
  await expect(graph.locator('[data-testid=graph-edge][data-kind=fork]')).toHaveCount(1);
  await expect(graph.locator('[data-testid=graph-edge][data-kind=reap]')).toHaveCount(1);
  const numbered = async (): Promise<string[]> => {
    const boxes = graph.locator('[data-testid=graph-vertex][data-order]');
    const pairs = await boxes.evaluateAll((els) => els.map((e) => [Number(e.getAttribute('data-order')), e.querySelector('title')!.textContent!] as [number, string]));
    return pairs.sort((a, b) => a[0] - b[0]).map((p) => p[1]);
  };
  for (const i of [0, 1]) {
    await outputs.nth(i).getByTestId('show-order').click();
    const lines = texts[i].trimEnd().split('\n');
    expect(await numbered()).toEqual(lines.map((l) => `prints "${l}"`));
  }
  await shot(page, info, 'graph');

  // why an output is impossible (a line it lacks) or possible (the decision that gives it)
  await page.getByTestId('candidate-input').fill('child');
  await page.getByTestId('candidate-check').click();
  const verdict = page.getByTestId('candidate-verdict');
  await expect(verdict).toHaveAttribute('data-possible', 'false');
  await expect(verdict).toContainText('Every run prints "parent" once; your output does not have it.');
  await page.getByTestId('candidate-input').fill('child\nparent');
  await page.getByTestId('candidate-check').click();
  await expect(verdict).toHaveAttribute('data-possible', 'true');
  await expect(verdict).toContainText('child 4 runs before parent 3 prints "parent"');
  await shot(page, info, 'why');

  for (const i of [0, 1]) {
    const expected = (await outputs.nth(i).locator('pre').textContent())!;
    await outputs.nth(i).getByTestId('replay').click();
    await expect(page.getByTestId('terminal')).toHaveText(expected);
    await expect(programNodes(page)).toHaveCount(2);
  }
  await shot(page, info, 'replayed');
});
