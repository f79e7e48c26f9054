/**
 * What the service needs from the pack format and the checker (src-main/packs, src-main/checker),
 * behind one small interface so the service does not depend on their inner types.
 */
import type { Reveal } from '../packs/types.ts';
import type { GradeView, RunOptions } from './contract.ts';

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
  /** a possible-outputs question: the program, the choices' texts, the runs' options, and when its verdicts are shown */
  question?: { program: string; choices: string[]; options: RunOptions; reveal: Reveal };
}

export interface PackEngine {
  /** Loads and validates a pack; throws an Error whose message lists the problems. */
  describe(files: PackFiles): PackInfo;
  /** Grades a submission with the public and sealed checks (never the secret ones). */
  grade(files: PackFiles, exerciseId: string, source: string): GradeView;
  /** Grades an answer to a question (0-based ticked choices); throws for a bad index or a non-question. */
  answer(files: PackFiles, exerciseId: string, ticked: number[]): GradeView;
  /** Reads a pack's .zip into files, with the loader's limits and path checks; throws on a bad zip. */
  unzip(bytes: Uint8Array): PackFiles;
}
