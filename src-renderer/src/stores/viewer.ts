/**
 * The run viewer's store: the RunView being shown, its TraceModel, the position in the trace, the
 * selected task, playback, and the eager-fork comparison run. It asks the lab to run programs;
 * it never runs the kernel itself.
 *
 * What the trace cannot say at every position (where each task stands, the value of its
 * variables) comes from the engine: `inspection` is the lab's `inspect` of the current position
 * (the run replayed to it), or null while it is on its way. Answers are kept per position, and
 * while one is on its way only the latest position asked for is sent next.
 */
import { defineStore } from 'pinia';
import { computed, markRaw, ref, shallowRef, watch } from 'vue';
import { lab, type RunOptions, type RunView, type StepInspection } from '../lab/index.ts';
import { TraceModel, type JumpKind } from '../trace/model.ts';
import { buildTimeline, type Timeline } from '../trace/timeline.ts';
import type { ViewState } from '../trace/state.ts';

export type StepUnit = 'step' | 'line' | 'event';

export const useViewerStore = defineStore('viewer', () => {
  const run = shallowRef<RunView | null>(null);
  const model = shallowRef<TraceModel | null>(null);
  const timeline = shallowRef<Timeline | null>(null);
  const position = ref(0);
  const selectedPid = ref<number | null>(null);
  const busy = ref(false);
  const error = ref<string | null>(null);
  /** true after a Run that did not compile: the run still shown is the previous program's */
  const stale = ref(false);
  /** the same program run with forkCopy 'eager', to compare costs */
  const eagerRun = shallowRef<RunView | null>(null);
  const compareEager = ref(false);
  const lastSource = ref<string | null>(null);
  const lastOptions = ref<RunOptions>({});
  /** ms from asking for a run to having it loaded (the bench reads it) */
  const lastRunMs = ref<number | null>(null);
  /** the job id of the run in progress, for cancel() */
  const currentJob = ref<string | null>(null);
  let jobs = 0;
  /** the engine's state at the current position, once the lab has answered */
  const inspection = shallowRef<StepInspection | null>(null);
  const inspectError = ref<string | null>(null);
  const inspections = new Map<number, StepInspection>();
  let inspectWanted: number | null = null;
  let inspectBusy = false;

  const length = computed(() => model.value?.length ?? 0);
  const state = computed<ViewState | null>(() => (model.value ? markRaw(model.value.snapshotAt(position.value)) : null));
  const hasLines = computed(() => run.value?.trace.some((e) => e.kind === 'line') ?? false);
  /**
   * Where each live task stands in the student's file at the current position (the editor's
   * markers): the task whose event this is, at the line that raised it (the write on line 9 that
   * copied a page, though the task then stands on line 10); the others where the engine says they
   * are once its answer is in, meanwhile at their last line event.
   */
  const taskLines = computed<{ pid: number; line: number }[]>(() => {
    const s = state.value;
    if (!s || position.value >= length.value) return [];
    const read = inspection.value?.position === position.value ? inspection.value : null;
    const event = run.value?.trace[position.value - 1];
    return [...s.tasks.values()].flatMap((t) => {
      if (t.state === 'X' || t.state === 'Z') return [];
      const line =
        event && event.pid === t.pid && event.line !== undefined ? event.line : read ? (read.tasks.find((x) => x.pid === t.pid)?.line ?? null) : t.line;
      return line === null ? [] : [{ pid: t.pid, line }];
    });
  });

  /** Shows a finished run from its start (or from `at`). */
  function load(view: RunView, at = 0): void {
    inspections.clear();
    inspection.value = null;
    inspectError.value = null;
    run.value = markRaw(view);
    stale.value = false;
    model.value = markRaw(new TraceModel(view.trace, view.options.pageSize ?? 4096));
    timeline.value = markRaw(buildTimeline(view.trace));
    position.value = Math.min(at, view.trace.length);
    const first = view.processes.find((p) => p.command !== 'init' && p.command !== 'sh');
    selectedPid.value = first?.pid ?? view.processes[0]?.pid ?? null;
  }

  /** Runs `source` through the lab and shows the result at its end. */
  async function runSource(source: string, options: RunOptions = {}): Promise<RunView | null> {
    busy.value = true;
    error.value = null;
    const started = performance.now();
    const jobId = `run-${++jobs}-${Date.now()}`;
    currentJob.value = jobId;
    try {
      const view = await lab.run({ source, options, jobId });
      performance.mark('forklab:run-answered');
      // a run cancelled while it ran keeps what ran: shown like any run, labelled partial (RunViewer)
      if (view.stopReason === 'cancelled' && view.trace.length === 0) {
        error.value = 'run cancelled';
        return view;
      }
      if (view.stopReason === 'compile-error') {
        // keep showing the last run, marked as the previous program's; the Problems list says what is wrong
        stale.value = run.value !== null;
        const d = view.diagnostics.find((x) => x.severity === 'error');
        error.value = d ? `does not compile: line ${d.line}: ${d.message}` : 'the program did not compile';
        return view;
      }
      lastSource.value = source;
      lastOptions.value = options;
      load(view, view.trace.length);
      performance.mark('forklab:run-loaded');
      lastRunMs.value = performance.now() - started;
      eagerRun.value = null;
      if (compareEager.value) await runEager();
      return view;
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e);
      return null;
    } finally {
      busy.value = false;
      currentJob.value = null;
    }
  }

  /** Stops the run in progress (the lab answers it with stopReason 'cancelled'). */
  async function cancel(): Promise<boolean> {
    const job = currentJob.value;
    return job === null ? false : lab.cancel(job);
  }

  /** Re-runs the last program with forkCopy 'eager' for the cost comparison. */
  async function runEager(): Promise<void> {
    if (lastSource.value === null) return;
    eagerRun.value = markRaw(await lab.run({ source: lastSource.value, options: { ...lastOptions.value, forkCopy: 'eager' } }));
  }

  async function setCompareEager(on: boolean): Promise<void> {
    compareEager.value = on;
    if (on && !eagerRun.value) await runEager();
  }

  function go(p: number): void {
    position.value = Math.max(0, Math.min(length.value, Math.round(p)));
  }

  /** Moves one unit forward (dir 1) or back (dir -1). */
  function stepBy(unit: StepUnit, dir: 1 | -1): void {
    const m = model.value;
    if (!m) return;
    const p = position.value;
    if (unit === 'step') go(dir > 0 ? m.nextStep(p) : m.prevStep(p));
    else if (unit === 'line') go(dir > 0 ? m.nextLine(p) : m.prevLine(p));
    else go(dir > 0 ? m.nextKernelEvent(p) : m.prevKernelEvent(p));
  }

  /** Jumps to the next (dir 1) or previous (dir -1) fork, exec, exit, fault or warning. */
  function jump(kind: JumpKind, dir: 1 | -1): void {
    const m = model.value;
    if (!m) return;
    go(dir > 0 ? m.nextOf(position.value, kind) : m.prevOf(position.value, kind));
  }

  /** Shows the moment a step link points at (a warning, a graded check). */
  function goToStep(step: number, pid?: number | null): void {
    const m = model.value;
    if (!m) return;
    go(m.positionOfStep(step, pid));
    if (pid !== undefined && pid !== null) selectedPid.value = pid;
  }

  function select(pid: number | null): void {
    selectedPid.value = pid;
  }

  /** Shows the inspection of the current position: from the cache, else asks the lab (latest position wins). */
  function inspectCurrent(): void {
    const view = run.value;
    const p = position.value;
    const cached = inspections.get(p);
    inspection.value = cached ?? null;
    if (cached || !view || p === 0) return;
    inspectWanted = p;
    if (!inspectBusy) void askInspection(view);
  }

  async function askInspection(view: RunView): Promise<void> {
    inspectBusy = true;
    try {
      while (inspectWanted !== null && run.value === view) {
        const p = inspectWanted;
        inspectWanted = null;
        const e = view.trace[p - 1];
        if (!e || inspections.has(p)) continue;
        try {
          const answer = await lab.inspect({
            run: { source: view.program.source, fileName: view.program.fileName, options: view.options },
            position: p, step: e.step, kind: e.kind, pid: e.pid,
          });
          if (run.value !== view) return;
          if (inspections.size >= 500) inspections.delete(inspections.keys().next().value as number);
          inspections.set(p, markRaw(answer));
          inspectError.value = null;
          if (position.value === p) inspection.value = inspections.get(p)!;
        } catch (err) {
          inspectError.value = err instanceof Error ? err.message : String(err);
        }
      }
    } finally {
      inspectBusy = false;
    }
    // another run was loaded while an answer was on its way: ask for its position now
    if (inspectWanted !== null && run.value && run.value !== view) void askInspection(run.value);
  }

  watch([run, position], inspectCurrent);

  return {
    run, model, timeline, position, selectedPid, busy, error, stale, eagerRun, compareEager, lastRunMs, length, state, hasLines,
    currentJob, inspection, inspectError, taskLines, load, runSource, cancel, runEager, setCompareEager, go, stepBy, jump, goToStep, select,
  };
});
