/**
 * Seeing an endless loop for what it is: a task that comes back to the very same state (its
 * registers, its evaluation stack and every byte of its memory) will go round for ever, since
 * nothing else can change that state (the kernel checks that no other task runs, no memory is
 * shared, no signal waits: sched-core.ts soleRunner). The lab then stops the run and says so, and
 * only then: a loop that changes anything (a counter in memory) is not called endless. When a
 * timer is due (alarm, a sleeper), the loop's turns up to it are skipped (sched-core.ts endlessLoop).
 *
 * The probe runs the task one instruction at a time from a starting state, copying each page
 * the first time it is written (the TLB's write check), and compares the state each time the
 * registers are back where they started: equal registers and equal written pages mean the whole
 * state is equal. A call into the library or the kernel, a fault, or the probe's budget ends it
 * without a verdict.
 */
import type { CpuContext } from '../kernel/context.ts';
import type { Task } from '../kernel/task.ts';
import { runSlice, SliceEnd, type CpuHost } from './interpreter.ts';
import type { Tlb } from './tlb.ts';
import type { Fault } from '../kernel/mmu.ts';

/** Instructions a probe runs at most. */
export const PROBE_STEPS = 20_000;
/** Times the registers may come back without the memory being equal before the probe gives up. */
const MAX_COMPARISONS = 64;

export interface ProbeResult {
  steps: number;
  fault: Fault | null;
  faultPc: number;
  /** true when the task came back to its starting state */
  endless: boolean;
  /** the steps one turn of the loop takes (when endless) */
  period: number;
}

/** The registers and evaluation stack of a context, as one comparable string of numbers. */
function registers(ctx: CpuContext): string {
  let s = `${ctx.pc},${ctx.sp},${ctx.fp},${ctx.esp}`;
  for (let i = 0; i < 2 * ctx.esp; i++) s += `,${ctx.evalI32[i]}`;
  return s;
}

/**
 * Runs `task` for at most `budget` instructions (no more than PROBE_STEPS), one at a time,
 * looking for its starting state. `host` runs the instructions' library calls (the machine);
 * `calls()` counts the calls made so far (one made during the probe ends it). `onStep` is told
 * of every instruction run (the kernel's clock).
 */
export function probeEndlessLoop(task: Task, tlb: Tlb, host: CpuHost, budget: number, calls: () => number, onStep: (steps: number) => void): ProbeResult {
  const ctx = task.ctx;
  const start = registers(ctx);
  // the registers alone first: the whole string (the evaluation stack) only when they are back
  const { pc, sp, fp, esp } = ctx;
  const pageSize = tlb.pageSize;
  const saved = new Map<number, Uint8Array>();
  const callsBefore = calls();
  const previousCheck = tlb.writeCheck;
  // every page, the first time the task writes it, is copied as it was at the start
  tlb.tag.fill(NaN);
  tlb.writeCheck = (address) => {
    const vpn = Math.floor(address / pageSize);
    if (saved.has(vpn)) return;
    const view = tlb.mmu.translate(vpn, address, false).view;
    saved.set(vpn, new Uint8Array(view.buffer, view.byteOffset, pageSize).slice());
  };
  let steps = 0;
  let comparisons = 0;
  try {
    while (steps < Math.min(budget, PROBE_STEPS)) {
      const r = runSlice(ctx, tlb, host, 1);
      steps += r.steps;
      onStep(steps);
      if (r.end === SliceEnd.Fault) return { steps, fault: r.fault, faultPc: r.faultPc, endless: false, period: 0 };
      if (r.end === SliceEnd.Yield || r.steps === 0 || calls() !== callsBefore || task.state !== 'R') break;
      if (ctx.pc !== pc || ctx.sp !== sp || ctx.fp !== fp || ctx.esp !== esp || registers(ctx) !== start) continue;
      if (samePages(tlb, saved, pageSize)) return { steps, fault: null, faultPc: 0, endless: true, period: steps };
      if (++comparisons >= MAX_COMPARISONS) break;
    }
    return { steps, fault: null, faultPc: 0, endless: false, period: 0 };
  } finally {
    tlb.writeCheck = previousCheck;
    tlb.tag.fill(NaN);
  }
}

/** Whether every page written since the start holds what it held then. */
function samePages(tlb: Tlb, saved: Map<number, Uint8Array>, pageSize: number): boolean {
  for (const [vpn, before] of saved) {
    const view = tlb.mmu.translate(vpn, vpn * pageSize, false).view;
    const now = new Uint8Array(view.buffer, view.byteOffset, pageSize);
    for (let i = 0; i < pageSize; i++) if (now[i] !== before[i]) return false;
  }
  return true;
}
