/**
 * The pack data the service keeps: a pack's files, and what students see of a pack (PackInfo).
 */
import type { Reveal } from '../packs/types.ts';
import type { RunOptions } from './contract.ts';

/** A pack's files: relative path → bytes ("pack.yaml", "fork-basics/exercise.yaml", …). */
export type PackFiles = Record<string, Uint8Array>;

/** A loaded pack, as students see it (no secret checks). */
export interface PackInfo {
  id: string;
  uuid: string;
  title: string;
  version: string;
  exercises: ExerciseInfo[];
}

export interface ExerciseInfo {
  id: string;
  uuid: string;
  title: string;
  topics: string[];
  /** the points the student's own checks can give (public and sealed checks) */
  maxPoints: number;
  /** points of secret checks: only the instructor's grading counts them */
  heldBack: number;
  /** changes when the exercise's checks, points, prompt, starter or question change (pack updates compare it) */
  fingerprint: string;
  /** the prompt as sanitised HTML */
  promptHtml: string;
  starter: string;
  hints: string[];
  /** the options of the exercise's runs (pack `run:`: args, stdin, …) */
  run?: RunOptions;
  /** a possible-outputs question: the program, the choices' texts, the runs' options, and when its verdicts are shown */
  question?: { program: string; choices: string[]; options: RunOptions; reveal: Reveal };
}
