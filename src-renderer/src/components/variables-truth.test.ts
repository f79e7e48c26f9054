// @vitest-environment happy-dom
/**
 * The variables panel shows memory as it is at the selected step (the lab's inspection of that
 * position), through the real store and the real lab: the cases students met where it showed a
 * task's last recorded line instead (a vfork child's write, a COW copy, the end of a run).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { mount } from '@vue/test-utils';
import { inProcessLab } from '../testing/in-process-lab.ts';
import type { TraceEvent } from '../lab/index.ts';

const service = inProcessLab();
vi.mock('../lab/index.ts', () => ({ lab: service }));
const { useViewerStore } = await import('../stores/viewer.ts');
const VariablesView = (await import('./VariablesView.vue')).default;

const VFORK = `#include <stdio.h>
#include <unistd.h>
int main(void) {
  int x = 1;
  pid_t p = vfork();
  if (p == 0) {
    x = 2;
    _exit(0);
  }
  printf("x=%d\\n", x);
  return 0;
}
`;

const COW = `#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
int counter = 1;
int main(void) {
  pid_t pid = fork();
  if (pid == 0) {
    counter = 2;
    printf("child %d\\n", counter);
    exit(0);
  }
  wait(NULL);
  printf("parent %d\\n", counter);
  return 0;
}
`;

/** Moves the viewer to `position` and waits for the lab's answer about it. */
async function showAt(viewer: ReturnType<typeof useViewerStore>, position: number): Promise<void> {
  viewer.go(position);
  await vi.waitFor(() => expect(viewer.inspection?.position).toBe(position), { timeout: 10_000 });
}

/** The panel as the viewer draws it for `pid`. */
function panel(viewer: ReturnType<typeof useViewerStore>, pid: number) {
  return mount(VariablesView, {
    props: { state: viewer.state!, inspection: viewer.inspection, pid, pageSize: 4096 },
  });
}

function valueOf(w: ReturnType<typeof panel>, name: string): string {
  return w.find(`[data-testid=variable][data-name=${name}] [data-testid=value]`).text();
}

describe('the variables panel reads memory at the step', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it("shows the vfork child's write in its parent's variables as soon as it is made (they share the frame)", async () => {
    const viewer = useViewerStore();
    const run = (await viewer.runSource(VFORK))!;
    expect(run.stdout).toBe('x=2\n');
    // the child's write raises the teaching warning right after it
    const at = run.trace.findIndex((e) => e.kind === 'warning' && e.warningKind === 'vfork-child-wrote-memory') + 1;
    expect(at).toBeGreaterThan(0);
    await showAt(viewer, at);
    const parent = run.trace.find((e): e is Extract<TraceEvent, { kind: 'clone' }> => e.kind === 'clone')!.pid;
    expect(viewer.state!.tasks.get(parent)!.state).toBe('D');
    expect(valueOf(panel(viewer, parent), 'x')).toBe('2');
  });

  it('shows the new value in the writer at the step of its COW copy, the old one in the other task', async () => {
    const viewer = useViewerStore();
    const run = (await viewer.runSource(COW))!;
    const copy = run.trace.findIndex((e) => e.kind === 'cow-copy' && e.pid !== 3) + 1;
    expect(copy).toBeGreaterThan(0);
    const child = run.trace[copy - 1]!.pid;
    await showAt(viewer, copy);
    const w = panel(viewer, child);
    expect(valueOf(w, 'counter')).toBe('2');
    // the editor marks the line whose write copied the page (the child then stands on the next one)
    expect(viewer.taskLines.find((t) => t.pid === child)?.line).toBe(9);
    expect(viewer.inspection!.tasks.find((t) => t.pid === child)!.line).toBe(10);
    expect(w.find(`[data-testid=variable][data-name=counter] [data-testid=twin-3]`).text()).toContain('1');
  });

  it('shows no variables for tasks that exited and no buttons for reaped ones at the end of the run', async () => {
    const viewer = useViewerStore();
    const run = (await viewer.runSource(COW))!;
    await showAt(viewer, run.trace.length);
    const w = panel(viewer, 3);
    expect(w.find('[data-testid=variable]').exists()).toBe(false);
    expect(w.find('[data-testid=vars-gone]').exists()).toBe(true);
    expect(w.findAll('.pidbtn')).toHaveLength(0);
  });

  it("says where a task blocked in the C library stands in the student's code", async () => {
    const viewer = useViewerStore();
    const run = (await viewer.runSource(COW))!;
    // the parent sleeps in wait() while the child runs: the panel names main's line of the wait call
    const at = run.trace.findIndex((e) => e.kind === 'block' && e.pid === 3 && e.on === 'wait') + 1;
    await showAt(viewer, at);
    const where = panel(viewer, 3).find('[data-testid=vars-where]').text();
    expect(where).toContain('main()');
    expect(where).toContain('line 13');
  });

  it("keeps the editor's markers true after detail mode's budget of line events is spent", async () => {
    const viewer = useViewerStore();
    // 8,000 iterations of a two-line loop: more line events than the budget (20,000)
    const source = `#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>
int main(void) {
  long sum = 0;
  for (int i = 0; i < 12000; i++) {
    sum += i;
  }
  pid_t pid = fork();
  if (pid == 0) {
    printf("child %ld\\n", sum);
    return 0;
  }
  wait(NULL);
  return 0;
}
`;
    const run = (await viewer.runSource(source))!;
    expect(run.trace.some((e) => e.kind === 'detail-limit')).toBe(true);
    const block = run.trace.findIndex((e) => e.kind === 'block' && e.pid === 3 && e.on === 'wait') + 1;
    expect(block).toBeGreaterThan(0);
    await showAt(viewer, block);
    // the parent waits at line 14, the child (pid 4) is where fork returned to it: line 9
    expect(viewer.taskLines).toEqual([{ pid: 3, line: 14 }, { pid: 4, line: 9 }]);
    expect(viewer.inspection!.tasks.map((t) => [t.pid, t.line])).toEqual([[3, 14], [4, 9]]);
  });
});
