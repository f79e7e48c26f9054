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
    expect(w.find('[data-testid=zombie-alert]').text()).toContain('1 zombie');
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
});
