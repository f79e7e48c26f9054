/**
 * "All possible outputs": the explorer finds both orders of a parent and a child printing, and
 * choosing one replays its schedule in the viewer, which then shows that very output.
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
  expect(texts.sort()).toEqual(['child\nparent\n', 'parent\nchild\n']);
  await expect(outputs.nth(1)).toContainText('differs at decision');

  for (const i of [0, 1]) {
    const expected = (await outputs.nth(i).locator('pre').textContent())!;
    await outputs.nth(i).getByTestId('replay').click();
    await expect(page.getByTestId('terminal')).toHaveText(expected);
    await expect(programNodes(page)).toHaveCount(2);
  }
  await shot(page, info, 'replayed');
});
