/**
 * The search over schedules: dynamic partial-order reduction (Flanagan and Godefroid, POPL 2005)
 * with sleep sets, and states by content (state-hash.ts).
 *
 * Stateless in the sense that each run re-runs the program from the start along a prefix of
 * known choices (runs are deterministic), then makes new choices. After each run, every pair of
 * dependent transitions (footprint.ts) of different tasks that happens-before does not order is a
 * race: the later task is added to the backtrack set of the state before the earlier transition
 * (every task enabled there when the later one was not). Orders of independent transitions are
 * never tried, and sleep sets stop a transition from being re-run from a state equivalent to one
 * it was run from.
 *
 * A wait for any child whose result counts only by its sign takes whichever zombie, as from a
 * counter (runner.ts, "which zombie"): the search starts with that, and again from the start
 * with every wait precise when a run shows that the program can tell which child was reaped.
 *
 * Happens-before: program order, fork (the child after the transition that made it), dependent
 * transitions in the order they ran, and the clock: when every task sleeps and the clock jumps to
 * the first timer, everything before the jump happens before everything after it.
 *
 * States by content: a run that reaches a state explored completely before (same hash, and no
 * transition asleep then that is awake now) stops there, and the transitions of that state's
 * subtree (its summary) are checked for races against the path as if they followed it
 * (conservatively: only program order and what the path knows order them). A run that reaches a
 * state already on its own path (a loop that changed nothing, e.g. polling) stops there too; the
 * state before it is then fully expanded, so that no task is postponed forever around the loop.
 */
import type { ProgramImage } from '../lang/image.ts';
import { ObservedObjects, dependent, type Footprint } from './footprint.ts';
import { PathAnalysis } from './races.ts';
import { FINISH_FREELY, runControlled, type ControlledResult, type Decider, type ExploreRunOptions, type Transition } from './runner.ts';
import type { MmHashes } from './state-hash.ts';

/** A state on the current path and what the search knows about it. */
interface Node {
  /** the state's content hash */
  key: string;
  /** its address spaces' hashes (adopted when a run replays to here and goes on differently) */
  mms: MmHashes;
  /** tasks that could run here (tasks found blocked here excepted) */
  enabled: number[];
  /** tasks that only blocked when tried here, in the order tried (a replay tries them again first) */
  blocked: number[];
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
  /** every transition run in this state's subtree so far, by task and footprint */
  summary: Map<string, Transition>;
  /** the transition's happens-before stamp (races.ts), once analysed */
  stamp: number[] | null;
}

/** A state whose subtree has been explored completely. */
interface Visited {
  /** tasks asleep when it was explored (their transitions from here were covered elsewhere) */
  sleep: Set<number>;
  summary: Map<string, Transition>;
}

export interface SearchBudget {
  maxRuns: number;
  maxStates: number;
  /** wall-clock limit in milliseconds */
  maxMs: number;
  /** called now and then; true stops the search (a cancelled job) */
  cancelled?: () => boolean;
}

export interface SearchResult {
  complete: boolean;
  /** finished runs, in the order found */
  runs: ControlledResult[];
  runsStarted: number;
  states: number;
  /** decisions made over all runs (replayed ones included) */
  transitions: number;
  /** why the search stopped early, when it did */
  cutOff: 'runs' | 'states' | 'time' | 'cancelled' | null;
}

/** Where a run stopped because it reached a known state. */
interface Pruned {
  /** the decision index at which the known state was reached */
  index: number;
  summary: Map<string, Transition>;
  /** the state was on the path itself (a loop) */
  cycle: boolean;
}

/** Explores every schedule of `image` up to partial-order equivalence, within `budget`. */
export function searchSchedules(image: ProgramImage, options: ExploreRunOptions, budget: SearchBudget): SearchResult {
  const started = Date.now();
  // the pid counter matters only to programs that look at pids, and sleeping shows only to
  // programs that run ps: searched without them first, and again from the start with them when
  // a run shows that the program does look
  let withPids = false;
  let runOptions = options;
  for (;;) {
    const once = searchOnce(image, runOptions, budget, started, withPids);
    if (once.result.cutOff) return once.result;
    const again = (once.pidsObserved && !withPids) || (once.psUsed && !runOptions.blockingVisible) || (once.reapsShown && !runOptions.waitsPrecise);
    if (!again) return once.result;
    withPids ||= once.pidsObserved;
    if (once.psUsed) runOptions = { ...runOptions, blockingVisible: true };
    if (once.reapsShown) runOptions = { ...runOptions, waitsPrecise: true };
  }
}

function searchOnce(
  image: ProgramImage, options: ExploreRunOptions, budget: SearchBudget, started: number, withPids: boolean,
): { result: SearchResult; pidsObserved: boolean; psUsed: boolean; reapsShown: boolean } {
  const path: Node[] = [];
  const runs: ControlledResult[] = [];
  let runsStarted = 0;
  let states = 0;
  let transitions = 0;
  let pidsObserved = withPids;
  let psUsed = options.blockingVisible === true;
  let reapsShown = options.waitsPrecise === true;
  /** the node where this run leaves the previous path (its choice is new) */
  let divergeAt = 0;
  /** set when the budget ran out during a run: the run finishes unobserved, then the search stops */
  let cut: SearchResult['cutOff'] = null;
  const visited = new Map<string, Visited>();
  const onPath = new Map<string, number>();
  let pruned: Pruned | null = null;
  /** the new decision point of this run where the first choice was fresh (not a backtrack candidate) */
  let divergedFresh = -1;
  const observed = new ObservedObjects();
  observed.pidsObserved = withPids;
  /** transitions of the path whose stamps are valid */
  let analyzedUpTo = 0;

  const checkBudget = (): SearchResult['cutOff'] => {
    if (states >= budget.maxStates) return 'states';
    if (Date.now() - started > budget.maxMs) return 'time';
    if (budget.cancelled?.()) return 'cancelled';
    return null;
  };

  /** blocked attempts replayed so far at the current decision point */
  let attempts = 0;
  let attemptIndex = -1;
  /** a blocked attempt is being replayed (replaysAttempt) */
  let replayingAttempt = false;

  const decider: Decider = {
    known: (index) => index < divergeAt,
    replaysAttempt: () => replayingAttempt,
    choose(index, runnable, state) {
      transitions++;
      if (index !== attemptIndex) {
        attemptIndex = index;
        attempts = 0;
      }
      replayingAttempt = false;
      if (index < divergeAt) {
        const node = path[index];
        const pid = attempts < node.blocked.length ? node.blocked[attempts++] : node.chosen;
        replayingAttempt = pid !== node.chosen;
        if (!runnable.includes(pid)) {
          throw new Error(`internal error: the explorer's replay diverged (task ${pid} cannot run at choice ${index})`);
        }
        return pid;
      }
      if (index < path.length) {
        // the decision point where this run leaves the known path (or a fresh one after a blocked attempt)
        const node = path[index];
        if (index === divergeAt && attempts === 0) {
          state.adopt(node.mms);
          // the tasks that blocked here in earlier runs stay known as blocked (done), but this run
          // does not try them again: a later replay must repeat only this run's attempts
          node.blocked = [];
        }
        attempts++;
        const pick = index === divergeAt && divergedFresh !== index
          ? candidates(node).find((p) => runnable.includes(p))
          : pickFresh(node, runnable);
        if (pick === undefined || pick === null) return null;
        node.chosen = pick;
        return pick;
      }
      if ((states & 31) === 0 || states >= budget.maxStates) cut ??= checkBudget();
      if (cut) return FINISH_FREELY;
      const key = state.key();
      const sleep = index > 0 ? sleepAfter(path[index - 1]) : new Map<number, Footprint>();
      const onIndex = onPath.get(key);
      if (onIndex !== undefined) {
        pruned = { index, summary: path[onIndex].summary, cycle: true };
        return null;
      }
      const seen = visited.get(key);
      if (seen && sleepCovers(sleep, seen.sleep)) {
        pruned = { index, summary: seen.summary, cycle: false };
        return null;
      }
      const node: Node = {
        key, mms: state.mmHashes(), enabled: [...runnable], blocked: [], chosen: -1, backtrack: new Set(), done: new Set(),
        sleep, explored: new Map(), transition: null, summary: new Map(), stamp: null,
      };
      states++;
      path.push(node);
      onPath.set(key, index);
      attempts = 1;
      divergedFresh = index;
      const pick = pickFresh(node, runnable);
      if (pick === null) return null;
      node.chosen = pick;
      return pick;
    },
    blocked(index, pid) {
      const node = path[index];
      node.blocked.push(pid);
      node.enabled = node.enabled.filter((p) => p !== pid);
      node.done.add(pid);
      // a task a race asked for cannot run here: every task that can is a candidate instead
      if (node.backtrack.has(pid)) for (const q of node.enabled) node.backtrack.add(q);
    },
    transition(index, t) {
      const node = path[index];
      if (t.pid !== node.chosen) throw new Error(`internal error: transition of ${t.pid}, expected ${node.chosen}`);
      node.transition = t;
      node.summary.set(summaryKey(t), t);
      node.done.add(t.pid);
      node.backtrack.add(t.pid);
      node.explored.set(t.pid, t.footprint);
    },
  };

  const finish = (cutOff: SearchResult['cutOff']) => ({
    result: { complete: cutOff === null, runs, runsStarted, states, transitions, cutOff },
    pidsObserved,
    psUsed,
    reapsShown,
  });

  for (;;) {
    if (runsStarted >= budget.maxRuns) return finish('runs');
    const early = checkBudget();
    if (early) return finish(early);
    runsStarted++;
    pruned = null;
    divergedFresh = -1;
    attemptIndex = -1;
    const result = runControlled(image, options, decider);
    if (result.finished) runs.push(result);
    if (result.pidsObserved && !pidsObserved) {
      pidsObserved = true;
      // races over the pid counter were not looked for: search again from the start
      return finish(null);
    }
    if (result.psUsed && !psUsed) {
      psUsed = true;
      // blocked attempts were not transitions: search again from the start
      return finish(null);
    }
    if (result.reapedChildShown && !reapsShown) {
      reapsShown = true;
      // waits took whichever zombie: search again from the start with every wait precise
      return finish(null);
    }
    if (cut) return finish(cut);
    const stop = pruned as Pruned | null;
    const length = pathLength(path);
    // objects some transition reads (writes to others commute): over every run so far, so that
    // the stamps of a replayed prefix stay valid until a run reads something new
    let grew = false;
    for (let i = 0; i < length; i++) if (observed.add(path[i].transition!.footprint)) grew = true;
    if (stop) for (const t of stop.summary.values()) if (observed.add(t.footprint)) grew = true;
    const analysis = new PathAnalysis(path, (key) => observed.has(key));
    analysis.run(length, grew ? 0 : analyzedUpTo);
    analyzedUpTo = length;
    if (stop) {
      addSummaryRaces(analysis, stop.summary);
      const last = path[stop.index - 1];
      if (last) {
        for (const [k, t] of stop.summary) last.summary.set(k, t);
        // a loop back to a state on the path: the state that closed it is fully expanded
        if (stop.cycle) for (const p of last.enabled) last.backtrack.add(p);
      }
    }
    // the deepest state with an unexplored candidate
    while (path.length > 0) {
      const node = path[path.length - 1];
      if (candidates(node).length > 0) break;
      path.pop();
      onPath.delete(node.key);
      remember(visited, node);
      const parent = path[path.length - 1];
      if (parent) for (const [k, t] of node.summary) parent.summary.set(k, t);
    }
    if (path.length === 0) return finish(null);
    divergeAt = path.length - 1;
    path[divergeAt].transition = null;
    path[divergeAt].stamp = null;
    analyzedUpTo = Math.min(analyzedUpTo, divergeAt);
  }
}

/** The number of nodes of the path whose transition has run in this run. */
function pathLength(path: Node[]): number {
  const n = path.findIndex((node) => node.transition === null);
  return n < 0 ? path.length : n;
}

/** Records a completely explored state (merging with an earlier exploration of the same state). */
function remember(visited: Map<string, Visited>, node: Node): void {
  const sleep = new Set(node.sleep.keys());
  const old = visited.get(node.key);
  if (!old) {
    visited.set(node.key, { sleep, summary: node.summary });
    return;
  }
  // explored twice: together the two explorations leave out only what both had asleep
  for (const p of old.sleep) if (!sleep.has(p)) old.sleep.delete(p);
  for (const [k, t] of node.summary) old.summary.set(k, t);
}

/** Candidates to run from `node` that have not been: backtrack minus done and sleeping. */
function candidates(node: Node): number[] {
  return [...node.backtrack].filter((p) => !node.done.has(p) && !node.sleep.has(p));
}

/**
 * A new state's choice: the awake runnable task with the lowest pid not tried here yet; null when
 * every one is asleep (covered from elsewhere) or tried. A choice that depends on the state alone
 * (not on the path that led to it) makes runs that diverge meet again in the same states.
 */
function pickFresh(node: Node, runnable: readonly number[]): number | null {
  let pick: number | null = null;
  for (const p of runnable) if (!node.sleep.has(p) && !node.done.has(p) && (pick === null || p < pick)) pick = p;
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

/** True when every task asleep at the visited state is asleep now too (Godefroid's condition). */
function sleepCovers(now: Map<number, Footprint>, then: Set<number>): boolean {
  for (const pid of then) if (!now.has(pid)) return false;
  return true;
}

/** Adds `p` to the backtrack set of `node`, or every task enabled there when `p` is not. */
function addBacktrack(node: Node, p: number): void {
  if (node.enabled.includes(p)) node.backtrack.add(p);
  else for (const q of node.enabled) node.backtrack.add(q);
}

/** The key of a transition in a summary: its task and what it touched. */
function summaryKey(t: Transition): string {
  return `${t.pid}#${t.footprint.describe()}`;
}

/**
 * The run stopped at a known state: the transitions of that state's subtree are treated as if
 * they came next, each racing with the last transition of the path of another task that is
 * dependent with it and not known to happen before it (conservatively: ordering inside the
 * subtree is not known, and a task the path does not know is placed after what its nearest
 * known ancestor did).
 */
function addSummaryRaces(analysis: PathAnalysis, summary: Map<string, Transition>): void {
  const creatorOf = new Map<number, number>();
  for (const t of summary.values()) for (const c of t.created) creatorOf.set(c, t.pid);
  for (const u of summary.values()) {
    let who = u.pid;
    for (let hops = 0; !analysis.clocks.has(who) && creatorOf.has(who) && hops < 64; hops++) who = creatorOf.get(who)!;
    analysis.raceWithFollower(u, who, analysis.clocks.get(who) ?? []);
  }
}
