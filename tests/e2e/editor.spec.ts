/**
 * The editor as a student uses it: problems listed as they type (with the compiler's notes, in the
 * list and in the hover), F8 from problem to problem, comment toggling and find; opening a file
 * through the picker and downloading it; an example from the menu, run; stdin and argv for Run;
 * Tab leaving the editor after Ctrl+M; the font size kept across a reload; an exercise's own argv;
 * the previous run marked as such after a failed compile; axe on the editor's own screens.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { openLab, programNodes, shot, test, typeProgram } from './lab-page.ts';

/** Two errors: fork without <unistd.h> (with its note) and an undeclared y. */
const TWO_ERRORS = `#include <stdio.h>

int main(void) {
    int x = 1;
    fork();
    printf("x = %d\\n", x);
    return y;
}
`;
const FORK_NOTE = "'fork' is declared in <unistd.h>; add '#include <unistd.h>'";

const editorLines = (page: Page) => page.locator('[data-testid=editor] .view-lines');
/** The line number the cursor is on. */
const cursorLine = async (page: Page) => Number(await page.locator('[data-testid=editor] .line-numbers.active-line-number').textContent());
/** The text of line n as the editor shows it (spaces normalised). */
const lineText = async (page: Page, n: number) => {
  const top = await page.locator('[data-testid=editor] .line-numbers', { hasText: new RegExp(`^${n}$`) }).evaluate((e) => (e.parentElement as HTMLElement).style.top);
  return ((await page.locator(`[data-testid=editor] .view-line[style*="top:${top}"]`).textContent()) ?? '').replace(/\u00a0/g, ' ');
};

/** True when the keyboard focus is inside Monaco (its input element changes between versions). */
const focusInEditor = (page: Page) => page.evaluate(() => document.activeElement?.closest('[data-testid=editor]') !== null);

/** Answers the "replace the program?" question when it is asked (the saved program of an earlier test may be anything). */
async function replaceIfAsked(page: Page): Promise<void> {
  const dialog = page.getByTestId('confirm-dialog');
  if (await dialog.isVisible().catch(() => false)) await page.getByTestId('confirm-yes').click();
}

test('problems as the student types: both errors listed with their notes, the hover, F8, comment toggle, find', async ({ page }, info) => {
  await openLab(page);
  await typeProgram(page, TWO_ERRORS);

  // both errors, without pressing Run, each with its line; the fork one carries its note
  const problems = page.getByTestId('problem');
  await expect(problems).toHaveCount(2);
  await expect(page.getByTestId('problems-count')).toHaveText('2 errors');
  await expect(problems.nth(0)).toHaveAttribute('data-line', '5');
  await expect(problems.nth(0)).toContainText("implicit declaration of function 'fork'");
  await expect(problems.nth(1)).toHaveAttribute('data-line', '7');
  await expect(problems.nth(1)).toContainText("'y' undeclared");
  await expect(page.getByTestId('problem-note')).toHaveText([`note: ${FORK_NOTE}`]);

  // the hover over the squiggle shows the message and its note
  const forkLine = page.locator('[data-testid=editor] .view-line', { hasText: 'fork();' });
  const box = (await forkLine.locator('span span').first().boundingBox())!;
  const text = (await forkLine.textContent())!;
  const charWidth = box.width / text.length;
  await page.mouse.move(box.x + charWidth * (text.indexOf('fork') + 1.5), box.y + box.height / 2);
  const hover = page.locator('[data-testid=editor] .monaco-hover, .monaco-hover').filter({ hasText: 'implicit declaration' });
  await expect(hover.first()).toBeVisible();
  await expect(hover.first()).toContainText(`note: ${FORK_NOTE}`);
  await shot(page, info, '1-hover-with-note');
  await page.mouse.move(5, 5);

  // F8 goes from problem to problem, Shift+F8 back
  await editorLines(page).click();
  await page.keyboard.press('ControlOrMeta+Home');
  await expect.poll(() => cursorLine(page)).toBe(1);
  await page.keyboard.press('F8');
  await expect.poll(() => cursorLine(page)).toBe(5);
  await expect(page.locator('[data-testid=editor] .marker-widget')).toContainText("implicit declaration of function 'fork'");
  await page.keyboard.press('F8');
  await expect.poll(() => cursorLine(page)).toBe(7);
  await page.keyboard.press('Shift+F8');
  await expect.poll(() => cursorLine(page)).toBe(5);
  await page.keyboard.press('Escape');

  // a problem in the list puts the cursor on its line
  await problems.nth(1).click();
  await expect.poll(() => cursorLine(page)).toBe(7);
  await expect.poll(() => focusInEditor(page)).toBe(true);

  // Ctrl+/ comments the line and uncomments it
  await page.keyboard.press('ControlOrMeta+/');
  await expect.poll(() => lineText(page, 7)).toBe('    // return y;');
  await expect(problems).toHaveCount(1);
  await page.keyboard.press('ControlOrMeta+/');
  await expect.poll(() => lineText(page, 7)).toBe('    return y;');

  // Ctrl+F finds
  await page.keyboard.press('ControlOrMeta+F');
  const find = page.locator('[data-testid=editor] .find-widget');
  await expect(find).toBeVisible();
  await page.keyboard.type('x');
  await expect(find.locator('.matchesCount')).toHaveText(/of 3/);
  await page.keyboard.press('Escape');
  await expect(problems).toHaveCount(2);
});

test('a failed compile greys the previous run and says it is the previous program’s', async ({ page }) => {
  await openLab(page);
  await typeProgram(page, '#include <stdio.h>\nint main(void) {\n    printf("fine\\n");\n    return 0;\n}\n');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('terminal')).toContainText('fine');
  await expect(page.getByTestId('stale-run')).toHaveCount(0);
  await typeProgram(page, TWO_ERRORS);
  await page.getByTestId('run').click();
  await expect(page.getByTestId('run-error')).toContainText('does not compile');
  await expect(page.getByTestId('stale-run')).toContainText("previous program's run");
  await expect(page.getByTestId('viewer-wrap')).toHaveAttribute('data-stale', 'true');
});

test('open a file through the picker, save it as a download; replacing unsaved work asks first', async ({ page }, info) => {
  await openLab(page);
  await typeProgram(page, '/* my own work */\nint main(void) { return 0; }\n');
  const text = '/* hello.c */\n#include <stdio.h>\nint main(void) {\n    puts("hello from a file");\n    return 0;\n}\n';

  // the student's unsaved program: Open asks first, and Cancel keeps it
  await page.getByTestId('open-file').click();
  await expect(page.getByTestId('confirm-dialog')).toBeVisible();
  await expect(page.getByTestId('confirm-no')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('confirm-dialog')).toHaveCount(0);
  await expect(page.getByTestId('open-file')).toBeFocused();
  await expect(editorLines(page)).toContainText('my own work');

  await page.getByTestId('open-file').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('confirm-yes').click();
  await (await chooser).setFiles({ name: 'hello.c', mimeType: 'text/x-c', buffer: Buffer.from(text) });
  await expect(editorLines(page)).toContainText('hello from a file');
  await expect(page.getByTestId('problems-count')).toHaveText('no problems');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('terminal')).toContainText('hello from a file');

  // Save downloads it under its name, byte for byte
  const download = page.waitForEvent('download');
  await page.getByTestId('save-file').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('hello.c');
  expect(readFileSync(await file.path(), 'utf8')).toBe(text);

  // a file that is not text is refused with a sentence, and the program stays
  const binary = page.waitForEvent('filechooser');
  await page.getByTestId('open-file').click();
  await (await binary).setFiles({ name: 'a.out', mimeType: 'application/octet-stream', buffer: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0xff, 0xfe, 0x00]) });
  await expect(page.getByTestId('file-error')).toContainText('a.out is not a text file');
  await expect(editorLines(page)).toContainText('hello from a file');
  await shot(page, info, '2-opened-file');
});

test('an example from the menu, run: the zombie example shows its zombie', async ({ page }, info) => {
  await openLab(page);
  await page.getByTestId('examples').click();
  await expect(page.getByTestId('example')).toHaveCount(8);
  await expect(page.getByTestId('example').first()).toBeFocused();
  await page.locator('[data-testid=example][data-example=zombie]').click();
  await replaceIfAsked(page);
  await expect(editorLines(page)).toContainText('A zombie: the child exits at once');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('terminal')).toContainText(/parent: reaped \d+, exit status 7/);
  // at the child's exit it is a zombie in the tree
  await page.getByTestId('go-start').click();
  await page.getByTestId('next-exit').click();
  await expect(programNodes(page).and(page.locator('[data-state=Z]'))).toHaveCount(1);
  await shot(page, info, '3-zombie-example');

  // Reset goes back to the default program; the example was not the student's work, so no question
  await page.getByTestId('reset-program').click();
  await expect(page.getByTestId('confirm-dialog')).toHaveCount(0);
  await expect(editorLines(page)).toContainText('int counter = 1;');
});

test('stdin and argv for Run: the program echoes what was typed', async ({ page }) => {
  await openLab(page);
  await typeProgram(page, `#include <stdio.h>
int main(int argc, char *argv[]) {
    char line[64];
    for (int i = 1; i < argc; i++) printf("arg %d: %s\\n", i, argv[i]);
    while (fgets(line, sizeof line, stdin)) printf("echo: %s", line);
    return 0;
}
`);
  // folded while empty; open, it takes argv and stdin
  await expect(page.getByTestId('run-args')).toBeHidden();
  await page.getByTestId('run-input-toggle').click();
  await page.getByTestId('run-args').fill(`one "two words`);
  await expect(page.getByTestId('run-args-error')).toContainText('never closed');
  await page.getByTestId('run-args').fill(`one "two words"`);
  await expect(page.getByTestId('run-args-error')).toHaveCount(0);
  await page.getByTestId('run-stdin').fill('hello lab\nsecond line\n');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('terminal')).toContainText('arg 1: one\narg 2: two words\n');
  await expect(page.getByTestId('terminal')).toContainText('echo: hello lab\necho: second line\n');
});

test("an exercise's Run uses the exercise's argv, shown and editable", async ({ page }) => {
  await openLab(page);
  await page.getByTestId('mode-exercises').click();
  await page.locator('section.pack[data-pack=process-basics] [data-testid=open-exercise][data-exercise=exec-argv]').click();
  await expect(page.getByTestId('run-args')).toHaveValue('alpha beta gamma');
  await typeProgram(page, '#include <stdio.h>\nint main(int argc, char *argv[]) {\n    for (int i = 0; i < argc; i++) printf("[%s]", argv[i]);\n    printf("\\n");\n    return 0;\n}\n');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('terminal')).toContainText('[./prog][alpha][beta][gamma]');
  await page.getByTestId('run-args').fill('delta');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('terminal')).toContainText('[./prog][delta]');
  // back in the free editor, its own (empty) input
  await page.getByTestId('mode-playground').click();
  await expect(page.getByTestId('run-args')).toHaveValue('');
});

test('Tab leaves the editor after Ctrl+M, to visibly focused controls; the font size is kept across a reload', async ({ page }) => {
  await openLab(page);
  await typeProgram(page, 'int main(void) {\n    return 0;\n}\n');
  await expect.poll(() => focusInEditor(page)).toBe(true);
  // Tab indents at first: the focus stays
  await page.keyboard.press('Tab');
  expect(await focusInEditor(page)).toBe(true);
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(page.getByTestId('tab-mode')).toContainText('Tab indents');
  await page.keyboard.press('Control+M');
  await expect(page.getByTestId('tab-mode')).toContainText('Tab moves the focus');
  await page.keyboard.press('Tab');
  await expect.poll(() => focusInEditor(page)).toBe(false);
  const focused = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    return { tag: el.tagName, testid: el.dataset.testid, outline: style.outlineStyle, width: style.outlineWidth };
  });
  expect(focused.tag).not.toBe('BODY');
  expect(focused.outline, `focus ring of ${focused.tag} ${focused.testid}`).not.toBe('none');
  expect(parseFloat(focused.width)).toBeGreaterThan(0);
  // Shift+Tab goes back in
  await page.keyboard.press('Shift+Tab');
  await expect.poll(() => focusInEditor(page)).toBe(true);

  // Ctrl+= twice in the editor: bigger, and still so after a reload
  await page.keyboard.press('Control+Equal');
  await page.keyboard.press('Control+Equal');
  await expect(page.getByTestId('font-size')).toHaveText('15 px');
  await expect(editorLines(page)).toHaveCSS('font-size', '15px');
  await page.reload();
  await expect(page.getByTestId('editor')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('font-size')).toHaveText('15 px');
  await expect(editorLines(page)).toHaveCSS('font-size', '15px');
  await page.locator('[data-testid=editor] .view-lines').click();
  await page.keyboard.press('Control+Minus');
  await page.keyboard.press('Control+Minus');
  await expect(page.getByTestId('font-size')).toHaveText('13 px');
});

/** axe's violations on the page as it is (the rules of a11y.spec.ts), one line per element. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1, 2).join('').trim() ?? v.help}`));
}

for (const scheme of ['light', 'dark'] as const) {
  test(`no axe violation on the editor's screens, ${scheme} scheme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const found: Record<string, string[]> = {};
    await openLab(page);
    await typeProgram(page, '#include <stdio.h>\nint main(void) {\n    puts("ok");\n    return 0;\n}\n');
    await page.getByTestId('run').click();
    await expect(page.getByTestId('terminal')).toContainText('ok');
    await typeProgram(page, TWO_ERRORS);
    await page.getByTestId('run').click();
    await expect(page.getByTestId('stale-run')).toBeVisible();
    await page.getByTestId('run-input-toggle').click();
    await page.getByTestId('run-args').fill('"unclosed');
    await expect(page.getByTestId('problem')).toHaveCount(2);
    found['problems, a stale run, input with an error'] = await violations(page);

    await page.getByTestId('examples').click();
    await expect(page.getByTestId('examples-menu')).toBeVisible();
    found['examples menu'] = await violations(page);
    await page.locator('[data-testid=example][data-example=pipe]').click();
    await expect(page.getByTestId('confirm-dialog')).toBeVisible();
    found['replace the program?'] = await violations(page);
    await page.getByTestId('confirm-no').click();

    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
  });
}
