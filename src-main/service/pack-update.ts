/**
 * Importing a pack whose id is already installed: which version is newer (semver), and what
 * changed between the two, in sentences for the student ("new exercise: …", "changed: … (10 →
 * 12 points)"). An exercise changed when its fingerprint (its checks, points, prompt, starter or
 * question) differs.
 */
import type { ExerciseInfo, PackInfo } from './packs.ts';

/** <0 when a is older than b, 0 when equal, >0 when newer (major.minor.patch, then a release above its pre-releases). */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string): { nums: number[]; pre: string } => {
    const [core, pre = ''] = v.split('+')[0].split(/-(.*)/s);
    return { nums: core.split('.').map(Number), pre };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) if (x.nums[i] !== y.nums[i]) return (x.nums[i] ?? 0) - (y.nums[i] ?? 0);
  if (x.pre === y.pre) return 0;
  if (x.pre === '') return 1;
  if (y.pre === '') return -1;
  return x.pre < y.pre ? -1 : 1;
}

/** The exercises of `next` that differ from those of `prev` (by id), for the progress to mark. */
export function changedExercises(prev: PackInfo, next: PackInfo): string[] {
  return next.exercises.filter((e) => {
    const old = prev.exercises.find((o) => o.id === e.id);
    return old !== undefined && old.fingerprint !== e.fingerprint;
  }).map((e) => e.id);
}

/** What changed from `prev` to `next`, one sentence each; [] when nothing did. */
export function describeChanges(prev: PackInfo, next: PackInfo): string[] {
  const out: string[] = [];
  const byId = (list: ExerciseInfo[], id: string) => list.find((e) => e.id === id);
  for (const e of next.exercises) {
    const old = byId(prev.exercises, e.id);
    if (!old) out.push(`new exercise: ${e.title}`);
    else if (old.fingerprint !== e.fingerprint) {
      const points = old.maxPoints !== e.maxPoints ? ` (${old.maxPoints} → ${e.maxPoints} points)` : '';
      out.push(`changed: ${e.title}${points}: scores earned on version ${prev.version} are kept and marked so`);
    }
  }
  for (const old of prev.exercises) if (!byId(next.exercises, old.id)) out.push(`removed: ${old.title}`);
  return out;
}
