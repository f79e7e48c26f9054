// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { runProgram } from '../../../src-main/vm/run.ts';
import { inspectStep } from '../../../src-main/service/run-engines.ts';
import { TraceModel } from '../trace/model.ts';
import type { TraceEvent } from '../lab/index.ts';
import ProcessTree from './ProcessTree.vue';
import MemoryView from './MemoryView.vue';
import TerminalView from './TerminalView.vue';
import VariablesView from './VariablesView.vue';
import TimelineView from './TimelineView.vue';
import { buildTimeline } from '../trace/timeline.ts';
import CostCompare from './CostCompare.vue';
import WarningsView from './WarningsView.vue';

const ORPHAN_ZOMBIE = `#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
int counter = 1;
int main(void) {
  pid_t pid = fork();
  if (pid == 0) {
    counter = 2;
    printf("child %d\\n", counter);
    exit(0);
  }
  sleep(1);
  printf("parent %d\\n", counter);
  return 0;
}`;

function trace(source: string) {
  return runProgram({ source, detail: true } as Parameters<typeof runProgram>[0]);
}

describe('ProcessTree', () => {
  it('draws a node per task, the zombie as Z with its exit code, and the reparent edge to init', () => {
    const r = trace(ORPHAN_ZOMBIE);
    const m = new TraceModel(r.trace);
    const child = r.processes.find((p) => p.reparentedTo !== null)!;
    const at = m.positionOfStep(r.warnings.find((w) => w.kind === 'zombie-not-reaped')!.step, child.pid);
    const s = m.stateAt(at);
    const w = mount(ProcessTree, { props: { tasks: [...s.tasks.values()], selected: child.pid } });
    const nodes = w.findAll('[data-testid=tree-node]');
    expect(nodes.length).toBe(s.tasks.size);
    const zombie = w.find(`[data-pid="${child.pid}"]`);
    expect(zombie.attributes('data-state')).toBe('Z');
    expect(zombie.text()).toContain('ZOMBIE');
    expect(zombie.text()).toContain('exit 0');
    expect(zombie.classes()).toContain('selected');
    expect(w.findAll('[data-testid=reparent-edge]').length).toBe(1);
  });

  it('emits the pid of the task clicked', async () => {
    const r = trace(ORPHAN_ZOMBIE);
    const s = new TraceModel(r.trace).stateAt(r.trace.length);
    const w = mount(ProcessTree, { props: { tasks: [...s.tasks.values()], selected: null } });
    const first = w.findAll('[data-testid=tree-node]')[0]!;
    await first.trigger('click');
    expect(w.emitted('select')![0]).toEqual([Number(first.attributes('data-pid'))]);
  });
});

describe('MemoryView', () => {
  const ev = (step: number, pid: number, kind: string, fields: Record<string, unknown>): TraceEvent => ({ step, time: step, pid, kind, ...fields }) as TraceEvent;
  const events: TraceEvent[] = [
    ev(0, 3, 'task-new', { ppid: 1, command: 'prog', mm: 1 }),
    ev(0, 3, 'mm-snapshot', { mm: 1, pages: [[16, 5, 'rx'], [32, 6, 'rw']], segments: [{ name: 'text', start: 16 * 4096, end: 17 * 4096 }, { name: 'data', start: 32 * 4096, end: 33 * 4096 }], refs: [] }),
    ev(10, 3, 'clone', { child: 4, what: 'fork', mm: 2 }),
    ev(10, 4, 'mm-snapshot', { mm: 2, pages: [[16, 5, 'rx'], [32, 6, 'rc']], segments: [], refs: [] }),
    ev(20, 4, 'fault', { mm: 2, vpn: 32, frame: 6, address: 32 * 4096, write: true, reason: 'cow' }),
    ev(20, 4, 'cow-copy', { mm: 2, vpn: 32, frame: 6, newFrame: 9, address: 32 * 4096 }),
    ev(25, 4, 'syscall', { name: 'getpid', args: [], result: 4 }),
  ];
  const m = new TraceModel(events);

  it('shows shared frames with two references and COW pages before the write', () => {
    const w = mount(MemoryView, { props: { state: m.snapshotAt(4), pageSize: 4096, selectedPid: 4 } });
    expect(w.findAll('[data-testid=page-table]').length).toBe(2);
    expect(w.find('[data-testid=frame][data-frame="6"]').attributes('data-refs')).toBe('2');
    const cow = w.findAll('[data-testid=pte][data-flags*=c]');
    expect(cow.length).toBe(2);
    expect(w.text()).toContain('data');
  });

  it('lights the copied page at the step of the write only', () => {
    const at = mount(MemoryView, { props: { state: m.snapshotAt(6), pageSize: 4096, selectedPid: 4 } });
    const copied = at.find('[data-testid=page-table][data-mm="2"] [data-testid=pte][data-vpn="32"]');
    expect(copied.attributes('data-frame')).toBe('9');
    expect(copied.attributes('data-fresh')).toBe('true');
    expect(copied.text()).toContain('copied!');
    expect(at.find('[data-testid=frame][data-frame="6"]').attributes('data-refs')).toBe('1');
    const later = mount(MemoryView, { props: { state: m.snapshotAt(7), pageSize: 4096, selectedPid: 4 } });
    expect(later.find('[data-testid=page-table][data-mm="2"] [data-testid=pte][data-vpn="32"]').attributes('data-fresh')).toBeUndefined();
  });
});

describe('TerminalView, VariablesView and TimelineView on a real run', () => {
  it('colours each piece of the terminal by the pid that wrote it', () => {
    const r = trace(ORPHAN_ZOMBIE);
    const s = new TraceModel(r.trace).stateAt(r.trace.length);
    const w = mount(TerminalView, { props: { chunks: s.terminal } });
    expect(w.element.textContent).toBe(r.stdout);
    const pids = w.findAll('.chunk').map((c) => Number(c.attributes('data-pid')));
    expect(new Set(pids).size).toBe(2);
    expect(w.findAll('.chunk').every((c) => c.classes().some((k) => k.startsWith('task-c')))).toBe(true);
  });

  it('shows the same address with different values in parent and child after the COW copy', () => {
    const r = trace(ORPHAN_ZOMBIE);
    const m = new TraceModel(r.trace);
    const child = r.processes.find((p) => p.reparentedTo !== null)!;
    // the child's printf line: its counter is 2 while the parent's is still 1
    const at = m.nextWhere(0, (e) => e.kind === 'line' && e.pid === child.pid && Array.isArray(e.vars) && (e.vars as { name: string; value: string }[]).some((v) => v.name === 'counter' && v.value === '2'));
    expect(at).toBeGreaterThan(0);
    const e = r.trace[at - 1]!;
    const inspection = inspectStep({ run: { source: ORPHAN_ZOMBIE }, position: at, step: e.step, kind: e.kind, pid: e.pid });
    expect(inspection.exact).toBe(true);
    const w = mount(VariablesView, { props: { state: m.snapshotAt(at), inspection, pid: child.pid, pageSize: 4096 } });
    const row = w.find('[data-testid=variable][data-name=counter]');
    expect(row.find('[data-testid=value]').text()).toBe('2');
    expect(row.find('.differs').text()).toContain('1');
  });

  it('draws a lane per task with a zombie span', () => {
    const r = trace(ORPHAN_ZOMBIE);
    const t = buildTimeline(r.trace);
    const w = mount(TimelineView, { props: { timeline: t, step: 0 } });
    expect(w.findAll('[data-testid=lane]').length).toBe(t.lanes.length);
    expect(w.findAll('.span-zombie').length).toBeGreaterThan(0);
  });
});

describe('words a beginner reads', () => {
  it('the eager comparison labels its bars in words, not field names', () => {
    const stats = { pagesCopied: 1, cowFaults: 2, framesPeak: 9 };
    const w = mount(CostCompare, { props: { cow: stats as never, eager: { pagesCopied: 7, cowFaults: 0, framesPeak: 15 } as never } });
    expect(w.text()).toContain('pages copied');
    expect(w.text()).toContain('copy-on-write faults');
    expect(w.text()).not.toMatch(/pagesCopied|cowFaults|framesPeak/);
  });

  it('warnings are titled in words and say when they come later', () => {
    const warnings = [{ kind: 'zombie-not-reaped', message: 'pid 4 exited and nobody waited for it', step: 50, pid: 4, line: 7 }];
    const w = mount(WarningsView, { props: { warnings: warnings as never, step: 10 } });
    expect(w.text()).toContain('a zombie nobody reaped');
    expect(w.text()).not.toContain('zombie-not-reaped');
    expect(w.text()).toContain('later in the run');
    expect(w.find('.kind').attributes('title')).toContain('wait()');
  });
});
