/**
 * What the service needs from the pack format and the checker (src-main/packs, src-main/checker),
 * behind one small interface so the service does not depend on their inner types.
 */
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
  maxPoints: number;
  /** the prompt as sanitised HTML */
  promptHtml: string;
  starter: string;
  hints: string[];
  /** the options of the exercise's runs (pack `run:`: args, stdin, …) */
  run?: RunOptions;
  /** a possible-outputs question: the program, the choices' texts and the runs' options */
  question?: { program: string; choices: string[]; options: RunOptions };
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
