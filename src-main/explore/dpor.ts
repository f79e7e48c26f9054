/**
 * The search: dynamic partial-order reduction (Flanagan and Godefroid, POPL 2005) with sleep sets,
 * stateless, re-running the program from the start along a prefix of choices (runs are
 * deterministic). After each run, every pair of dependent transitions of different tasks that are
 * not ordered by happens-before (program order, fork, and earlier dependent transitions, tracked
 * with vector clocks) is a race; the later task is added to the backtrack set of the state before
 * the earlier transition (every enabled task when it could not run there). Orders of independent
 * transitions (footprint.ts) are never tried, and sleep sets stop re-running a transition already
 * explored from an equivalent state.
 *
 * Blocked attempts (runner.ts) are not transitions: the task is disabled at that state.
 */
import type { ProgramImage } from '../lang/image.ts';
import { dependent, observedIn, type Footprint } from './footprint.ts';
import { FINISH_FREELY, runControlled, type ControlledResult, type Decider, type ExploreRunOptions, type Transition } from './runner.ts';

/** A state on the current path and what the search knows about it. */
interface Node {
  /** tasks that block at this state, in the order found (re-run before the choice, to reach the same state) */
  blocked: number[];
  /** tasks that could run here (after the blocked ones tried) */
  enabled: number[];
  /** the task whose transition leaves this state on the current path */
  chosen: number;
  backtrack: Set<number>;
  done: Set<number>;
  /** transitions that need not be run from here (pid → footprint) */
  sleep: Map<number, Footprint>;
  /** footprints of the transitions run from here, by task */
  explored: Map<number, Footprint>;
  /** the transition taken on the current path (null until it has run) */
  transition: Transition | null;
  /** the state's hash (runner.ts), or null when states are not hashed (tasks share memory) */
  key: string | null;
  /** every transition run in this state's subtree so far, by task and footprint */
  summary: Map<string, Transition>;
}

/** A state whose subtree has been explored completely. */
interface Visited {
  sleep: Map<number, Footprint>;
  summary: Map<string, Transition>;
}

export interface SearchBudget {
  maxRuns: number;
  maxStates: number;
  /** wall-clock limit in milliseconds */
  maxMs: number;
}

export interface SearchResult {
  complete: boolean;
  /** finished runs, in the order found */
  runs: ControlledResult[];
  runsStarted: number;
  states: number;
  /** why the search stopped early, when it did */
  cutOff: 'runs' | 'states' | 'time' | null;
}

/** Explores every schedule of `image` up to partial-order equivalence, within `budget`. */
export function searchSchedules(image: ProgramImage, options: ExploreRunOptions, budget: SearchBudget): SearchResult {
  const path: Node[] = [];
  const runs: ControlledResult[] = [];
  const started = Date.now();
  let runsStarted = 0;
  let states = 0;
  /** the node where this run leaves the previous path (its choice is new) */
  let divergeAt = -1;
  let lastPid = -1;
  /** set when the budget ran out during a run: the run finishes unobserved, then the search stops */
  let cut: SearchResult['cutOff'] = null;
  /** states explored completely, by hash: reaching one again ends the run (state hashing) */
  const visited = new Map<string, Visited>();
  /** set when this run reached a visited state: its index and what its subtree did */
  let pruned: { index: number; summary: Map<string, Transition> } | null = null;

  const newNode = (index: number): Node => {
    const node: Node = {
      blocked: [], enabled: [], chosen: -1, backtrack: new Set(), done: new Set(),
      sleep: index > 0 ? sleepAfter(path[index - 1]) : new Map(), explored: new Map(), transition: null,
      key: null, summary: new Map(),
    };
    states++;
    return node;
  };

  const decider: Decider = {
    choose(index, runnable, stateKey) {
      if (index >= path.length) {
        if (states >= budget.maxStates) cut = 'states';
        else if ((states & 63) === 0 && Date.now() - started > budget.maxMs) cut = 'time';
        if (cut) return FINISH_FREELY;
        const node = newNode(index);
        node.key = stateKey();
        const seen = node.key === null ? undefined : visited.get(node.key);
        if (seen && sleepCovers(node.sleep, seen.sleep)) {
          pruned = { index, summary: seen.summary };
          return null;
        }
        path.push(node);
      }
      const node = path[index];
      // first the tasks known to block here (to reach the same state), then the choice
      const pending = node.blocked.find((pid) => runnable.includes(pid));
      if (pending !== undefined) return pending;
      node.enabled = [...runnable];
      // replaying the prefix: the recorded choice
      if (index < divergeAt) return node.chosen;
      const pick = index === divergeAt ? pickBacktrack(node, runnable) : pickFresh(node, runnable, lastPid);
      if (pick === null) return null;
      node.chosen = pick;
      return pick;
    },
    blocked(index, pid) {
      const node = path[index];
      if (index < divergeAt && !node.blocked.includes(pid)) {
        throw new Error(`internal error: the explorer's replay diverged (task ${pid} blocked at choice ${index})`);
      }
      if (!node.blocked.includes(pid)) node.blocked.push(pid);
      if (index >= divergeAt && node.chosen === pid) {
        // the task chosen here cannot run: every task that can is a candidate instead
        node.done.add(pid);
        if (index === divergeAt) for (const q of node.enabled) node.backtrack.add(q);
      }
    },
    transition(index, t) {
      const node = path[index];
      if (t.pid !== node.chosen) throw new Error(`internal error: transition of ${t.pid}, expected ${node.chosen}`);
      node.transition = t;
      node.summary.set(summaryKey(t), t);
      node.done.add(t.pid);
      node.explored.set(t.pid, t.footprint);
      lastPid = t.pid;
    },
  };

  for (;;) {
    if (runsStarted >= budget.maxRuns) return finish('runs');
    if (states >= budget.maxStates) return finish('states');
    if (Date.now() - started > budget.maxMs) return finish('time');
    runsStarted++;
    lastPid = -1;
    pruned = null;
    const result = runControlled(image, options, decider);
    if (result.finished) runs.push(result);
    if (cut) return finish(cut);
    const clocks = addRaces(path, result.pidsObserved);
    const stop = pruned as { index: number; summary: Map<string, Transition> } | null;
    if (stop) {
      // the subtree of the state reached is known: its transitions race with this path as they did there
      const { index, summary } = stop;
      addSummaryRaces(path, index, clocks, summary);
      if (index > 0) for (const [k, t] of summary) path[index - 1].summary.set(k, t);
    }
    // the deepest state with an unexplored candidate
    let next = -1;
    while (path.length > 0) {
      const node = path[path.length - 1];
      if (candidates(node).length > 0) {
        next = path.length - 1;
        break;
      }
      path.pop();
      if (node.key !== null) visited.set(node.key, { sleep: node.sleep, summary: node.summary });
      const parent = path[path.length - 1];
      if (parent) for (const [k, t] of node.summary) parent.summary.set(k, t);
    }
    if (next < 0) return finish(null);
    for (let i = next; i < path.length; i++) path[i].transition = null;
    divergeAt = next;
  }

  function finish(cutOff: SearchResult['cutOff']): SearchResult {
    return { complete: cutOff === null, runs, runsStarted, states, cutOff };
  }
}

/** Candidates to run from `node` that have not been: backtrack minus done, sleeping and blocked. */
function candidates(node: Node): number[] {
  return [...node.backtrack].filter((p) => !node.done.has(p) && !node.sleep.has(p) && !node.blocked.includes(p));
}

function pickBacktrack(node: Node, runnable: readonly number[]): number | null {
  for (const p of candidates(node)) if (runnable.includes(p)) return p;
  return null;
}

/** A new state's choice: the task that ran last if it can, else the first awake runnable task. */
function pickFresh(node: Node, runnable: readonly number[], lastPid: number): number | null {
  const awake = runnable.filter((p) => !node.sleep.has(p) && !node.done.has(p));
  if (awake.length === 0) return null;
  const pick = awake.includes(lastPid) ? lastPid : awake[0];
  node.backtrack.add(pick);
  return pick;
}

/**
 * The sleep set after `node`'s transition: the node's sleeping transitions and those already
 * explored from it, minus those dependent with the transition taken.
 */
function sleepAfter(node: Node): Map<number, Footprint> {
  const t = node.transition;
  const out = new Map<number, Footprint>();
  if (!t) return out;
  const keep = (pid: number, fp: Footprint): void => {
    if (pid !== t.pid && !dependent(fp, t.footprint)) out.set(pid, fp);
  };
  for (const [pid, fp] of node.sleep) keep(pid, fp);
  for (const [pid, fp] of node.explored) keep(pid, fp);
  return out;
}

/**
 * Finds the races of the run on `path` and adds backtrack points (vector clocks over
 * transitions). Returns each task's clock at the end of the path.
 */
function addRaces(path: Node[], pidsObserved: boolean): Map<number, number[]> {
  const clocks = new Map<number, number[]>();
  const stamps: number[][] = [];
  const n = path.findIndex((node) => node.transition === null);
  const length = n < 0 ? path.length : n;
  const observed = observedIn(path.slice(0, length).map((node) => node.transition!.footprint), pidsObserved);
  const signalled = signalledTasks(path, length);
  /** the transitions that touched each object, in order; those with wildcard keys apart */
  const byKey = new Map<string, number[]>();
  const wild: number[] = [];
  for (let j = 0; j < length; j++) {
    const t = path[j].transition!;
    const p = t.pid;
    const clock = clocks.get(p) ?? [];
    let raced = false;
    let vc = clock.slice();
    for (const i of candidatesOf(t, j, byKey, wild, path)) {
      const u = path[i].transition!;
      if (u.pid === p || !dependent(u.footprint, t.footprint, observed)) continue;
      const enabling = t.enabledBy.some((key) => u.footprint.accesses.get(key)?.write);
      if (!raced && !enabling && (clock[u.pid] ?? 0) < i + 1) {
        raced = true;
        const node = path[i];
        if (node.enabled.includes(p)) node.backtrack.add(p);
        else for (const q of node.enabled) node.backtrack.add(q);
      }
      vc = join(vc, stamps[i]);
    }
    vc[p] = j + 1;
    stamps.push(vc);
    for (const key of t.footprint.accesses.keys()) {
      if (key.endsWith('*')) continue;
      const list = byKey.get(key);
      if (list) list.push(j);
      else byKey.set(key, [j]);
    }
    if (t.footprint.wild) wild.push(j);
    clocks.set(p, vc);
    for (const c of t.created) clocks.set(c, vc);
    // a task this transition woke (it was blocked before, can run after) could not have made its
    // next step before it: an enabling edge, unless a signal could have woken it instead
    if (j + 1 < path.length) {
      for (const w of path[j + 1].enabled) {
        if (w === p || path[j].enabled.includes(w) || t.created.includes(w) || signalled.has(w)) continue;
        clocks.set(w, join(clocks.get(w) ?? [], vc));
      }
    }
  }
  return clocks;
}

/** The key of a transition in a summary: its task and what it touched. */
function summaryKey(t: Transition): string {
  return `${t.pid}#${t.footprint.describe()}`;
}

/** True when every transition asleep at the visited state is asleep now too (Godefroid's condition). */
function sleepCovers(now: Map<number, Footprint>, then: Map<number, Footprint>): boolean {
  for (const [pid, fp] of then) {
    const mine = now.get(pid);
    if (!mine || mine.describe() !== fp.describe()) return false;
  }
  return true;
}

/**
 * The run stopped at a state explored before (at `index` on the path): the transitions of that
 * state's subtree are treated as if they followed the path, each racing with the last dependent
 * transition of another task not ordered before it (conservatively: ordering inside the subtree
 * is not known, and a task the path does not know is ordered after nothing).
 */
function addSummaryRaces(path: Node[], index: number, clocks: Map<number, number[]>, summary: Map<string, Transition>): void {
  // a task made inside the subtree runs after what its creator did there: it races as its
  // nearest ancestor that the path knows
  const creatorOf = new Map<number, number>();
  for (const t of summary.values()) for (const c of t.created) creatorOf.set(c, t.pid);
  for (const u of summary.values()) {
    let who = u.pid;
    for (let hops = 0; !clocks.has(who) && creatorOf.has(who) && hops < 64; hops++) who = creatorOf.get(who)!;
    const clock = clocks.get(who) ?? [];
    for (let i = index - 1; i >= 0; i--) {
      const t = path[i].transition;
      if (!t || t.pid === who || !dependent(t.footprint, u.footprint)) continue;
      if ((clock[t.pid] ?? 0) >= i + 1) break;
      const node = path[i];
      if (node.enabled.includes(who)) node.backtrack.add(who);
      else for (const q of node.enabled) node.backtrack.add(q);
      break;
    }
  }
}

/**
 * The earlier transitions that may be dependent with `t` (the j-th), latest first: those that
 * touched one of its objects, back to the last plain write of that object (what came before it
 * is ordered before that write already), and those with wildcard keys; every earlier one when `t`
 * has a wildcard key itself.
 */
function candidatesOf(t: Transition, j: number, byKey: Map<string, number[]>, wild: number[], path: Node[]): number[] {
  if (t.footprint.wild) return Array.from({ length: j }, (_, k) => j - 1 - k);
  const found = new Set<number>(wild);
  for (const key of t.footprint.accesses.keys()) {
    const list = byKey.get(key);
    if (!list) continue;
    for (let k = list.length - 1; k >= 0; k--) {
      const i = list[k];
      found.add(i);
      const u = path[i].transition!;
      const access = u.footprint.accesses.get(key)!;
      if (access.write && access.token === undefined && !t.enabledBy.includes(key)) break;
    }
  }
  return [...found].sort((a, b) => b - a);
}

/** Tasks some other task sends signals to in the run (their sleeps may end in more than one way). */
function signalledTasks(path: Node[], length: number): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < length; i++) {
    const t = path[i].transition!;
    for (const key of t.footprint.accesses.keys()) {
      if (!key.startsWith('sig:')) continue;
      const target = key.slice(4);
      if (target === '*') for (const node of path) out.add(node.chosen);
      else if (Number(target) !== t.pid) out.add(Number(target));
    }
  }
  return out;
}

function join(a: number[], b: number[]): number[] {
  const out = a.length >= b.length ? a.slice() : b.slice();
  const other = a.length >= b.length ? b : a;
  for (let i = 0; i < other.length; i++) out[i] = Math.max(out[i] ?? 0, other[i] ?? 0);
  return out;
}
