/**
 * Explanations in words a beginner reads, for the explorer's outputs and for a candidate output
 * (a question's choice, or one a student types):
 *
 * - why an output is possible: the scheduling decisions of the run that prints it, each said as
 *   "child 4 runs before parent 3 prints "parent"" (a task ran while another that could have run
 *   waited);
 * - why an output is impossible: the shortest chain of the process graph (graph.ts) that it
 *   contradicts, "'parent done' is printed after wait() returns, which needs child 4 to exit,
 *   which comes after it prints "child"; your output has "parent done" before "child"", or, when
 *   its lines are not the ones any run prints, which line is missing or extra.
 */
import type { TraceEvent } from '../kernel/trace.ts';
import { quote, type GraphEdge, type GraphVertex, type ProcessGraph } from './graph.ts';

/**
 * The decisions of a run that ordered its lines, in words (at most `max` of them): where the
 * scheduler switched to a task X whose next line came before the next line of another task Y
 * that could have run then, "X runs before Y prints "y"".
 */
export function decisionsInWords(graph: ProcessGraph, trace: readonly TraceEvent[], max = 8): string[] {
  const laneOf = new Map(graph.lanes.map((l, i) => [l.pid, i]));
  /** tasks that exist (at first the lanes no fork made: the program, the cat of --stdout pipe), and those that cannot run now (asleep, stopped) */
  const alive = new Set<number>(graph.lanes.filter((_, i) => !graph.edges.some((e) => e.kind === 'fork' && e.to === `${i}:0`)).map((l) => l.pid));
  const waiting = new Set<number>();
  const out: string[] = [];
  for (const e of trace) {
    if (e.kind === 'block' || e.kind === 'stop') waiting.add(e.pid);
    else if (e.kind === 'exit') alive.delete(e.pid);
    else if (e.kind === 'wake' || e.kind === 'continue') waiting.delete(e.pid);
    else if (e.kind === 'clone') alive.add(e.child);
    else if (e.kind === 'switch') {
      const x = laneOf.get(e.pid);
      if (x === undefined) continue;
      const xPrint = nextOfKind(graph, x, e.step, 'print');
      if (!xPrint) continue;
      graph.lanes.forEach((lane, y) => {
        if (y === x || !alive.has(lane.pid) || waiting.has(lane.pid)) return;
        const yNext = nextVisible(graph, y, e.step);
        if (!yNext || yNext.kind !== 'print' || yNext.step <= xPrint.step || yNext.step < e.step) return;
        const sentence = `${graph.lanes[x].name} runs before ${lane.name} prints ${quote(yNext.text ?? '')}`;
        if (!out.includes(sentence)) out.push(sentence);
      });
      if (out.length >= max) break;
    }
  }
  return out.slice(0, max);
}

/** The first vertex of kind `kind` in lane `lane` at or after `step`. */
function nextOfKind(graph: ProcessGraph, lane: number, step: number, kind: GraphVertex['kind']): GraphVertex | null {
  let best: GraphVertex | null = null;
  for (const v of graph.vertices) {
    if (v.lane !== lane || v.kind !== kind || v.step < step) continue;
    if (!best || v.step < best.step) best = v;
  }
  return best;
}

/**
 * The first vertex of lane `lane` at or after `step` that is not its start nor a read from a pipe
 * (what a reader does with what it read is what others see: the cat of --stdout pipe prints it).
 */
function nextVisible(graph: ProcessGraph, lane: number, step: number): GraphVertex | null {
  let best: GraphVertex | null = null;
  for (const v of graph.vertices) {
    if (v.lane !== lane || v.kind === 'start' || v.kind === 'pipe-read' || v.step < step) continue;
    if (!best || v.step < best.step) best = v;
  }
  return best;
}

/** An output the explorer found, with the graph of its run. */
export interface ExplainedOutput {
  stdout: string;
  graph: ProcessGraph | null;
}

/**
 * Why `candidate` is printed by no schedule, in sentences, given every output the explorer found
 * (with the graph of its run where one was built).
 */
export function whyImpossible(candidate: string, outputs: readonly ExplainedOutput[]): string[] {
  const lines = splitLines(candidate);
  const sameLines = outputs.filter((o) => o.graph && sameMultiset(lines, printLines(o.graph)));
  if (sameLines.length === 0) return countMismatch(lines, outputs);
  // an order every run keeps (the runs found differ in how they are ordered: a pipe read may
  // get one write or two): each found output's run is one that prints it, so an order all of
  // their graphs require is one that every run keeps
  const found = sameLines.map((o) => contradictions(lines, o.graph!));
  for (const pair of found[0].keys()) {
    if (!found.every((f) => f.has(pair))) continue;
    const chains = found.map((f) => f.get(pair)!).sort((x, y) => x.length - y.length);
    return [chains[0].words];
  }
  // no one order that all keep (after wait(NULL), "C" needs A's exit in one run, B's in another):
  // the chain of the first run that has one
  for (const f of found) for (const chain of f.values()) return [chain.words];
  // every pairwise order is allowed by a graph, but no run printed it
  return [`Its lines are those the program prints, in an order that each process's own order allows, but no schedule prints them in this order: ${closest(candidate, outputs)}`];
}

/** The lines of an output, each with its newline (the last may lack one). */
export function splitLines(text: string): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > 0) {
    const nl = rest.indexOf('\n');
    const line = nl < 0 ? rest : rest.slice(0, nl + 1);
    out.push(line);
    rest = rest.slice(line.length);
  }
  return out;
}

function printLines(graph: ProcessGraph): string[] {
  return graph.vertices.filter((v) => v.kind === 'print').map((v) => v.text ?? '');
}

function sameMultiset(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const counts = new Map<string, number>();
  for (const x of a) counts.set(x, (counts.get(x) ?? 0) + 1);
  for (const x of b) {
    const n = counts.get(x);
    if (!n) return false;
    counts.set(x, n - 1);
  }
  return true;
}

/** The candidate's lines are not those any run prints: which line is missing, extra or unknown. */
function countMismatch(lines: readonly string[], outputs: readonly ExplainedOutput[]): string[] {
  const count = (list: readonly string[]): Map<string, number> => {
    const m = new Map<string, number>();
    for (const x of list) m.set(x, (m.get(x) ?? 0) + 1);
    return m;
  };
  const mine = count(lines);
  const everPrinted = new Set<string>();
  for (const o of outputs) for (const l of splitLines(o.stdout)) everPrinted.add(l);
  const never = [...mine.keys()].find((l) => !everPrinted.has(l));
  if (never !== undefined) {
    const near = [...everPrinted].find((l) => l.replace(/\n$/, '') === never.replace(/\n$/, ''));
    if (near !== undefined) {
      return [`No run prints ${quote(never)} ${never.endsWith('\n') ? 'with' : 'without'} a newline at the end: the program prints ${quote(near)} ${near.endsWith('\n') ? 'with' : 'without'} one.`];
    }
    return [`No run of the program prints the line ${quote(never)}.`];
  }
  // every line exists somewhere: compare counts with the output closest in its lines
  let best: ExplainedOutput | null = null;
  let bestDiff = Infinity;
  for (const o of outputs) {
    const theirs = count(splitLines(o.stdout));
    let diff = 0;
    for (const k of new Set([...mine.keys(), ...theirs.keys()])) diff += Math.abs((mine.get(k) ?? 0) - (theirs.get(k) ?? 0));
    if (diff < bestDiff) {
      bestDiff = diff;
      best = o;
    }
  }
  if (!best) return ['The program prints nothing the explorer could find.'];
  const theirs = count(splitLines(best.stdout));
  const sentences: string[] = [];
  const every = outputs.every((o) => sameCounts(count(splitLines(o.stdout)), theirs));
  for (const k of new Set([...mine.keys(), ...theirs.keys()])) {
    const want = theirs.get(k) ?? 0;
    const have = mine.get(k) ?? 0;
    if (want === have) continue;
    const yours = have === 0 ? 'your output does not have it' : `your output has it ${times(have)}`;
    sentences.push(`${every ? 'Every run' : 'The closest run'} prints ${quote(k)} ${times(want)}; ${yours}.`);
  }
  return sentences;
}

function sameCounts(a: Map<string, number>, b: Map<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, n] of a) if (b.get(k) !== n) return false;
  return true;
}

function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}

/**
 * The chains of the graph that the order of `lines` contradicts, by pair of texts ("a" must come
 * before "b": key `a\0b`), each in words with its length in edges (the shortest for the pair).
 * Lines that are equal are interchangeable: the k-th copy of a line in the candidate stands for
 * the copy of it with the k-th fewest lines of another text that must come before it.
 */
function contradictions(lines: readonly string[], graph: ProcessGraph): Map<string, { words: string; length: number }> {
  const found = new Map<string, { words: string; length: number }>();
  const prints = graph.vertices.filter((v) => v.kind === 'print');
  const preds = predecessors(graph);
  const ancestors = new Map<string, Set<string>>();
  for (const v of prints) ancestors.set(v.id, reachableBack(v.id, preds));
  // for each print vertex: how many prints of each other text must precede it
  const texts = [...new Set(lines)];
  for (const b of texts) {
    const bVertices = prints.filter((v) => v.text === b);
    for (const a of texts) {
      if (a === b) continue;
      const aVertices = prints.filter((v) => v.text === a);
      // the copies of b ordered by how many copies of a they need before them
      const need = bVertices
        .map((v) => ({ v, n: aVertices.filter((u) => ancestors.get(v.id)!.has(u.id)).length }))
        .sort((x, y) => x.n - y.n);
      let seenA = 0;
      let seenB = 0;
      for (const line of lines) {
        if (line === a) seenA++;
        else if (line === b) {
          const required = need[seenB++];
          if (required && required.n > seenA) {
            // the nearest copy of a that must come before this copy of b
            let path: GraphEdge[] | null = null;
            for (const u of aVertices) {
              if (!ancestors.get(required.v.id)!.has(u.id)) continue;
              const p = shortestPath(u.id, required.v.id, preds);
              if (!path || p.length < path.length) path = p;
            }
            if (path && path.length > 0) found.set(`${a}\0${b}`, { words: chainInWords(graph, path, a, b), length: path.length });
            break;
          }
        }
      }
    }
  }
  return found;
}

function predecessors(graph: ProcessGraph): Map<string, GraphEdge[]> {
  const m = new Map<string, GraphEdge[]>();
  for (const e of graph.edges) {
    const list = m.get(e.to);
    if (list) list.push(e);
    else m.set(e.to, [e]);
  }
  return m;
}

function reachableBack(id: string, preds: Map<string, GraphEdge[]>): Set<string> {
  const seen = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    const x = stack.pop()!;
    for (const e of preds.get(x) ?? []) {
      if (seen.has(e.from)) continue;
      seen.add(e.from);
      stack.push(e.from);
    }
  }
  return seen;
}

/** The shortest path of edges from `from` to `to` (breadth first, backwards from `to`). */
function shortestPath(from: string, to: string, preds: Map<string, GraphEdge[]>): GraphEdge[] {
  const via = new Map<string, GraphEdge>();
  const queue = [to];
  const seen = new Set([to]);
  while (queue.length > 0) {
    const x = queue.shift()!;
    if (x === from) break;
    for (const e of preds.get(x) ?? []) {
      if (seen.has(e.from)) continue;
      seen.add(e.from);
      via.set(e.from, e);
      queue.push(e.from);
    }
  }
  const path: GraphEdge[] = [];
  for (let x = from; x !== to; ) {
    const e = via.get(x);
    if (!e) break;
    path.push(e);
    x = e.to;
  }
  return path;
}

/**
 * The chain in words, from the later line back to the earlier one: "'b' is printed after X,
 * which needs Y, which comes after it prints 'a'; your output has 'b' before 'a'." Steps inside
 * one process are folded: the chain is said where it enters a process and where it leaves it.
 */
function chainInWords(graph: ProcessGraph, path: readonly GraphEdge[], a: string, b: string): string {
  const byId = new Map(graph.vertices.map((v) => [v.id, v]));
  const xs = [byId.get(path[0].from)!, ...path.map((e) => byId.get(e.to)!)];
  const parts: string[] = [];
  const after = (): string => (parts.length === 0 ? 'after' : 'which comes after');
  let i = xs.length - 1;
  while (i > 0) {
    // back over the steps inside this process, to where the chain entered it
    let j = i;
    while (j > 0 && path[j - 1].kind === 'program') j--;
    if (j === 0) {
      parts.push(`${after()} ${eventOf(graph, xs[0], xs[i])}`);
      break;
    }
    if (j !== i) parts.push(`${after()} ${eventOf(graph, xs[j], xs[i])}`);
    parts.push(needs(graph, path[j - 1], xs[j - 1]));
    i = j - 1;
  }
  return `${quote(b)} is printed ${parts.join(', ')}; your output has ${quote(b)} before ${quote(a)}.`;
}

/** What a step from another process needs, said from the process it comes from. */
function needs(graph: ProcessGraph, e: GraphEdge, from: GraphVertex): string {
  const who = graph.lanes[from.lane].name;
  switch (e.kind) {
    case 'reap': return `which needs ${who} to exit`;
    case 'fork': return `which needs ${who} to call fork()`;
    case 'pipe': return `which needs ${who} to write into the pipe`;
    case 'signal': return from.kind === 'exit' ? `which needs ${who} to exit (its SIGCHLD)` : `which needs ${who} to send the signal`;
    case 'program': return `which comes after ${eventOf(graph, from, from)}`;
  }
}

/** A vertex as an event, its process called "it" when it is `subject`'s. */
function eventOf(graph: ProcessGraph, v: GraphVertex, subject: GraphVertex): string {
  const who = v.lane === subject.lane ? 'it' : graph.lanes[v.lane].name;
  switch (v.kind) {
    case 'print': return `${who} prints ${quote(v.text ?? '')}`;
    case 'wait': return 'wait() returns';
    case 'exit': return `${who} exits`;
    case 'fork': return `${who} calls fork()`;
    case 'start': return `${who} starts`;
    case 'exec': return `${who} runs ${v.label.replace(/^exec /, '')}`;
    case 'pipe-write': return `${who} writes into the pipe`;
    case 'pipe-read': return `${who} reads from the pipe`;
    case 'signal': return `${who} sends a signal`;
    case 'handler': return `${who === 'it' ? 'its' : `${who}'s`} signal handler runs`;
  }
}

/** The possible output closest to `candidate` (fewest differing lines), for people. */
function closest(candidate: string, outputs: readonly ExplainedOutput[]): string {
  const mine = splitLines(candidate);
  let best = outputs[0]?.stdout ?? '';
  let bestScore = -1;
  for (const o of outputs) {
    const theirs = splitLines(o.stdout);
    let same = 0;
    for (let i = 0; i < Math.min(mine.length, theirs.length); i++) if (mine[i] === theirs[i]) same++;
    if (same > bestScore) {
      bestScore = same;
      best = o.stdout;
    }
  }
  return `the closest one the program can print is ${quote(best.replace(/\n/g, ' / ').replace(/ \/ $/, ''))}.`;
}
