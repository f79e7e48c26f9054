/**
 * `npm run bench` section: the renderer in Debian's Chromium, against the production bundle
 * served by the browser host on 127.0.0.1.
 *   - time from pressing Run to the first drawn picture (the process tree painted) for a typical
 *     exercise program (target <= 100 ms), split into the run over HTTP and the viewer's part,
 *     with the bare engine run in Node measured in the same run as the reference;
 *   - the initial payload: bytes of JS and CSS loaded before the editor appears;
 *   - scale: a run printing 80,000 lines (first picture, target <= 500 ms of the viewer's own
 *     part; scrubbing to a random position until the frame is painted, target median < 50 ms)
 *     and a 64-process run (a 6-level fork loop: first picture, scrubbing, and whether the tree
 *     fits its panel, the memory view scrolls inside its panel and no pid tag overflows).
 * Needs /usr/bin/chromium and out/renderer (built here when missing).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { chromium, type Browser, type Page } from '@playwright/test';
import { runProgram } from '../src-main/vm/run.ts';
import { REPO } from './repo.ts';


const CHROMIUM = '/usr/bin/chromium';
const PROGRAM = join(REPO, 'exercises/process-basics/fork-returns/solution.c');
const REPEATS = 7;
const TARGET_MS = 100;
const LINES_80K = `#include <stdio.h>
int main(void) {
    for (int i = 0; i < 80000; i++) printf("line %d\\n", i);
    return 0;
}
`;
const FORK_LOOP_6 = `#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>
int main(void) {
    for (int i = 0; i < 6; i++) fork();
    printf("pid %d\\n", getpid());
    while (wait(NULL) > 0) {
    }
    return 0;
}
`;
const SCRUBS = 21;
const SCRUB_TARGET_MS = 50;
const BIG_FIRST_TARGET_MS = 500;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** The newest modification time of the files under `dir` (recursively), in ms. */
function newestUnder(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Builds the renderer's production bundle unless one newer than every renderer source exists. */
function ensureBundle(): void {
  const bundle = join(REPO, 'out/renderer/index.html');
  const sources = Math.max(newestUnder(join(REPO, 'src-renderer')), newestUnder(join(REPO, 'src-main/service')));
  if (existsSync(bundle) && statSync(bundle).mtimeMs > sources) return;
  console.log('  building the renderer bundle (its sources changed since the last build)…');
  const vite = join(REPO, 'node_modules/vite/bin/vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--config', 'src-renderer/vite.config.ts'], { cwd: REPO, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('the renderer build failed');
}

/** Starts the browser host on a free port; resolves with its URL. */
function startHost(data: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['bin/serve.mjs', '--port', '0', '--data', data], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the host did not start:\n${out}`)), 60_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[0], child });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`the host exited (${code}):\n${out}`)));
  });
}

/** Loads the lab and counts the JS and CSS bytes fetched until the editor is ready. */
async function initialPayload(page: Page, url: string): Promise<{ js: number; css: number; files: number }> {
  const sizes: Promise<{ type: string; bytes: number }>[] = [];
  page.on('response', (r) => {
    const type = r.request().resourceType();
    if (type === 'script' || type === 'stylesheet') sizes.push(r.body().then((b) => ({ type, bytes: b.length })).catch(() => ({ type, bytes: 0 })));
  });
  await page.goto(url);
  await page.waitForSelector('[data-testid=editor][data-ready=true]');
  page.removeAllListeners('response');
  const all = await Promise.all(sizes);
  return {
    js: all.filter((s) => s.type === 'script').reduce((n, s) => n + s.bytes, 0),
    css: all.filter((s) => s.type === 'stylesheet').reduce((n, s) => n + s.bytes, 0),
    files: all.length,
  };
}

interface Timing {
  /** Run clicked → the frame after the tree appeared */
  total: number;
  /** Run clicked → the /api/run request sent */
  sent: number;
  /** the /api/run request, sent to last byte */
  http: number;
  /** lab.run resolved (JSON parsed) */
  answered: number;
  /** the trace model, timeline and state built */
  loaded: number;
  /** the tree in the DOM (Vue rendered) */
  drawn: number;
}

/** Puts the program in the editor, presses Run, and times until the tree is painted (in the page's clock). */
async function runToPicture(page: Page, url: string, source: string): Promise<Timing> {
  await typeSource(page, url, source);
  // a string, not a function: tsx would add helpers the page does not have
  return page.evaluate(MEASURE_IN_PAGE) as Promise<Timing>;
}

/** A fresh page with `source` in the editor, ready to run. */
async function typeSource(page: Page, url: string, source: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('[data-testid=editor][data-ready=true]');
  await page.locator('[data-testid=editor] .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(source);
  await page.waitForTimeout(400); // let the debounced diagnose finish
}

/** The page's main-thread CPU time (ms) while `work` runs, from Chromium's trace. */
async function mainThreadCpu<T>(browser: Browser, page: Page, work: () => Promise<T>): Promise<{ value: T; cpu: number }> {
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  const value = await work();
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: { name: string; ph: string; pid: number; tid: number; tdur?: number; args?: { name?: string } }[] };
  const busy = new Map<string, number>();
  for (const e of trace.traceEvents) if (e.ph === 'X' && e.name === 'RunTask' && e.tdur !== undefined) busy.set(`${e.pid}:${e.tid}`, (busy.get(`${e.pid}:${e.tid}`) ?? 0) + e.tdur);
  // the renderer's main thread that ran the most is the page's
  const mains = new Set(trace.traceEvents.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  return { value, cpu: Math.max(0, ...[...busy].filter(([k]) => mains.has(k)).map(([, v]) => v)) / 1000 };
}

const MEASURE_IN_PAGE = `new Promise((resolve) => {
  performance.clearResourceTimings();
  performance.clearMarks();
  const t0 = performance.now();
  let domAt = NaN;
  const done = () => {
    // the frame after the tree is in the DOM has been painted
    requestAnimationFrame(() => {
      const total = performance.now() - t0;
      const run = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/api/run'));
      const mark = (name) => performance.getEntriesByName(name).pop()?.startTime ?? NaN;
      resolve({ total, sent: run ? run.startTime - t0 : NaN, http: run ? run.responseEnd - run.startTime : NaN, answered: mark('forklab:run-answered') - t0, loaded: mark('forklab:run-loaded') - t0, drawn: domAt - t0 });
    });
  };
  const obs = new MutationObserver(() => {
    if (document.querySelector('[data-testid=tree-node]')) {
      domAt = performance.now();
      obs.disconnect();
      done();
    }
  });
  obs.observe(document.body, { subtree: true, childList: true });
  document.querySelector('[data-testid=run]').click();
})`;

/** Moves the slider to each position and times it until the frame showing it is painted (in the page's clock). */
const SCRUB_IN_PAGE = `(async (positions) => {
  const slider = document.querySelector('[data-testid=slider]');
  const painted = () => new Promise((resolve) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = resolve;
    channel.port2.postMessage(0);
  }));
  const times = [];
  for (const p of positions) {
    await new Promise((r) => setTimeout(r, 20));
    const t0 = performance.now();
    slider.value = String(p);
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    await painted();
    times.push(performance.now() - t0);
  }
  return times;
})`;

/** Positions spread over the whole run, in a shuffled order (a student dragging back and forth). */
function scrubPositions(length: number): number[] {
  const out: number[] = [];
  let seed = 12345;
  for (let i = 0; i < SCRUBS; i++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    out.push(Math.floor((seed / 2 ** 31) * length));
  }
  return out;
}

/** Scrubs SCRUBS times: each scrub's wall time, and the page's main-thread CPU time per scrub. */
async function scrub(browser: Browser, page: Page): Promise<{ times: number[]; cpuPerScrub: number }> {
  const length = Number(await page.getAttribute('[data-testid=slider]', 'max'));
  const { value: times, cpu } = await mainThreadCpu(browser, page, () => page.evaluate(`(${SCRUB_IN_PAGE})(${JSON.stringify(scrubPositions(length))})`) as Promise<number[]>);
  return { times, cpuPerScrub: cpu / times.length };
}

/** Whether the 64-process picture stays inside its panels (the page as it is). */
const LAYOUT_IN_PAGE = `(() => {
  const rect = (sel) => document.querySelector(sel)?.getBoundingClientRect();
  const tree = rect('[data-testid=process-tree]');
  const treePort = rect('[data-testid=tree-viewport]');
  const memPanel = document.querySelector('[data-testid=memory-view]');
  const memRect = memPanel.getBoundingClientRect();
  const viewer = rect('[data-testid=viewer]');
  const tags = [...document.querySelectorAll('[data-testid=memory-view] .pidtag')].map((t) => t.getBoundingClientRect());
  const svg = rect('[data-testid=memory-view] svg');
  return {
    mode: document.querySelector('[data-testid=process-tree]').getAttribute('data-mode'),
    treeFitsWidth: tree.width <= treePort.width + 1,
    treeInViewer: treePort.right <= viewer.right + 1,
    memoryPanelHeight: Math.round(memRect.height),
    memoryScrollsInside: memPanel.scrollHeight > memPanel.clientHeight,
    pidTags: tags.length,
    pidTagsInside: tags.every((t) => t.right <= svg.right + 1 && t.right <= viewer.right + 1),
    editorTags: document.querySelectorAll('[data-testid=editor] .task-tag').length,
    editorTasks: new Set([...document.querySelectorAll('[data-testid=tree-node]')].filter((n) => !/[XZ]/.test(n.getAttribute('data-state') ?? '') && n.getAttribute('data-command') === 'prog').map((n) => n.getAttribute('data-pid'))).size,
  };
})()`;

/** Runs the renderer bench and prints its lines. */
export async function benchRenderer(): Promise<void> {
  console.log('\nrenderer (Chromium, production bundle through the browser host)');
  if (!existsSync(CHROMIUM)) {
    console.log(`  skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);
    return;
  }
  ensureBundle();
  const source = readFileSync(PROGRAM, 'utf8');
  const engine: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const t0 = performance.now();
    runProgram({ source, detail: true } as Parameters<typeof runProgram>[0]);
    engine.push(performance.now() - t0);
  }
  const data = mkdtempSync(join(tmpdir(), 'forklab-bench-host-'));
  const host = await startHost(data);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const payload = await initialPayload(page, host.url);
    const runs: Timing[] = [];
    for (let i = 0; i < REPEATS; i++) runs.push(await runToPicture(page, host.url, source));
    const total = median(runs.map((r) => r.total));
    const http = median(runs.map((r) => r.http));
    const sent = median(runs.map((r) => r.sent));
    const parse = median(runs.map((r) => r.answered - r.http - r.sent));
    const model = median(runs.map((r) => r.loaded - r.answered));
    const render = median(runs.map((r) => r.drawn - r.loaded));
    const paint = median(runs.map((r) => r.total - r.drawn));
    const bare = median(engine);
    console.log(
      `  Run → first picture (${PROGRAM.slice(REPO.length + 1)}): median ${total.toFixed(0)} ms of ${REPEATS}` +
        ` (run over HTTP ${http.toFixed(0)} ms, viewer ${(total - http).toFixed(0)} ms)  target <= ${TARGET_MS} ms  ${total <= TARGET_MS ? 'ok' : 'OVER'}`,
    );
    console.log(`  split (medians): before the request ${sent.toFixed(0)} ms, request ${http.toFixed(0)} ms, JSON ${parse.toFixed(0)} ms, trace model ${model.toFixed(0)} ms, Vue render ${render.toFixed(0)} ms, to the painted frame ${paint.toFixed(0)} ms`);
    console.log(`  reference: the same run in Node without the app ${bare.toFixed(0)} ms; ratio first picture / bare run ${(total / bare).toFixed(1)}x`);
    console.log(
      `  initial payload before the editor appears: ${((payload.js + payload.css) / 1024).toFixed(0)} KiB` +
        ` (JS ${(payload.js / 1024).toFixed(0)} KiB, CSS ${(payload.css / 1024).toFixed(0)} KiB, ${payload.files} files, uncompressed)`,
    );
    console.log(`  machine load while measuring: ${loadavg()[0]!.toFixed(1)} (1-minute load average, ${cpus().length} cores)`);
    await benchScale(browser, page, host.url);
  } finally {
    await browser.close();
    host.child.kill('SIGTERM');
    rmSync(data, { recursive: true, force: true });
  }
}

/** The two scale cases: 80,000 lines of output and 64 processes. */
async function benchScale(browser: Browser, page: Page, url: string): Promise<void> {
  const cases = [
    { name: '80,000 lines of output', source: LINES_80K, repeats: 3 },
    { name: '64 processes (6-level fork loop)', source: FORK_LOOP_6, repeats: 3 },
  ];
  for (const c of cases) {
    const runs: Timing[] = [];
    const cpus: number[] = [];
    for (let i = 0; i < c.repeats; i++) {
      await typeSource(page, url, c.source);
      const { value, cpu } = await mainThreadCpu(browser, page, () => page.evaluate(MEASURE_IN_PAGE) as Promise<Timing>);
      runs.push(value);
      cpus.push(cpu);
    }
    const total = median(runs.map((r) => r.total));
    const http = median(runs.map((r) => r.http));
    const viewer = median(runs.map((r) => r.total - r.http));
    const events = Number(await page.getAttribute('[data-testid=slider]', 'max'));
    console.log(
      `  ${c.name}, ${events.toLocaleString('en')} trace events: Run → first picture median ${total.toFixed(0)} ms of ${c.repeats}` +
        ` (run over HTTP ${http.toFixed(0)} ms, viewer ${viewer.toFixed(0)} ms: before the request ${median(runs.map((r) => r.sent)).toFixed(0)}, JSON ${median(runs.map((r) => r.answered - r.http - r.sent)).toFixed(0)},` +
        ` trace model ${median(runs.map((r) => r.loaded - r.answered)).toFixed(0)}, render and paint ${median(runs.map((r) => r.total - r.loaded)).toFixed(0)})` +
        `; page main-thread CPU ${median(cpus).toFixed(0)} ms` +
        (c.source === LINES_80K ? `  viewer target <= ${BIG_FIRST_TARGET_MS} ms  ${viewer <= BIG_FIRST_TARGET_MS ? 'ok' : 'OVER'}` : ''),
    );
    const { times, cpuPerScrub } = await scrub(browser, page);
    const m = median(times);
    console.log(
      `    scrub to a random position → painted: median ${m.toFixed(1)} ms of ${times.length}, worst ${Math.max(...times).toFixed(0)} ms` +
        ` (page main-thread CPU ${cpuPerScrub.toFixed(1)} ms a scrub)` +
        (c.source === LINES_80K ? `  target median < ${SCRUB_TARGET_MS} ms  ${m < SCRUB_TARGET_MS ? 'ok' : 'OVER'}` : ''),
    );
    if (c.source === FORK_LOOP_6) {
      // just after the last fork: every task made, most of them alive
      await page.locator('[data-testid=viewer] .summary').click();
      await page.keyboard.press('End');
      await page.keyboard.press('Shift+F');
      const nodes = await page.locator('[data-testid=tree-node]').count();
      const l = (await page.evaluate(LAYOUT_IN_PAGE)) as Record<string, unknown>;
      console.log(
        `    at the last fork (${nodes} tasks in the tree): tree layout ${String(l.mode)}, fits its panel's width: ${l.treeFitsWidth ? 'yes' : 'NO'};` +
          ` memory panel ${String(l.memoryPanelHeight)} px high, scrolls inside it: ${l.memoryScrollsInside ? 'yes' : 'no'};` +
          ` ${String(l.pidTags)} pid tags, all inside: ${l.pidTagsInside ? 'yes' : 'NO'};` +
          ` the editor tags ${String(l.editorTags)} pids by name for ${String(l.editorTasks)} live tasks (the rest as "+N more")`,
      );
    }
  }
}

// run alone: node bin/run-ts.mjs bench/renderer.ts
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await benchRenderer();
