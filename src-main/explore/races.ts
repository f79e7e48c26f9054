/**
 * Races of one run, for the search (search.ts): which pairs of dependent transitions of
 * different tasks happens-before does not order, and where the search must therefore try the
 * other order.
 *
 * Happens-before is kept with vector clocks over transitions: a transition's stamp[q] is 1 + the
 * index of the last transition of task q that happens before it (program order, fork: a child
 * starts from its creator's stamp, and dependent transitions in the order they ran). Enabling is
 * not an edge: a transition that woke a task and the woken task's next one race when they are
 * dependent, so that the search also tries the states where something else woke it first
 * (Flanagan and Godefroid's rule: every task enabled there when the woken one was not).
 *
 * The earlier transitions that may be dependent with a new one are found through an index by
 * object: for each object, the last plain write (what came before it on that object happens
 * before it already), and the reads and commuting writes since. Stamps are kept in the path, so
 * that a run that replays a prefix analyses only what follows it.
 */
import { dependent, type Footprint } from './footprint.ts';
import type { Transition } from './runner.ts';

/** A state of the path, as the analysis sees it. */
export interface Step {
  /** tasks that could run at this state */
  enabled: number[];
  backtrack: Set<number>;
  /** the transition taken from this state */
  transition: Transition | null;
  /** the transition's happens-before stamp, once analysed (null when it must be) */
  stamp: number[] | null;
}

interface KeyIndex {
  /** the last write without a commute token, or -1 */
  lastPlain: number;
  /** reads since it */
  reads: number[];
  /** commuting writes since it, by token */
  tokenWrites: Map<string, number[]>;
}

/** The result of analysing a path: each task's clock at its end, and the object index. */
export class PathAnalysis {
  readonly clocks = new Map<number, number[]>();
  private readonly byKey = new Map<string, KeyIndex>();
  /** transitions with a wildcard key */
  private readonly wild: number[] = [];
  length = 0;

  constructor(private readonly path: Step[], private readonly observed: (key: string) => boolean) {}

  /**
   * Analyses transitions [from, length) of the path, adding backtrack points for their races;
   * transitions before `from` keep their stamps (their races were added when they were new).
   */
  run(length: number, from: number): void {
    for (let j = 0; j < length; j++) {
      const step = this.path[j];
      const t = step.transition!;
      if (j < from && step.stamp) this.record(j, t, step.stamp);
      else this.record(j, t, this.stampOf(j, t, true));
    }
    this.length = length;
  }

  /**
   * Treats `u` (a transition of a known state's subtree, by a task whose clock is `clock`) as if
   * it followed the path: adds a backtrack point for its race with the last dependent transition
   * not known to happen before it.
   */
  raceWithFollower(u: Transition, who: number, clock: number[]): void {
    for (const i of this.candidatesOf(u.footprint, this.length)) {
      const t = this.path[i].transition!;
      if (t.pid === who || !dependent(t.footprint, u.footprint, this.observed)) continue;
      if ((clock[t.pid] ?? 0) >= i + 1) continue;
      addBacktrack(this.path[i], who);
      return;
    }
  }

  /** The stamp of transition j; with `race`, adds a backtrack point for its race, if any. */
  private stampOf(j: number, t: Transition, race: boolean): number[] {
    const p = t.pid;
    const clock = this.clocks.get(p) ?? [];
    let raced = !race;
    let vc = clock;
    for (const i of this.candidatesOf(t.footprint, j)) {
      const u = this.path[i].transition!;
      if (u.pid === p || !dependent(u.footprint, t.footprint, this.observed)) continue;
      // u is what let t happen at all (the exit of the only child a wait could reap): never a race
      const enabling = t.enabledBy.some((key) => u.footprint.accesses.get(key)?.write);
      if (!raced && !enabling && (clock[u.pid] ?? 0) < i + 1) {
        raced = true;
        addBacktrack(this.path[i], p);
      }
      vc = join(vc, this.path[i].stamp!);
    }
    vc = vc.slice();
    vc[p] = j + 1;
    this.path[j].stamp = vc;
    return vc;
  }

  /** Enters transition j with stamp `vc` into the clocks and the index. */
  private record(j: number, t: Transition, vc: number[]): void {
    this.clocks.set(t.pid, vc);
    for (const c of t.created) this.clocks.set(c, vc);
    if (t.footprint.wild) this.wild.push(j);
    for (const [key, access] of t.footprint.accesses) {
      if (key.endsWith('*')) continue;
      let index = this.byKey.get(key);
      if (!index) {
        index = { lastPlain: -1, reads: [], tokenWrites: new Map() };
        this.byKey.set(key, index);
      }
      if (access.write && access.token === undefined) {
        index.lastPlain = j;
        index.reads = [];
        index.tokenWrites = new Map();
      } else {
        if (access.read) index.reads.push(j);
        if (access.write) {
          const list = index.tokenWrites.get(access.token!);
          if (list) list.push(j);
          else index.tokenWrites.set(access.token!, [j]);
        }
      }
    }
  }

  /**
   * The transitions before `end` that may be dependent with a transition of footprint `fp`,
   * latest first: for each object it touches, those whose access to it conflicts, back to the
   * object's last plain write; those with wildcard keys; every one when `fp` has a wildcard key.
   */
  private candidatesOf(fp: Footprint, end: number): number[] {
    if (fp.wild) return Array.from({ length: end }, (_, k) => end - 1 - k);
    const found = new Set<number>();
    for (const i of this.wild) if (i < end) found.add(i);
    for (const [key, access] of fp.accesses) {
      const index = this.byKey.get(key);
      if (!index) continue;
      if (index.lastPlain >= 0 && index.lastPlain < end) found.add(index.lastPlain);
      const plainOrRead = access.read || access.token === undefined;
      if (access.write) for (const i of index.reads) if (i < end) found.add(i);
      for (const [token, list] of index.tokenWrites) {
        if (!plainOrRead && token === access.token) continue;
        for (const i of list) if (i < end) found.add(i);
      }
    }
    return [...found].sort((a, b) => b - a);
  }
}

/** Adds `p` to the backtrack set of `step`, or every task enabled there when `p` is not. */
export function addBacktrack(step: Step, p: number): void {
  if (step.enabled.includes(p)) step.backtrack.add(p);
  else for (const q of step.enabled) step.backtrack.add(q);
}

export function join(a: number[], b: number[]): number[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out = a.length >= b.length ? a.slice() : b.slice();
  const other = a.length >= b.length ? b : a;
  for (let i = 0; i < other.length; i++) if (other[i] > (out[i] ?? 0)) out[i] = other[i];
  return out;
}
