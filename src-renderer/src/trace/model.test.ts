import { describe, expect, it } from 'vitest';
import { runProgram } from '../../../src-main/vm/run.ts';
import type { TraceEvent } from '../lab/index.ts';
import { TraceModel, KEYFRAME_EVERY } from './model.ts';
import { applyEvent, emptyState, frameRefs, type ViewState } from './state.ts';
import { buildTimeline } from './timeline.ts';
import { describeEvent } from './log.ts';

const FORK_ZOMBIE = `#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>
int x = 1;
int main(void) {
  pid_t p = fork();
  if (p == 0) {
    x = 2;
    printf("child %d\\n", x);
    return 3;
  }
  sleep(1);
  printf("parent %d\\n", x);
  wait(NULL);
  return 0;
}`;

const MANY = `#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>
int main(void) {
  for (int i = 0; i < 3; i++) {
    if (fork() == 0) { printf("child %d\\n", i); return i; }
  }
  while (wait(NULL) > 0) { }
  printf("done\\n");
  return 0;
}`;

function run(source: string) {
  return runProgram({ source, detail: true } as Parameters<typeof runProgram>[0] & { detail: boolean });
}

function replay(events: readonly TraceEvent[], position: number): ViewState {
  const s = emptyState();
  for (let i = 0; i < position; i++) applyEvent(s, events[i]!, i);
  return s;
}

function summary(s: ViewState) {
  return {
    tasks: [...s.tasks.values()].map((t) => [t.pid, t.ppid, t.state, t.exitCode, t.line]),
    terminal: s.terminal.map((c) => `${c.pid}:${c.text}`),
    mms: [...s.mms.values()].map((m) => [m.id, [...m.pages.entries()].map(([v, p]) => `${v}>${p.frame}${p.flags}`)]),
  };
}

describe('TraceModel on real traces', () => {
  it('rebuilds the terminal, the processes and their exit codes of a fork program', () => {
    const r = run(FORK_ZOMBIE);
    expect(r.ok).toBe(true);
    const m = new TraceModel(r.trace);
    const end = m.stateAt(m.length);
    expect(end.terminal.map((c) => c.text).join('')).toBe(r.stdout);
    const writers = new Set(end.terminal.map((c) => c.pid));
    expect(writers.size).toBe(2);
    for (const p of r.processes) {
      const t = end.tasks.get(p.pid);
      expect(t, `pid ${p.pid}`).toBeDefined();
      if (p.state === 'exited') expect(t!.state).toBe('X');
      if (p.exitCode !== null) expect(t!.exitCode).toBe(p.exitCode);
    }
    const child = r.processes.find((p) => p.exitCode === 3)!;
    expect(end.tasks.get(child.pid)!.ppid).toBe(child.ppid);
  });

  it('shows the child as a zombie between its exit and its reaping, and not before the fork', () => {
    const r = run(FORK_ZOMBIE);
    const m = new TraceModel(r.trace);
    const forkAt = m.nextOf(0, 'fork');
    const cloneAt = m.nextWhere(0, (e) => e.kind === 'clone');
    expect(forkAt).toBeGreaterThanOrEqual(cloneAt);
    expect(cloneAt).toBeGreaterThan(0);
    const clone = r.trace[cloneAt - 1]!;
    const childPid = clone.kind === 'clone' ? clone.child : -1;
    expect(m.stateAt(cloneAt - 1).tasks.has(childPid)).toBe(false);
    expect(m.stateAt(forkAt).tasks.get(childPid)!.state).not.toBe('Z');
    const exitAt = m.nextWhere(0, (e) => e.kind === 'exit' && e.pid === childPid);
    expect(m.stateAt(exitAt).tasks.get(childPid)!.state).toBe('Z');
    const reapAt = m.nextWhere(0, (e) => e.kind === 'reap' && e.pid === childPid);
    expect(reapAt).toBeGreaterThan(exitAt);
    expect(m.stateAt(reapAt).tasks.get(childPid)!.state).toBe('X');
    // and back again
    expect(m.stateAt(exitAt).tasks.get(childPid)!.state).toBe('Z');
    expect(m.stateAt(0).tasks.size).toBe(0);
  });

  it('reaches every position through keyframes with the same state as a replay from the start', () => {
    const r = run(MANY);
    const m = new TraceModel(r.trace);
    const positions = [0, 1, m.length, Math.floor(m.length / 2), KEYFRAME_EVERY, KEYFRAME_EVERY + 1, m.length - 1];
    for (let i = 0; i < 20; i++) positions.push(Math.floor(((i * 7919) % 1000) / 1000 * m.length));
    for (const p of positions.filter((x) => x >= 0 && x <= m.length)) {
      expect(summary(m.stateAt(p)), `position ${p}`).toEqual(summary(replay(r.trace, p)));
    }
  });

  it('steps by instruction step, kernel event and jump targets, forward and back', () => {
    const r = run(MANY);
    const m = new TraceModel(r.trace);
    let p = 0;
    const forks: number[] = [];
    for (;;) {
      const q = m.nextOf(p, 'fork');
      if (q === p) break;
      forks.push(q);
      p = q;
    }
    expect(forks.length).toBe(3);
    expect(m.prevOf(forks[2]!, 'fork')).toBe(forks[1]);
    const a = m.nextStep(0);
    expect(a).toBeGreaterThan(0);
    expect(r.trace[a - 1]!.step).toBe(r.trace[0]!.step);
    if (a < m.length) expect(r.trace[a]!.step).toBeGreaterThan(r.trace[a - 1]!.step);
    expect(m.prevStep(m.nextStep(a))).toBe(a);
    expect(m.nextKernelEvent(0)).toBeGreaterThan(0);
    expect(m.prevKernelEvent(m.nextKernelEvent(m.nextKernelEvent(0)))).toBe(m.nextKernelEvent(0));
  });

  it('builds a timeline lane per task with zombie spans and fork/exit markers', () => {
    const r = run(FORK_ZOMBIE);
    const t = buildTimeline(r.trace);
    const pids = new Set(r.processes.map((p) => p.pid));
    for (const lane of t.lanes) if (lane.markers.some((mk) => mk.kind === 'exit')) expect(pids.has(lane.pid)).toBe(true);
    const child = r.processes.find((p) => p.exitCode === 3)!;
    const lane = t.lanes.find((l) => l.pid === child.pid)!;
    const zombie = lane.spans.find((s) => s.kind === 'zombie');
    expect(zombie).toBeDefined();
    expect(zombie!.to).toBeGreaterThan(zombie!.from);
    // init sleeps in wait() from boot until a child of its exits
    const init = t.lanes.find((l) => l.pid === 1)!;
    expect(init.spans[0]).toMatchObject({ kind: 'blocked', on: 'wait' });
    const model = new TraceModel(r.trace);
    expect(model.stateAt(1).tasks.get(1)).toMatchObject({ state: 'S', blockedOn: 'wait' });
    // the program's own task runs (R) from its first switch on, until it sleeps
    const firstSwitch = model.nextWhere(0, (e) => e.kind === 'switch');
    const runner = r.trace[firstSwitch - 1]!.pid;
    expect(model.stateAt(firstSwitch).tasks.get(runner)).toMatchObject({ state: 'R', blockedOn: null });
    const forkAt = model.nextOf(0, 'fork');
    expect(model.stateAt(forkAt).tasks.get(child.ppid)!.state).toBe('R');
    const parentLane = t.lanes.find((l) => l.pid === child.ppid)!;
    expect(parentLane.markers.some((mk) => mk.kind === 'fork')).toBe(true);
    expect(r.trace.map(describeEvent).filter((x) => x !== null).some((x) => x!.includes('copy_process'))).toBe(true);
  });
});

describe('memory model (docs/trace.md events)', () => {
  const ev = (step: number, pid: number, kind: string, fields: Record<string, unknown>): TraceEvent => ({ step, time: step, pid, kind, ...fields }) as TraceEvent;
  const trace: TraceEvent[] = [
    ev(0, 3, 'mm-snapshot', { mm: 1, pages: [[16, 5, 'rx'], [32, 6, 'rw'], [33, 7, 'rw']], segments: [{ name: 'text', start: 0x10000, end: 0x11000 }], refs: [[5, 1], [6, 1], [7, 1]] }),
    ev(10, 3, 'clone', { child: 4, what: 'fork', mm: 2, steps: ['dup_task_struct', 'copy_mm'] }),
    ev(10, 4, 'mm-snapshot', { mm: 2, pages: [[16, 5, 'rx'], [32, 6, 'rc'], [33, 7, 'rc']], segments: [], refs: [[5, 2], [6, 2], [7, 2]] }),
    ev(20, 4, 'fault', { mm: 2, vpn: 32, frame: 6, address: 32 * 4096 + 8, write: true, reason: 'cow' }),
    ev(20, 4, 'cow-copy', { mm: 2, vpn: 32, frame: 6, newFrame: 9, address: 32 * 4096 + 8 }),
    ev(30, 3, 'fault', { mm: 1, vpn: 32, frame: 6, address: 32 * 4096 + 8, write: true, reason: 'cow' }),
    ev(30, 3, 'cow-reuse', { mm: 1, vpn: 32, frame: 6 }),
    ev(40, 4, 'exit', { status: 0, code: 0, signal: null }),
    ev(40, 4, 'mm-release', { mm: 2 }),
  ];

  it('marks both page tables copy-on-write at fork and counts shared frames twice', () => {
    const m = new TraceModel(trace);
    const s = m.stateAt(3);
    expect(s.mms.get(1)!.pages.get(32)!.flags).toContain('c');
    expect(s.mms.get(2)!.pages.get(32)!.frame).toBe(6);
    expect(frameRefs(s).get(6)).toBe(2);
    expect(frameRefs(s).get(5)).toBe(2);
  });

  it('shows the copy at the step of the write and the reuse after it', () => {
    const m = new TraceModel(trace);
    const before = m.stateAt(4);
    expect(before.mms.get(2)!.pages.get(32)!.frame).toBe(6);
    const after = m.stateAt(5);
    expect(after.mms.get(2)!.pages.get(32)).toMatchObject({ frame: 9, how: 'cow-copy' });
    expect(after.mms.get(2)!.pages.get(32)!.flags).not.toContain('c');
    expect(frameRefs(after).get(6)).toBe(1);
    expect(frameRefs(after).get(9)).toBe(1);
    const reused = m.stateAt(7);
    expect(reused.mms.get(1)!.pages.get(32)).toMatchObject({ frame: 6, how: 'cow-reuse', flags: 'rw' });
    const released = m.stateAt(9);
    expect(released.mms.has(2)).toBe(false);
    expect(frameRefs(released).get(7)).toBe(1);
    expect(m.stateAt(2).mms.has(2)).toBe(false);
  });
});

describe('memory model on real traces', () => {
  const FORK_WRITE = `#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>
int shared = 1;
int main(void) {
  pid_t pid = fork();
  if (pid == 0) {
    shared = 2;
    exit(0);
  }
  wait(NULL);
  printf("%d\\n", shared);
  return 0;
}`;

  it('agrees with the kernel on every frame count it reports in a page-table snapshot', () => {
    const r = run(FORK_WRITE);
    const m = new TraceModel(r.trace);
    let compared = 0;
    r.trace.forEach((e, i) => {
      if (e.kind !== 'mm-snapshot' || !Array.isArray(e.refs)) return;
      // after the events of this step, so the snapshots of both sides of a fork are in
      const s = m.stateAt(m.nextStep(i));
      const refs = frameRefs(s);
      for (const [frame, count] of e.refs as [number, number][]) {
        if (s.step !== e.step) continue;
        expect(refs.get(frame), `frame ${frame} at event ${i}`).toBe(count);
        compared++;
      }
    });
    expect(compared).toBeGreaterThan(0);
  });

  it('shows the child write copying the page: a new frame for the child, the old one left to the parent', () => {
    const r = run(FORK_WRITE);
    const m = new TraceModel(r.trace);
    const childPid = Number(r.trace.find((e) => e.kind === 'clone')!.child);
    const copyAt = m.nextWhere(0, (e) => e.kind === 'cow-copy' && e.pid === childPid);
    expect(copyAt).toBeGreaterThan(0);
    const copy = r.trace[copyAt - 1]!;
    if (copy.kind !== 'cow-copy') throw new Error(`expected a cow-copy, got ${copy.kind}`);
    const before = m.snapshotAt(copyAt - 1);
    const after = m.snapshotAt(copyAt);
    const childMm = after.tasks.get(childPid)!.mm!;
    const parentMm = after.tasks.get(Number(r.trace.find((e) => e.kind === 'clone')!.pid))!.mm!;
    const vpn = Number(copy.vpn);
    expect(before.mms.get(childMm)!.pages.get(vpn)!.frame).toBe(before.mms.get(parentMm)!.pages.get(vpn)!.frame);
    expect(frameRefs(before).get(Number(copy.frame))).toBe(2);
    expect(after.mms.get(childMm)!.pages.get(vpn)).toMatchObject({ frame: Number(copy.newFrame), how: 'cow-copy' });
    expect(after.mms.get(parentMm)!.pages.get(vpn)!.frame).toBe(Number(copy.frame));
    expect(frameRefs(after).get(Number(copy.frame))).toBe(1);
    expect(frameRefs(after).get(Number(copy.newFrame))).toBe(1);
    expect(r.stats.pagesCopied).toBe(r.trace.filter((e) => e.kind === 'cow-copy').length);
  });
});
