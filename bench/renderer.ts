/**
 * `npm run bench` section: the renderer in Debian's Chromium, against the production bundle
 * served by the browser host on 127.0.0.1.
 *   - time from pressing Run to the first drawn picture (the process tree painted) for a typical
 *     exercise program (target <= 100 ms), split into the run over HTTP and the viewer's part,
 *     with the bare engine run in Node measured in the same run as the reference;
 *   - the initial payload: bytes of JS and CSS loaded before the editor appears.
 * Needs /usr/bin/chromium and out/renderer (built here when missing).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { chromium, type Page } from '@playwright/test';
import { runProgram } from '../src-main/vm/run.ts';
import { REPO } from './repo.ts';


const CHROMIUM = '/usr/bin/chromium';
const PROGRAM = join(REPO, 'exercises/process-basics/fork-returns/solution.c');
const REPEATS = 7;
const TARGET_MS = 100;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function ensureBundle(): void {
  if (existsSync(join(REPO, 'out/renderer/index.html'))) return;
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
  await page.goto(url);
  await page.waitForSelector('[data-testid=editor][data-ready=true]');
  await page.locator('[data-testid=editor] .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(source);
  await page.waitForTimeout(400); // let the debounced diagnose finish
  // a string, not a function: tsx would add helpers the page does not have
  return page.evaluate(MEASURE_IN_PAGE) as Promise<Timing>;
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
      resolve({ total, http: run ? run.responseEnd - run.startTime : NaN, answered: mark('forklab:run-answered') - t0, loaded: mark('forklab:run-loaded') - t0, drawn: domAt - t0 });
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
    const parse = median(runs.map((r) => r.answered - r.http));
    const model = median(runs.map((r) => r.loaded - r.answered));
    const render = median(runs.map((r) => r.drawn - r.loaded));
    const paint = median(runs.map((r) => r.total - r.drawn));
    const bare = median(engine);
    console.log(
      `  Run → first picture (${PROGRAM.slice(REPO.length + 1)}): median ${total.toFixed(0)} ms of ${REPEATS}` +
        ` (run over HTTP ${http.toFixed(0)} ms, viewer ${(total - http).toFixed(0)} ms)  target <= ${TARGET_MS} ms  ${total <= TARGET_MS ? 'ok' : 'OVER'}`,
    );
    console.log(`  split (medians): request ${http.toFixed(0)} ms, JSON ${parse.toFixed(0)} ms, trace model ${model.toFixed(0)} ms, Vue render ${render.toFixed(0)} ms, to the painted frame ${paint.toFixed(0)} ms`);
    console.log(`  reference: the same run in Node without the app ${bare.toFixed(0)} ms; ratio first picture / bare run ${(total / bare).toFixed(1)}x`);
    console.log(
      `  initial payload before the editor appears: ${((payload.js + payload.css) / 1024).toFixed(0)} KiB` +
        ` (JS ${(payload.js / 1024).toFixed(0)} KiB, CSS ${(payload.css / 1024).toFixed(0)} KiB, ${payload.files} files, uncompressed)`,
    );
  } finally {
    await browser.close();
    host.child.kill('SIGTERM');
    rmSync(data, { recursive: true, force: true });
  }
}

// run alone: node bin/run-ts.mjs bench/renderer.ts
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await benchRenderer();
