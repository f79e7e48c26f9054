/**
 * The reference the explorer is checked against: every schedule, no reduction. A depth-first
 * search over the choice of runnable task at every scheduling point the explorer uses (runner.ts),
 * re-running the program for each branch. Exponential; for small programs only.
 */
import type { ProgramImage } from '../../src-main/lang/image.ts';
import { runControlled, type ExploreRunOptions } from '../../src-main/explore/runner.ts';

export interface NaiveResult {
  outputs: Set<string>;
  runs: number;
  complete: boolean;
}

/** Every output of every schedule of `image`, up to `maxRuns` runs. */
export function allOutputsNaively(image: ProgramImage, options: ExploreRunOptions = {}, maxRuns = 5000): NaiveResult {
  const outputs = new Set<string>();
  // the choices of the current run, as indexes into each point's runnable list, and the list sizes
  let prefix: number[] = [];
  let runs = 0;
  for (;;) {
    if (runs >= maxRuns) return { outputs, runs, complete: false };
    runs++;
    const taken: number[] = [];
    const sizes: number[] = [];
    const result = runControlled(image, options, {
      choose(_index, runnable) {
        const k = taken.length;
        const i = k < prefix.length ? prefix[k] : 0;
        taken.push(i);
        sizes.push(runnable.length);
        return runnable[i];
      },
      transition() {},
      blocked() {},
      known: () => false,
      replaysAttempt: () => false,
    });
    outputs.add(result.stdout);
    // next branch: the deepest point with an untried alternative
    let k = taken.length - 1;
    while (k >= 0 && taken[k] + 1 >= sizes[k]) k--;
    if (k < 0) return { outputs, runs, complete: true };
    prefix = [...taken.slice(0, k), taken[k] + 1];
  }
}
