// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import { createTestingPinia } from '@pinia/testing';
import { runProgram } from '../../../src-main/vm/run.ts';
import { toRunView } from '../../../src-main/service/run-view.ts';
import { TraceModel } from '../trace/model.ts';
import { buildTimeline } from '../trace/timeline.ts';

vi.mock('../lab/index.ts', () => ({ lab: {} }));
const { useViewerStore } = await import('../stores/viewer.ts');
const RunViewer = (await import('./RunViewer.vue')).default;

const ZOMBIE = `#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
int main(void) {
  if (fork() == 0) {
    exit(3);
  }
  sleep(1);
  printf("parent\\n");
  return 0;
}`;

const CRASH = `#include <unistd.h>
#include <sys/wait.h>
int main(void) {
  if (fork() == 0) {
    int *p = 0;
    *p = 1;
  }
  wait(0);
  int *q = 0;
  return *q;
}`;

describe('RunViewer', () => {
  it('shows the panels of a run, a zombie alert while one exists, and warnings that go to their step', async () => {
    const request = { source: ZOMBIE };
    const view = toRunView(runProgram({ ...request, detail: true } as Parameters<typeof runProgram>[0]), request);
    const w = mount(RunViewer, { global: { plugins: [createTestingPinia({ createSpy: vi.fn })] } });
    const viewer = useViewerStore();
    expect(w.text()).toContain('press Run');
    viewer.run = view;
    viewer.model = new TraceModel(view.trace);
    viewer.timeline = buildTimeline(view.trace);
    const child = view.processes.find((p) => p.exitCode === 3)!;
    const exitAt = viewer.model.nextWhere(0, (e) => e.kind === 'exit' && e.pid === child.pid);
    viewer.position = exitAt;
    await w.vm.$nextTick();
    for (const id of ['scrubber', 'process-tree', 'timeline', 'memory-view', 'variables', 'terminal', 'kernel-log', 'warnings']) {
      expect(w.find(`[data-testid=${id}]`).exists(), id).toBe(true);
    }
    expect(w.find('[data-testid=zombie-alert]').text()).toContain('1 zombie now');
    // plurals right: one fork is "1 fork"
    expect(w.find('[data-testid=run-counts]').text()).toMatch(/· 1 fork ·/);
    expect(w.find('[data-testid=run-summary]').text()).not.toMatch(/\b1 (forks|zombies|pages)\b/);
    expect(w.find(`[data-testid=tree-node][data-pid="${child.pid}"]`).attributes('data-state')).toBe('Z');

    const warning = view.warnings.find((x) => x.kind === 'zombie-not-reaped')!;
    const link = w.find(`[data-testid=warning][data-kind=zombie-not-reaped] [data-testid=warning-link]`);
    await link.trigger('click');
    expect(viewer.goToStep).toHaveBeenCalledWith(warning.step, warning.pid);
    if (warning.line !== null) expect(w.emitted('reveal')![0]).toEqual([warning.line]);

    viewer.position = 0;
    await w.vm.$nextTick();
    expect(w.find('[data-testid=zombie-alert]').exists()).toBe(false);
    expect(w.findAll('[data-testid=tree-node]').length).toBe(0);
  });

  it('a crash reads as a crash: red with its signal in the header, the tree and the variables panel', async () => {
    const request = { source: CRASH };
    const view = toRunView(runProgram({ ...request, detail: true } as Parameters<typeof runProgram>[0]), request);
    expect(view.exit).toEqual({ code: 139, signal: 'SIGSEGV' });
    const w = mount(RunViewer, { global: { plugins: [createTestingPinia({ createSpy: vi.fn })] } });
    const viewer = useViewerStore();
    viewer.run = view;
    viewer.model = new TraceModel(view.trace);
    viewer.timeline = buildTimeline(view.trace);
    const child = view.processes.find((p) => p.pid !== 3 && p.command === 'prog')!;
    // just after the child's death: a zombie killed by SIGSEGV
    viewer.position = viewer.model.nextWhere(0, (e) => e.kind === 'exit' && e.pid === child.pid);
    await w.vm.$nextTick();
    const status = w.find('[data-testid=run-status]');
    expect(status.text()).toBe('killed by SIGSEGV');
    expect(status.attributes('data-tone')).toBe('bad');
    expect(status.classes()).toContain('tone-bad');
    expect(w.find('[data-testid=run-summary]').text()).not.toMatch(/\bexited\b/);
    const node = w.find(`[data-testid=tree-node][data-pid="${child.pid}"]`);
    expect(node.classes()).toContain('killed');
    expect(node.text()).toContain('killed by SIGSEGV');
    viewer.selectedPid = child.pid;
    await w.vm.$nextTick();
    const gone = w.find('[data-testid=vars-gone]');
    expect(gone.text()).toContain(`pid ${child.pid} was killed by SIGSEGV`);
    expect(gone.classes()).toContain('killed');
  });
});
