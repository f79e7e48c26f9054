/**
 * The pack data the service keeps: a pack's files, and what students see of a pack (PackInfo).
 */
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
