/**
 * The run viewer on a real run: type a fork program, run it, see the processes in the tree, step
 * back to before the fork, see the COW copy appear at the child's write, see the zombie and its
 * warning, rewind.
 */
import { expect } from '@playwright/test';
import { COUNTER_PROGRAM, currentStep, openLab, programNodes, shot, test, typeProgram } from './lab-page.ts';


test('a fork program: processes, stepping back before the fork, the COW copy, the zombie, rewinding', async ({ page }, info) => {
  await openLab(page);
  await typeProgram(page, COUNTER_PROGRAM);
  await page.keyboard.press('Control+Enter');

  // the run ends with both processes of the program in the tree
  await expect(page.getByTestId('run-summary')).toContainText('exited');
  await expect(page.getByTestId('terminal')).toContainText('child: counter = 2');
  await expect(page.getByTestId('terminal')).toContainText('parent: counter = 1');
  await expect(programNodes(page)).toHaveCount(2);
  // at the end no task is on a line: no decorations in the editor
  await expect(page.locator('[data-testid=editor] .task-tag')).toHaveCount(0);
  await shot(page, info, '1-end-of-run');
  const pids = (await programNodes(page).evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-pid'))))).sort((a, b) => a - b);
  const [parent, child] = pids as [number, number];

  // back to the fork, then one step before it: the child does not exist yet
  await page.getByTestId('prev-fork').click();
  await expect(programNodes(page)).toHaveCount(2);
  // a marker per process at its current line: parent and child both at the fork
  await expect(page.locator('[data-testid=editor] .task-tag')).toHaveCount(2);
  const forkStep = await currentStep(page);
  await page.getByTestId('back-step').click();
  await expect(programNodes(page)).toHaveCount(1);
  expect(await currentStep(page)).toBeLessThan(forkStep);
  await shot(page, info, '2-before-fork');

  // forward over the fork: parent and child share the data page, copy-on-write
  await page.getByTestId('next-fork').click();
  const childTable = page.locator(`[data-testid=page-table]:has(.pidtag:text-is("pid ${child}"))`);
  const parentTable = page.locator(`[data-testid=page-table]:has(.pidtag:text-is("pid ${parent}"))`);
  await expect(childTable).toHaveCount(1);
  await expect(childTable.locator('[data-testid=pte][data-flags*=c]').first()).toBeVisible();
  await expect(page.locator('[data-testid=frame][data-refs="2"]').first()).toBeVisible();

  // jump from fault to fault until the child's write copies its page
  const copied = childTable.locator('[data-testid=pte][data-fresh=true][data-how=cow-copy]');
  for (let i = 0; i < 12 && (await copied.count()) === 0; i++) await page.getByTestId('next-fault').click();
  await expect(copied).toHaveCount(1);
  const vpn = await copied.getAttribute('data-vpn');
  const newFrame = await copied.getAttribute('data-frame');
  // the parent still maps the old frame at the same page; the new frame is the child's alone
  const parentPte = parentTable.locator(`[data-testid=pte][data-vpn="${vpn}"]`);
  await expect(parentPte).toHaveCount(1);
  expect(await parentPte.getAttribute('data-frame')).not.toBe(newFrame);
  await expect(page.locator(`[data-testid=frame][data-frame="${newFrame}"]`)).toHaveAttribute('data-refs', '1');
  await shot(page, info, '3-cow-copy');
  // one step back, the copy has not happened
  await page.getByTestId('back-step').click();
  await expect(childTable.locator(`[data-testid=pte][data-vpn="${vpn}"]`)).not.toHaveAttribute('data-frame', newFrame!);

  // the child exits: a zombie, impossible to miss
  await page.getByTestId('next-exit').click();
  await expect(page.locator(`[data-testid=tree-node][data-pid="${child}"]`)).toHaveAttribute('data-state', 'Z');
  await expect(page.getByTestId('zombie-alert')).toBeVisible();
  await shot(page, info, '4-zombie');

  // its warning: a link to the step where it happened
  const warning = page.locator('[data-testid=warning][data-kind=zombie-not-reaped]');
  await expect(warning).toHaveCount(1);
  await page.getByTestId('go-end').click();
  await warning.getByTestId('warning-link').click();
  const warnStep = Number((await warning.getByTestId('warning-link').textContent())!.match(/step (\d+)/)![1]);
  expect(await currentStep(page)).toBe(warnStep);
  await expect(page.locator(`[data-testid=tree-node][data-pid="${child}"]`)).toHaveAttribute('data-state', 'Z');
  await expect(page.getByTestId('reparent-edge')).toHaveCount(1);
  await shot(page, info, '5-zombie-warning');

  // the same program with eager fork, to compare: it copies more pages than COW
  await page.getByTestId('eager-switch').check();
  const pages = page.locator('[data-testid=cost-compare] [data-key=pagesCopied]');
  await expect(pages).toHaveCount(1);
  expect(Number(await pages.getAttribute('data-eager'))).toBeGreaterThan(Number(await pages.getAttribute('data-cow')));
  await shot(page, info, '6-eager-compare');

  // rewind: nothing has happened yet
  await page.locator('[data-testid=viewer] .summary').click();
  await page.keyboard.press('Home');
  await expect(page.getByTestId('position')).toContainText('event 0 /');
  await expect(programNodes(page)).toHaveCount(0);
  await expect(page.getByTestId('terminal')).toHaveText('');
  await shot(page, info, '7-rewound');
});

test('a run that would go on for long can be cancelled: what ran is shown as partial, and the lab stays usable', async ({ page }) => {
  await openLab(page);
  await typeProgram(page, '#include <stdio.h>\nint main(void) {\n    printf("before\\n");\n    fflush(stdout);\n    for (;;) {\n    }\n}\n');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('cancel-run')).toBeVisible();
  await page.getByTestId('cancel-run').click();
  await expect(page.getByTestId('partial-run')).toBeVisible({ timeout: 10_000 });
  await expect(page.getByTestId('run-summary')).toContainText('cancelled after');
  await expect(page.getByTestId('terminal')).toHaveText('before');
  await expect(page.getByTestId('run')).toBeVisible();
  // the next run works
  await typeProgram(page, '#include <stdio.h>\nint main(void) {\n    printf("after\\n");\n    return 0;\n}\n');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('terminal')).toHaveText('after', { timeout: 60_000 });
  await expect(page.getByTestId('partial-run')).toHaveCount(0);
});

test('the program is autosaved and comes back after a reload', async ({ page }) => {
  await openLab(page);
  const program = '#include <stdio.h>\nint main(void) {\n    printf("kept %d\\n", 42);\n    return 0;\n}\n';
  await typeProgram(page, program);
  await expect(page.getByTestId('save-state')).toHaveText('saved');
  await page.reload();
  await expect(page.getByTestId('editor')).toHaveAttribute('data-ready', 'true');
  await expect(page.locator('[data-testid=editor] .view-lines')).toContainText('printf("kept %d\\n", 42);');
});

test('memcheck: a use after free runs on as on Linux, and its warning links to the step and line', async ({ page }, info) => {
  await openLab(page);
  await typeProgram(page, '#include <stdio.h>\n#include <stdlib.h>\nint main(void) {\n    int *p = malloc(8 * sizeof(int));\n    p[5] = 42;\n    free(p);\n    printf("%d\\n", p[5]);\n    return 0;\n}\n');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('run-summary')).toContainText('exited');
  await expect(page.getByTestId('terminal')).toHaveText('42');
  const warning = page.locator('[data-testid=warning][data-kind=use-after-free]');
  await expect(warning).toHaveCount(1);
  await expect(warning).toContainText('line 7');
  await page.getByTestId('go-end').click();
  await warning.getByTestId('warning-link').click();
  const warnStep = Number((await warning.getByTestId('warning-link').textContent())!.match(/step (\d+)/)![1]);
  expect(await currentStep(page)).toBe(warnStep);
  await shot(page, info, '8-use-after-free');
});
