// Every example of the editor's menu compiles, runs in the lab, and does what its comment says:
// checked on the engine's own result (its trace, processes, warnings), not on the text alone.
import { describe, expect, it } from 'vitest';
import { compileProgram, runProgram, type RunResult } from '../../../src-main/vm/run.ts';
import { EXAMPLES, exampleById } from './examples.ts';

/** Runs an example as the app's Run does. */
function run(id: string): RunResult {
  const example = exampleById(id);
  if (!example) throw new Error(`no example ${id}`);
  return runProgram({ source: example.source, fileName: `${id}.c` });
}

/** The trace's events of one kind, with their fields. */
function events(r: RunResult, kind: string): Record<string, unknown>[] {
  return r.trace.filter((e) => e.kind === kind) as unknown as Record<string, unknown>[];
}

/** The program's own processes (not init and the shell), in pid order. */
function programPids(r: RunResult): number[] {
  return r.processes.filter((p) => p.command !== 'init' && p.command !== 'sh').map((p) => p.pid).sort((a, b) => a - b);
}

/** The 1-based line of the first line of `source` containing `text`. */
function lineOf(id: string, text: string): number {
  const i = exampleById(id)!.source.split('\n').findIndex((l) => l.includes(text));
  expect(i, `"${text}" in ${id}.c`).toBeGreaterThanOrEqual(0);
  return i + 1;
}

describe('the examples menu', () => {
  it('has one example per idea, each with a title, a summary and an opening comment', () => {
    expect(EXAMPLES.map((e) => e.id)).toEqual(['fork-return', 'zombie', 'orphan', 'cow', 'vfork-misuse', 'exec', 'clone', 'pipe']);
    for (const e of EXAMPLES) {
      expect(e.title.length).toBeGreaterThan(0);
      expect(e.summary.length).toBeGreaterThan(0);
      expect(e.source.startsWith('/*')).toBe(true);
    }
  });

  it('every example compiles without a warning and ends normally', () => {
    for (const e of EXAMPLES) {
      const r = run(e.id);
      expect(r.diagnostics, e.id).toEqual([]);
      expect(r.stopReason, e.id).toBe('exited');
      expect(r.exit, e.id).toEqual({ code: 0, signal: null });
    }
  });

  it('fork-return: fork returns 0 in the child and the child’s pid in the parent', () => {
    const r = run('fork-return');
    const [parent, child] = programPids(r);
    expect(r.stdout).toContain(`child:  fork returned 0, my pid is ${child}`);
    expect(r.stdout).toContain(`parent: fork returned ${child}, the child's pid`);
    expect(r.processes.find((p) => p.pid === child)).toMatchObject({ ppid: parent, reapedBy: parent });
  });

  it('zombie: the child stays a zombie while its parent sleeps, then the parent reaps it', () => {
    const r = run('zombie');
    const [parent, child] = programPids(r);
    const exit = events(r, 'exit').find((e) => e.pid === child)!;
    const reap = events(r, 'reap').find((e) => e.pid === child)!;
    expect(reap.by).toBe(parent);
    // a zombie for the parent's whole sleep(2): at least 1.9 s of simulated time
    expect(reap.zombieFor as number).toBeGreaterThan(1.9e9);
    expect((reap.time as number) - (exit.time as number)).toBeGreaterThan(1.9e9);
    expect(r.stdout).toContain(`parent: reaped ${child}, exit status 7`);
  });

  it('orphan: the parent exits first, init adopts the child and getppid changes to 1', () => {
    const r = run('orphan');
    const [parent, child] = programPids(r);
    expect(r.processes.find((p) => p.pid === child)).toMatchObject({ reparentedTo: 1, reapedBy: 1 });
    expect(r.stdout).toBe(`child: my parent is ${parent}\nparent ${parent}: exiting without waiting for ${child}\nchild: my parent is now 1 (adopted by init)\n`);
    expect(r.warnings.map((w) => w.kind)).toContain('orphan-reparented');
  });

  it('cow: the child’s write to counter copies counter’s page once, the parent keeps the original', () => {
    const r = run('cow');
    const [parent, child] = programPids(r);
    const counter = compileProgram(exampleById('cow')!.source).image!.symbols.find((s) => s.name === 'counter')!;
    const vpn = Math.floor(counter.address / 4096);
    const copies = events(r, 'cow-copy').filter((e) => e.vpn === vpn);
    expect(copies.map((e) => e.pid)).toEqual([child]);
    expect(copies[0]!.newFrame).not.toBe(copies[0]!.frame);
    // the parent, alone on the old frame by then, writes it in place
    expect(events(r, 'cow-reuse').filter((e) => e.vpn === vpn).map((e) => e.pid)).toEqual([parent]);
    expect(r.stdout).toBe('child:  counter = 2\nparent: counter = 1 (its page was never copied)\n');
  });

  it('vfork-misuse: the child’s write lands in the parent’s x and the lab warns about it', () => {
    const r = run('vfork-misuse');
    expect(r.stats.vforks).toBe(1);
    expect(r.stats.pagesCopied).toBe(0);
    expect(r.stdout).toBe('parent: x = 2 (the child changed it)\n');
    const warning = r.warnings.find((w) => w.kind === 'vfork-child-wrote-memory');
    expect(warning?.line).toBe(lineOf('vfork-misuse', 'x = 2;'));
  });

  it('exec: the child becomes /bin/echo under the same pid', () => {
    const r = run('exec');
    const [, child] = programPids(r);
    const execs = events(r, 'exec').filter((e) => e.pid === child);
    expect(execs).toHaveLength(1);
    expect(execs[0]!.argv).toEqual(['echo', 'hello from echo, same pid as the child']);
    expect(r.stdout).toBe('hello from echo, same pid as the child\nparent: echo exited with 0\n');
  });

  it('clone: with CLONE_VM the child writes the parent’s memory, nothing is copied', () => {
    const r = run('clone');
    expect(r.stats).toMatchObject({ clones: 1, forks: 0, pagesCopied: 0 });
    expect(r.stdout).toBe('parent: value = 42, written by the child\n');
  });

  it('pipe: what the parent writes, the child reads', () => {
    const r = run('pipe');
    const [parent, child] = programPids(r);
    expect(r.stdout).toBe('child read: hello through the pipe\n');
    expect(events(r, 'output').find((e) => e.text === 'child read: hello through the pipe\n')?.pid).toBe(child);
    expect(parent).toBeLessThan(child!);
  });
});
