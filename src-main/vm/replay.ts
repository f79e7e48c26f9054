/**
 * Replay: the engine's own state at any position of a run's trace, as a record-and-replay
 * debugger gets it. Runs are deterministic (the same image and options give the same trace, event
 * for event), so the program is run again, with the options of the run being viewed, and stopped
 * as soon as its trace holds `position` events (KernelOptions.pauseAfterEvents: the run stops
 * when the instruction that raised the last of them is complete, or before the next instruction
 * when a scheduling event was the last). What the machine holds then is what the viewer must
 * show at that position: every task's registers, its page table and the memory behind it.
 *
 * Then `inspectTasks` reads each live task as a debugger would (kernel/inspect.ts: through the
 * task's own page table, without faulting): where it stands in the user's source and the value of
 * every variable in scope, shared frames (vfork, CLONE_VM, threads) and just-copied frames alike.
 */
import type { ProgramImage } from '../lang/image.ts';
import type { RecordLookup } from '../kernel/c-values.ts';
import { callFrames, userFileIndex, userLineAt } from '../kernel/inspect.ts';
import { frameVariables, type LineDetails } from '../kernel/detail.ts';
import type { MmStruct } from '../kernel/mm/mm.ts';
import type { Task } from '../kernel/task.ts';
import type { TraceEvent, TraceKind } from '../kernel/trace.ts';
import type { Machine } from './machine.ts';
import { DEFAULT_KERNEL_OPTIONS } from '../kernel/kernel.ts';
import { bootMachine, compileProgram, recordLayouts, runMachine, type RunRequest } from './run.ts';

/** The event the viewer stands after: the trace's `position`-th event (1-based), as the viewer has it. */
export interface ReplayTarget {
  /** how many events of the trace have happened (1 = after the first) */
  position: number;
  /** the last of them: its step, kind and task, to check that the replay met the same event */
  step: number;
  kind: TraceKind;
  pid: number;
}

/** A machine replayed to a target. */
export interface Replayed {
  machine: Machine;
  /** true when the replay's trace reached the target and its event there is the target's */
  exact: boolean;
}

/**
 * A replay kept paused, to go on from when the next position asked for is further on (stepping
 * and playing forward): `replayTo` keeps its machine here and takes it back when it fits.
 */
export interface KeptReplay {
  machine: Machine;
  program: Task;
  /** what the machine replays: the image and the request it was booted with */
  image: ProgramImage;
  request: Omit<RunRequest, 'source'>;
}

/**
 * Runs `request` again and stops it at `target` (see the file comment). `request` must be the
 * run's own request (same options and detail mode). Stops no later than the instruction after the
 * target's step; when the target is a memory event of compiled code (whose step is that of the
 * call before it: docs/trace.md), goes on without that bound.
 *
 * With `keep`, a machine paused before `target` by an earlier call for the same run goes on from
 * where it stopped instead of starting again; if what it meets is not the target's event (going
 * on adds a scheduling point where the run had none, which a timer's signal may notice), a fresh
 * machine replays from the start. `keep` then holds the machine this call used.
 */
export function replayTo(image: ProgramImage, request: Omit<RunRequest, 'source'>, target: ReplayTarget, keep?: { kept: KeptReplay | null }): Replayed {
  const kept = keep?.kept;
  if (kept && kept.image === image && sameRequest(kept.request, request)) {
    // already there: the instruction it stopped after raised the target's event too (a fork's
    // clone and its snapshots), and a fresh replay would stop at the same point
    if (kept.machine.kernel.trace.events.length >= target.position && isPausedAt(kept.machine, target)) return { machine: kept.machine, exact: true };
    if (resumable(kept.machine, target)) {
      runUntil(kept, target);
      if (reached(kept.machine, target, budgetOf(request))) return { machine: kept.machine, exact: true };
    }
  }
  let fresh = freshReplay(image, request, target, true);
  // going on past the cut is a scheduling point the run did not have: without the cut, if that mattered
  if (!reached(fresh.machine, target, budgetOf(request)) && fresh.machine.kernel.steps > target.step + 1) fresh = freshReplay(image, request, target, false);
  if (keep) keep.kept = fresh;
  return { machine: fresh.machine, exact: reached(fresh.machine, target, budgetOf(request)) };
}

/** A new machine replayed to `target`, with the step budget cut after the target's step first (`cut`) or not. */
function freshReplay(image: ProgramImage, request: Omit<RunRequest, 'source'>, target: ReplayTarget, cut: boolean): KeptReplay {
  const { machine, program } = bootMachine(image, { ...request, detailValues: false }, { pauseAfterEvents: target.position });
  const replay: KeptReplay = { machine, program, image, request };
  runUntil(replay, target, cut);
  return replay;
}

/**
 * Runs a replay's machine on to `target`: first with the step budget cut after the target's step,
 * then (a memory event of compiled code is traced with an earlier step) without the cut. The
 * replay's line events need not say what they say in the run, only that they happen: they are
 * recorded without depth or variables (DetailOptions.values).
 */
function runUntil(replay: KeptReplay, target: ReplayTarget, cut = true): void {
  const kernel = replay.machine.kernel;
  const maxSteps = budgetOf(replay.request);
  kernel.options.pauseAfterEvents = target.position;
  for (const bound of cut ? [Math.min(maxSteps, target.step + 1), maxSteps] : [maxSteps]) {
    if (kernel.trace.events.length >= target.position || kernel.steps >= bound) continue;
    kernel.options.maxSteps = bound;
    kernel.stopReason = null;
    runMachine(replay.machine, replay.program);
    if (kernel.stopReason !== 'step-limit') break;
  }
}

/** The machine paused at the first stopping point at or after `target`: where a fresh replay to it pauses. */
function isPausedAt(machine: Machine, target: ReplayTarget): boolean {
  const k = machine.kernel;
  const pausedFor = k.options.pauseAfterEvents;
  // it paused for an earlier position and did not stop between that one and this one
  return k.stopReason === 'paused' && pausedFor !== null && pausedFor <= target.position && reached(machine, target, Infinity);
}

/** A kept machine can go on to `target`: paused (or cut by the step budget) before it. */
function resumable(machine: Machine, target: ReplayTarget): boolean {
  const k = machine.kernel;
  return (k.stopReason === 'paused' || k.stopReason === 'step-limit') && k.trace.events.length < target.position;
}

/** Two requests replay the same run (the struct layouts, functions, are left out: same source, same layouts). */
function sameRequest(a: Omit<RunRequest, 'source'>, b: Omit<RunRequest, 'source'>): boolean {
  const plain = (r: Omit<RunRequest, 'source'>) => JSON.stringify({ ...r, records: undefined });
  return plain(a) === plain(b);
}

/**
 * Whether the replay met the target: its event at the target's position is the same event (kind,
 * task, step), or it ended before (a finished run adds only warnings and its end after the
 * machine stops, which change no task and no memory).
 */
function reached(machine: Machine, target: ReplayTarget, budget: number): boolean {
  const k = machine.kernel;
  const e: TraceEvent | undefined = k.trace.events[target.position - 1];
  if (e) return e.kind === target.kind && e.pid === target.pid && e.step === target.step;
  // the run's own end: it finished, or used its whole step budget (not a cut made to stop early)
  if (k.stopReason === 'step-limit') return k.steps >= budget;
  return k.stopReason !== 'paused' && k.stopReason !== null;
}

/** The step budget of the run `request` made. */
function budgetOf(request: Omit<RunRequest, 'source'>): number {
  return request.maxSteps ?? DEFAULT_KERNEL_OPTIONS.maxSteps;
}

/** Where a task stands and what its variables hold, read from the machine. */
export interface TaskInspection extends LineDetails {
  pid: number;
  /** the user's functions on its stack, innermost first, with the line each is at */
  frames: { fn: string; line: number }[];
}

/**
 * Every task that has an address space (running, runnable, sleeping, stopped; not zombies),
 * in pid order, read through its own page table. A task with no user frame on its stack (before
 * main, after main returned) has line null and no local variables.
 */
export function inspectTasks(machine: Machine, records: RecordLookup): TaskInspection[] {
  const out: TaskInspection[] = [];
  const tasks = [...machine.kernel.tasks.values()].sort((a, b) => a.pid - b.pid);
  for (const task of tasks) {
    if (task.kernelThread || task.state === 'Z' || task.state === 'X' || !task.mm || !task.ctx) continue;
    out.push(inspectTask(task, records));
  }
  return out;
}

/** One task: its innermost user frame's line, function and variables, and its user call stack. */
function inspectTask(task: Task, records: RecordLookup): TaskInspection {
  const mm = task.mm as MmStruct;
  const image = task.ctx.image;
  const file = userFileIndex(image);
  const frames = callFrames(mm, image, task.ctx.pc, task.ctx.fp);
  const user: { fn: string; line: number; pc: number; fp: number; index: number }[] = [];
  frames.forEach((f, index) => {
    if (!f.fn || f.fn.file !== file) return;
    // a caller's pc is a return address: the call itself is on the instruction before it
    const pc = index === 0 ? f.pc : f.pc - 1;
    const line = userLineAt(image, pc, file);
    if (line !== null) user.push({ fn: f.fn.name, line, pc, fp: f.fp, index });
  });
  const top = user[0];
  const details: LineDetails = top
    ? { line: top.line, fn: top.fn, depth: user.length, vars: frameVariables(mm, image, top.pc, top.fp, records) }
    : { line: null, fn: null, depth: 0, vars: frameVariables(mm, image, -1, 0, records) };
  return { pid: task.pid, ...details, frames: user.map((f) => ({ fn: f.fn, line: f.line })) };
}

/** Compiled images and struct layouts by source, so that scrubbing does not compile at every step. */
const compiled = new Map<string, { image: ProgramImage; records: RecordLookup }>();

/** The image and struct layouts of `source` (compiled once; a few kept). Null when it does not compile. */
export function programFor(source: string, fileName: string): { image: ProgramImage; records: RecordLookup } | null {
  const key = `${fileName}\u0000${source}`;
  let entry = compiled.get(key);
  if (!entry) {
    const c = compileProgram(source, fileName);
    if (!c.ok || !c.image) return null;
    entry = { image: c.image, records: recordLayouts(source, fileName) };
    if (compiled.size >= 4) compiled.delete(compiled.keys().next().value as string);
    compiled.set(key, entry);
  }
  compiled.delete(key);
  compiled.set(key, entry);
  return entry;
}

/** The machine of the last inspection, paused there: the next one further on goes on from it. */
const lastReplay: { kept: KeptReplay | null } = { kept: null };

/** What the viewer shows of the machine at one position of a run. */
export interface StepInspection {
  position: number;
  /** false when the replay could not meet the position's event (the panel must say so) */
  exact: boolean;
  tasks: TaskInspection[];
}

/**
 * The state of every live task at `target` of the run `request` made (its own request: source,
 * options and detail mode). Null when the program does not compile.
 */
export function inspectRun(request: RunRequest, target: ReplayTarget): StepInspection | null {
  const program = programFor(request.source, request.fileName ?? 'prog.c');
  if (!program) return null;
  const { machine, exact } = replayTo(program.image, { ...request, records: program.records }, target, lastReplay);
  return { position: target.position, exact, tasks: inspectTasks(machine, program.records) };
}
