/**
 * The memory drawing's geometry, measured in Chromium from the DOM: every page→frame line starts
 * at its page's row and ends at the row of the frame the viewer model says that page maps, with
 * 2, 3 and 8 address spaces; at a COW copy the copied page's line goes to the new frame. The
 * model's answer comes from the very trace the page received (its /api/run response).
 */
import { expect, type Page } from '@playwright/test';
import { COUNTER_PROGRAM, openLab, shot, test, typeProgram } from './lab-page.ts';
import { TraceModel } from '../../src-renderer/src/trace/model.ts';
import type { ViewState } from '../../src-renderer/src/trace/state.ts';
import type { RunView, TraceEvent } from '../../src-renderer/src/lab/index.ts';


const TWO_CHILDREN = `#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    for (int i = 0; i < 2; i++) {
        if (fork() == 0) {
            sleep(1);
            return 0;
        }
    }
    while (wait(NULL) > 0) {
    }
    return 0;
}
`;

const FORK_LOOP_3 = `#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    for (int i = 0; i < 3; i++) {
        fork();
    }
    sleep(1);
    while (wait(NULL) > 0) {
    }
    return 0;
}
`;

/** FORKLAB_SCREENSHOT=docs/screenshot.png retakes the README's picture from the first test. */
const SCREENSHOT = process.env.FORKLAB_SCREENSHOT;

async function readmeShot(page: Page): Promise<void> {
  await page.getByTestId('memory-view').scrollIntoViewIfNeeded();
  await page.screenshot({ path: SCREENSHOT });
}

/** Types `source`, runs it, and returns the run the page received. */
async function runAndCapture(page: Page, source: string): Promise<RunView> {
  await typeProgram(page, source);
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/run'));
  await page.getByTestId('run').click();
  const run = (await (await answer).json()) as RunView;
  await expect(page.getByTestId('run-summary')).toBeVisible();
  return run;
}

/** Moves the viewer to `position` with the slider, as a student dragging it. */
async function goTo(page: Page, position: number): Promise<void> {
  await page.getByTestId('slider').evaluate((el, p) => {
    const input = el as HTMLInputElement;
    input.value = String(p);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, position);
  await expect(page.getByTestId('position')).toContainText(`event ${position} /`);
}

/** The first position at which the model holds `count` address spaces. */
function firstPositionWith(model: TraceModel, count: number): number {
  for (let p = 0; p <= model.length; p++) if (model.stateAt(p).mms.size === count) return p;
  throw new Error(`the run never has ${count} address spaces`);
}

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}
interface Drawn {
  rows: { mms: number[]; vpn: number; frame: number; how: string | null; fresh: boolean; box: Box }[];
  frames: { frame: number; box: Box }[];
  lines: { x1: number; y1: number; x2: number; y2: number }[];
}

/** Reads the drawing: page rows (with the address spaces each stands for), frame rows, and each line's two ends, in page pixels. */
async function measure(page: Page): Promise<Drawn> {
  return page.getByTestId('memory-view').evaluate((view) => {
    const box = (el: Element) => {
      const r = el.querySelector('rect')!.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    };
    const rows = Array.from(view.querySelectorAll('[data-testid=pte]')).map((el) => {
      const own = el.getAttribute('data-mms') ?? el.closest('[data-mm]')!.getAttribute('data-mm')!;
      return {
        mms: own.split(/[ ,]+/).map(Number),
        vpn: Number(el.getAttribute('data-vpn')),
        frame: Number(el.getAttribute('data-frame')),
        how: el.getAttribute('data-how'),
        fresh: el.getAttribute('data-fresh') === 'true',
        box: box(el),
      };
    });
    const frames = Array.from(view.querySelectorAll('[data-testid=frame]')).map((el) => ({ frame: Number(el.getAttribute('data-frame')), box: box(el) }));
    const lines = Array.from(view.querySelectorAll<SVGPathElement>('path.link')).map((path) => {
      const m = path.getScreenCTM()!;
      const end = (at: number) => {
        const p = path.getPointAtLength(at);
        return { x: m.a * p.x + m.c * p.y + m.e, y: m.b * p.x + m.d * p.y + m.f };
      };
      const a = end(0);
      const b = end(path.getTotalLength());
      return { x1: a.x, y1: a.y, x2: b.x, y2: b.y };
    });
    return { rows, frames, lines };
  });
}

const NEAR = 2;
const within = (y: number, b: Box) => y >= b.top - 0.5 && y <= b.bottom + 0.5;

/**
 * Checks the drawing against the model's state: one row per (address space, page) and the frame
 * it maps; each row has one line, from its right edge to the left edge of its frame's row; no
 * line starts anywhere else. Returns the drawing for further checks.
 */
async function expectTrueLines(page: Page, state: ViewState): Promise<Drawn> {
  const drawn = await measure(page);
  const expected = new Map<string, number>();
  for (const m of state.mms.values()) for (const [vpn, p] of m.pages) expected.set(`${m.id}:${vpn}`, p.frame);
  const shown = new Map<string, number>();
  for (const r of drawn.rows) for (const mm of r.mms) shown.set(`${mm}:${r.vpn}`, r.frame);
  expect(new Map([...shown].sort()), 'one row per page of every address space, each with the frame the model maps').toEqual(new Map([...expected].sort()));

  const frameBox = new Map(drawn.frames.map((f) => [f.frame, f.box]));
  const used = new Set<number>();
  for (const r of drawn.rows) {
    const starting = drawn.lines.filter((l) => Math.abs(l.x1 - r.box.right) <= NEAR && within(l.y1, r.box));
    expect(starting, `one line starts at the row of page ${r.vpn} of mm ${r.mms.join(',')}`).toHaveLength(1);
    const line = starting[0]!;
    used.add(drawn.lines.indexOf(line));
    const target = frameBox.get(r.frame);
    expect(target, `frame ${r.frame} is drawn`).toBeDefined();
    const where = `line of page ${r.vpn} of mm ${r.mms.join(',')} ends at frame ${r.frame}'s row`;
    expect(Math.abs(line.x2 - target!.left), `${where} (x ${line.x2.toFixed(1)} vs ${target!.left.toFixed(1)})`).toBeLessThanOrEqual(NEAR);
    expect(within(line.y2, target!), `${where} (y ${line.y2.toFixed(1)} in ${target!.top.toFixed(1)}–${target!.bottom.toFixed(1)})`).toBe(true);
  }
  expect(used.size, 'every line starts at a page row').toBe(drawn.lines.length);
  return drawn;
}

test.describe('memory view geometry', () => {
  test('2 address spaces, and the COW-copied page\'s line goes to its new frame', async ({ page }, info) => {
    await openLab(page);
    const run = await runAndCapture(page, COUNTER_PROGRAM);
    const model = new TraceModel(run.trace);
    // every COW copy of the run (the parent's and the child's stack, the child's write to counter):
    // the viewer settled after the copy, the copied page lit and its line at the new frame
    const copies = run.trace.flatMap((e: TraceEvent, i) => (e.kind === 'cow-copy' ? [i] : []));
    expect(copies.length).toBeGreaterThan(0);
    for (const at of copies) {
      const copy = run.trace[at]!;
      if (copy.kind !== 'cow-copy') throw new Error(`expected a cow-copy event, got ${copy.kind}`);
      const position = model.settle(at + 1);
      await goTo(page, position);
      const state = model.stateAt(position);
      expect(state.mms.size).toBe(2);
      const drawn = await expectTrueLines(page, state);
      const copied = drawn.rows.filter((r) => r.fresh && r.how === 'cow-copy');
      expect(copied).toHaveLength(1);
      expect(copied[0]!.mms).toEqual([copy.mm]);
      expect(copied[0]!.vpn).toBe(copy.vpn);
      expect(copied[0]!.frame, 'the copied page maps the new frame of the trace').toBe(copy.newFrame);
      // the README's picture: the child's write to counter, which copied the data page
      const segment = state.mms.get(copy.mm)!.segments.find((g) => copy.address >= g.start && copy.address < g.end);
      if (SCREENSHOT && segment?.name === 'data') await readmeShot(page);
    }
    await shot(page, info, 'cow-copy');
  });

  test('3 address spaces', async ({ page }, info) => {
    await openLab(page);
    const run = await runAndCapture(page, TWO_CHILDREN);
    const model = new TraceModel(run.trace);
    const position = firstPositionWith(model, 3);
    await goTo(page, position);
    await expectTrueLines(page, model.stateAt(position));
    await shot(page, info, 'three');
  });

  test('8 address spaces', async ({ page }, info) => {
    await openLab(page);
    const run = await runAndCapture(page, FORK_LOOP_3);
    const model = new TraceModel(run.trace);
    const position = firstPositionWith(model, 8);
    await goTo(page, position);
    await expectTrueLines(page, model.stateAt(position));
    await shot(page, info, 'eight');
  });
});
