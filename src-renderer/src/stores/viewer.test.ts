// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { inProcessLab } from '../testing/in-process-lab.ts';

const service = inProcessLab();
vi.mock('../lab/index.ts', () => ({ lab: service }));
const { useViewerStore } = await import('./viewer.ts');

const COW = `#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>
int big[4096];
int main(void) {
  for (int i = 0; i < 4096; i += 256) big[i] = i;
  pid_t pid = fork();
  if (pid == 0) { big[0] = 7; printf("child %d\\n", big[0]); exit(0); }
  wait(NULL);
  printf("parent %d\\n", big[0]);
  return 0;
}`;

describe('viewer store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('runs through the lab and shows the run at its end, then steps back to the start and over the fork', async () => {
    const viewer = useViewerStore();
    const view = await viewer.runSource(COW);
    expect(view?.stdout).toBe('child 7\nparent 0\n');
    expect(viewer.position).toBe(viewer.length);
    expect(viewer.state!.terminal.map((c) => c.text).join('')).toBe(view!.stdout);
    viewer.go(0);
    expect(viewer.state!.tasks.size).toBe(0);
    viewer.jump('fork', 1);
    const s = viewer.state!;
    const clone = view!.trace.find((e) => e.kind === 'clone')!;
    expect(s.tasks.has(Number(clone.child))).toBe(true);
    expect(s.step).toBe(clone.step);
    viewer.stepBy('step', -1);
    expect(viewer.state!.tasks.has(Number(clone.child))).toBe(false);
    expect(viewer.state!.step).toBeLessThan(clone.step);
  });

  it("marks the run it keeps showing as the previous program's when a new Run does not compile", async () => {
    const viewer = useViewerStore();
    const first = await viewer.runSource(COW);
    expect(viewer.stale).toBe(false);
    await viewer.runSource('int main(void) { return y; }');
    expect(viewer.run).toBe(first);
    expect(viewer.stale).toBe(true);
    expect(viewer.error).toMatch(/does not compile/);
    await viewer.runSource(COW);
    expect(viewer.stale).toBe(false);
  });

  it('goes to the step a warning names, selecting its task', async () => {
    const viewer = useViewerStore();
    const view = await viewer.runSource(`#include <unistd.h>
#include <stdlib.h>
int main(void) { if (fork() == 0) exit(0); sleep(1); return 0; }`);
    const w = view!.warnings.find((x) => x.kind === 'zombie-not-reaped');
    expect(w).toBeDefined();
    viewer.goToStep(w!.step, w!.pid);
    expect(viewer.state!.step).toBe(w!.step);
    expect(viewer.selectedPid).toBe(w!.pid);
    expect(viewer.state!.tasks.get(w!.pid)!.state).toBe('Z');
  });

  it('re-runs with eager fork for the comparison, which copies more pages than COW', async () => {
    const viewer = useViewerStore();
    await viewer.runSource(COW);
    expect(viewer.eagerRun).toBeNull();
    await viewer.setCompareEager(true);
    expect(viewer.eagerRun!.options.forkCopy).toBe('eager');
    expect(viewer.eagerRun!.stdout).toBe(viewer.run!.stdout);
    expect(viewer.eagerRun!.stats.pagesCopied).toBeGreaterThan(viewer.run!.stats.pagesCopied);
  });

  it('reports a program that does not compile without losing the previous run', async () => {
    const viewer = useViewerStore();
    await viewer.runSource(COW);
    const before = viewer.run;
    const bad = await viewer.runSource('int main(void) { return x; }');
    expect(bad?.ok).toBe(false);
    expect(viewer.error).toMatch(/^does not compile: line 1: /);
    expect(viewer.run).toBe(before);
    expect(viewer.run!.ok).toBe(true);
  });

  it('shows a run cancelled while it ran: what ran until then, as the run', async () => {
    const viewer = useViewerStore();
    await viewer.runSource(COW);
    const partialRun = { ...viewer.run!, stopReason: 'cancelled', stopMessage: 'cancelled after 1,000 steps: what the program did until then is shown' };
    const run = vi.spyOn(service, 'run').mockResolvedValue(partialRun);
    await viewer.runSource('int main(void) { for (;;) { } }');
    expect(viewer.error).toBeNull();
    expect(viewer.run).toStrictEqual(partialRun);
    expect(viewer.position).toBe(partialRun.trace.length);
    run.mockRestore();
  });

  it('cancels the run in progress by its job id and keeps showing the last run when nothing of it ran', async () => {
    const viewer = useViewerStore();
    await viewer.runSource(COW);
    const shown = viewer.run;
    // a run that only ends when the lab is asked to cancel its job, as the worker pool does
    let release: ((jobId: string) => void) | null = null;
    const run = vi.spyOn(service, 'run').mockImplementation(async (request) => {
      const cancelledJob = await new Promise<string>((resolve) => (release = resolve));
      expect(cancelledJob).toBe(request.jobId);
      return { ...shown!, stopReason: 'cancelled', trace: [] };
    });
    const cancel = vi.spyOn(service, 'cancel').mockImplementation(async (jobId) => {
      release!(jobId);
      return true;
    });
    const pending = viewer.runSource('int main(void) { for (;;) { } }');
    expect(viewer.busy).toBe(true);
    expect(viewer.currentJob).toMatch(/^run-/);
    expect(await viewer.cancel()).toBe(true);
    await pending;
    expect(cancel).toHaveBeenCalledWith(run.mock.calls[0]![0].jobId);
    expect(viewer.busy).toBe(false);
    expect(viewer.error).toBe('run cancelled');
    expect(viewer.run).toBe(shown);
    expect(await viewer.cancel()).toBe(false);
    run.mockRestore();
    cancel.mockRestore();
  });
});
