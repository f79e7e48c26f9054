/**
 * Truth tests (../shared/design.md, "Pictures are claims"): for every multi-process program of
 * the differential corpus, at every kernel event worth a picture and at random positions, what
 * the viewer shows equals what the engine holds at that moment:
 * - the viewer's model rebuilt from the trace (tasks, their parents and states, every address
 *   space's pages with their frames and COW marks, every frame's reference count, the terminal)
 *   against the machine replayed to the same point;
 * - the variables the viewer shows (the lab's inspection of that position) against the memory of
 *   each live task read independently through its own page table.
 * Half the programs are replayed afresh for each position, half by going on from the previous
 * position (as stepping forward in the viewer does).
 */
import { describe, expect, it } from 'vitest';
import { loadCorpus, type CorpusProgram } from '../differential/corpus.ts';
import { compileProgram, recordLayouts, runProgram, type RunRequest } from '../../src-main/vm/run.ts';
import { inspectTasks, replayTo } from '../../src-main/vm/replay.ts';
import type { MmStruct } from '../../src-main/kernel/mm/mm.ts';
import type { TraceEvent } from '../../src-main/kernel/trace.ts';
import { TraceModel } from '../../src-renderer/src/trace/model.ts';
import { enginePicture, modelPicture, readVariable } from './picture.ts';

/** Events that change nothing a picture shows on their own (each is seen with the event it belongs to). */
const BOOKKEEPING = new Set<TraceEvent['kind']>(['line', 'detail-limit', 'frame-alloc', 'frame-free', 'syscall', 'close']);
const MAX_KERNEL_POSITIONS = 60;
const RANDOM_POSITIONS = 8;
/** a long run (the stack-overflow program: 291,000 steps) is replayed at fewer positions */
const LONG_RUN_STEPS = 50_000;
const LONG_RUN_POSITIONS = 12;

/** Positions to check: after each kernel event (at most `most`, evenly spread) and a few random ones. */
export function positionsToCheck(trace: readonly TraceEvent[], seed: string, most = MAX_KERNEL_POSITIONS): number[] {
  const kernel = trace.flatMap((e, i) => (BOOKKEEPING.has(e.kind) ? [] : [i + 1]));
  const every = Math.max(1, Math.ceil(kernel.length / most));
  const picked = new Set(kernel.filter((_, i) => i % every === 0));
  let h = 2166136261;
  for (const c of seed) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  for (let i = 0; i < RANDOM_POSITIONS; i++) {
    h = Math.imul(h ^ (h >>> 15), 2246822519) >>> 0;
    picked.add(1 + (h % trace.length));
  }
  return [...picked].sort((a, b) => a - b);
}

function requestFor(p: CorpusProgram): Omit<RunRequest, 'source'> & { source: string } {
  return { source: p.source, fileName: `${p.name}.c`, args: p.args, ...(p.stdin !== null ? { stdin: p.stdin } : {}), detail: true };
}

/**
 * Checks one program at every chosen position; returns how many positions were compared. With
 * `goOn`, each replay goes on from the previous one (as the viewer's stepping forward does);
 * without, each starts afresh.
 */
function checkProgram(p: CorpusProgram, goOn: boolean): number {
  const keep = goOn ? { kept: null } : undefined;
  const request = requestFor(p);
  const run = runProgram(request);
  expect(run.ok, run.diagnosticsText).toBe(true);
  const image = compileProgram(p.source, request.fileName).image!;
  const records = recordLayouts(p.source, request.fileName);
  const model = new TraceModel(run.trace);
  const positions = positionsToCheck(run.trace, p.name, run.stats.steps > LONG_RUN_STEPS ? LONG_RUN_POSITIONS : MAX_KERNEL_POSITIONS);
  for (const position of positions) {
    const e = run.trace[position - 1]!;
    const where = `${p.name} at event ${position} (${e.kind} of pid ${e.pid}, step ${e.step})`;
    const { machine, exact } = replayTo(image, { ...request, records }, { position, step: e.step, kind: e.kind, pid: e.pid }, keep);
    expect(exact, `${where}: the replay met the same event`).toBe(true);
    const replayed = machine.kernel.trace.events;
    // the replay's trace is the run's, up to where it stopped (it may finish the instruction's other events)
    const reached = Math.min(replayed.length, run.trace.length);
    const last = (x: TraceEvent | undefined) => x && { kind: x.kind, pid: x.pid, step: x.step, line: x.line };
    expect(last(replayed[reached - 1]), `${where}: the replay's last event`).toEqual(last(run.trace[reached - 1]));
    expect(modelPicture(model.stateAt(reached)), `${where}: the viewer's model against the engine`).toEqual(enginePicture(machine));
    const vars = checkVariables(machine, records, where);
    tally.compared += vars.compared;
    tally.shown += vars.shown;
  }
  return positions.length;
}

/** Variables shown and variables compared with the independent reading, over the whole corpus. */
const tally = { compared: 0, shown: 0 };

/** The variables the viewer shows for each live task, against its memory read independently (returns how many were compared). */
function checkVariables(machine: Parameters<typeof inspectTasks>[0], records: Parameters<typeof inspectTasks>[1], where: string): { compared: number; shown: number } {
  let compared = 0;
  let count = 0;
  const shown = inspectTasks(machine, records);
  const live = [...machine.kernel.tasks.values()].filter((t) => !t.kernelThread && t.state !== 'Z' && t.state !== 'X' && t.mm);
  expect(shown.map((t) => t.pid), `${where}: the tasks whose variables are shown`).toEqual(live.map((t) => t.pid).sort((a, b) => a - b));
  for (const task of shown) {
    const mm = machine.kernel.tasks.get(task.pid)!.mm as MmStruct;
    for (const v of task.vars) {
      count++;
      if (v.value === '<not mapped>') continue;
      const truth = readVariable(mm, v.address, v.type);
      if (truth === null) continue;
      expect(v.value, `${where}: pid ${task.pid}'s ${v.name}`).toBe(truth);
      compared++;
    }
  }
  return { compared, shown: count };
}

describe('the viewer tells the truth at every step', () => {
  const corpus = loadCorpus('tests/differential/multi');
  // a few programs per test, so that a failure names its program and the suite spreads over workers
  const chunks: CorpusProgram[][] = [];
  for (let i = 0; i < corpus.length; i += 8) chunks.push(corpus.slice(i, i + 8));
  for (const chunk of chunks) {
    it(`${chunk[0]!.name} … ${chunk[chunk.length - 1]!.name}`, () => {
      let checked = 0;
      chunk.forEach((program, i) => (checked += checkProgram(program, i % 2 === 1)));
      expect(checked).toBeGreaterThan(chunk.length);
    }, 240_000);
  }
  it('compares most of the variables it shows with memory read independently', () => {
    // every type the corpus uses but structs, doubles and char arrays has an independent reading
    if (process.env.TRUTH_TALLY) console.log(tally);
    expect(tally.compared).toBeGreaterThan(tally.shown * 0.8);
  });
});
