/**
 * LabApi: the one contract between the renderer and the lab (../shared/design.md). It is
 * implemented twice and both are type-checked against this file: the Electron preload bridge over
 * IPC, and the browser client over HTTP to the browser host. Every method returns a Promise and
 * every value is plain JSON data (no typed arrays, no class instances, no functions), so it
 * crosses IPC, HTTP and worker threads unchanged.
 *
 * The renderer imports *types only* from this file.
 */
import type { Policy } from '../kernel/sched.ts';
import type { EventOf, TraceEvent, TraceKind, VarView } from '../kernel/trace.ts';
import type { ProcessReport, RunFile as EngineRunFile, RunOptions as EngineRunOptions, RunStats, RunWarning } from '../vm/run.ts';
import type { ProcessGraph } from '../explore/graph.ts';

export type { ProcessGraph, GraphVertex, GraphEdge, VertexKind, EdgeKind } from '../explore/graph.ts';
import type { StepInspection, TaskInspection } from '../vm/replay.ts';

export type { TraceEvent, EventOf, TraceKind, VarView, StepInspection, TaskInspection };

/** The engine's own plain-data types, which a RunView carries unchanged (src-main/vm/run.ts). */
export type SchedulerPolicy = Policy;
export type ProcessInfo = ProcessReport;
export type RunStatsInfo = RunStats;
export type WarningInfo = RunWarning;

/** How to run a program: the options of `forklab run` (../shared/spec/cli.md), defined with the engine (src-main/vm/run.ts). */
export type RunOptions = EngineRunOptions;
/** A file given to a run: its path and its text (src-main/vm/run.ts). */
export type RunFile = EngineRunFile;

export interface LabDiagnostic {
  severity: 'error' | 'warning';
  line: number;
  column: number;
  message: string;
  /** the compiler's "note:" lines for it, in order (which header to include, what the lab lacks) */
  notes?: string[];
}

export interface RunRequest {
  source: string;
  /** shown in diagnostics; default "prog.c" */
  fileName?: string;
  options?: RunOptions;
  /** chosen by the caller so that it can cancel the job with `cancel(jobId)` */
  jobId?: string;
}

/** What the viewer needs to know about the program's code (lines and functions). */
export interface ProgramInfo {
  fileName: string;
  source: string;
  functions: { name: string; line: number }[];
}

/** A finished run: the `forklab run --json` object plus the trace the viewer replays. */
export interface RunView {
  ok: boolean;
  diagnostics: LabDiagnostic[];
  stdout: string;
  exit: { code: number; signal: string | null };
  stopReason: 'exited' | 'step-limit' | 'deadlock' | 'output-limit' | 'compile-error' | 'cancelled' | string;
  stopMessage: string | null;
  processes: ProcessInfo[];
  stats: RunStatsInfo;
  warnings: WarningInfo[];
  schedule: string;
  /** docs/trace.md: the format version and the events */
  traceVersion: number;
  trace: TraceEvent[];
  /** events beyond the trace's limit, counted but not kept */
  traceDropped: number;
  program: ProgramInfo;
  options: RunOptions;
}

/** `forklab explore --json` (../shared/spec/cli.md). */
export interface ExploreView {
  complete: boolean;
  /**
   * Runs that one of the lab's limits stopped before the program ended (the step budget, the time
   * limit, the endless-loop probe, the output limit), and the first such limit: their outputs are
   * cut short, so the search is not complete. Absent when every run ended on its own.
   */
  runsStopped?: { runs: number; reason: string };
  outputs: ExploredOutput[];
  schedulesExplored: number;
  statesExplored: number;
  /** true when cancel(jobId) stopped the search (nothing of it is kept) */
  cancelled?: boolean;
  /**
   * The process graphs (explore/graph.ts) of the outputs' runs, each shape drawn once, when the
   * request asked for them (`graphs`): an output's `graph` is its index here
   */
  graphs?: ProcessGraph[];
  /** the answer about the request's `candidate`: whether a schedule prints it, and why, in words */
  candidate?: { stdout: string; possible: boolean; why: string[]; schedule: string | null };
}

/** One output the explorer found. */
export interface ExploredOutput {
  stdout: string;
  schedule: string;
  exit: { code: number; signal: string | null };
  /** the index in ExploreView.graphs of the graph of this output's run (when drawn) */
  graph?: number;
  /** that graph's print vertices in the order this output has them */
  order?: string[];
  /** the scheduling decisions that give this output, in words ("child 4 runs before parent 3 prints "x"") */
  why?: string[];
}

/**
 * Which moment of a run to inspect: the run's own request (the RunView's program and options)
 * and a position of its trace, with the event there (so the engine can check it met the same one).
 */
export interface InspectRequest {
  run: RunRequest;
  /** how many events of the trace have happened (1 = after the first) */
  position: number;
  /** the event at that position (the position-th): its step, kind and task */
  step: number;
  kind: TraceEvent['kind'];
  pid: number;
}

export interface ExploreRequest {
  source: string;
  fileName?: string;
  options?: RunOptions;
  maxRuns?: number;
  jobId?: string;
  /** draw the process graph of the first this many outputs' runs (ExploreView.graphs) */
  graphs?: number;
  /** an output to explain: why a schedule prints it, or why none does (ExploreView.candidate) */
  candidate?: string;
}

/** One graded check, in the shape `forklab grade --json` prints (converts to Gradescope / PrairieLearn). */
export interface CheckResultInfo {
  id: string;
  name: string;
  status: 'passed' | 'failed' | 'error';
  points: number;
  max_points: number;
  message: string;
  visibility: 'public' | 'sealed' | 'secret';
  /** the trace step that explains the result (the zombie's exit, the write that copied the page) */
  step: number | null;
  pid: number | null;
  line: number | null;
  /** for the explorer's checks: a schedule that shows the failure */
  schedule?: string;
  /**
   * the whole options of the run the step belongs to, when it is not `GradeView.run` (a test
   * case's input, a robust check's scheduler): running the submission with them replays it
   */
  runOptions?: RunOptions;
}

export interface GradeView {
  packId: string;
  exerciseId: string;
  points: number;
  max_points: number;
  /** points / max_points, 0..1 */
  score: number;
  /** false when the submission did not compile (nothing else could be checked) */
  gradable: boolean;
  tests: CheckResultInfo[];
  /** the run the step links point into (the first run the checks made) */
  run: RunView | null;
  /**
   * a question whose `reveal` does not show the verdicts yet: `tests` is empty and this sentence
   * says when they come ("Which choices are right is shown after 3 attempts (1 so far).")
   */
  feedbackHidden?: string;
  /** why the result could not be saved in the student's progress (the grade itself stands) */
  progressError?: string;
}

export interface PackSummary {
  id: string;
  uuid: string;
  title: string;
  version: string;
  /** 'builtin' for the packs shipped with the lab, 'imported' for the user's */
  origin: 'builtin' | 'imported';
  exercises: ExerciseSummary[];
  /** importPack's answer when the pack replaced an installed version: which, and what changed */
  update?: { from: string; changes: string[] };
}

export interface ExerciseSummary {
  id: string;
  uuid: string;
  title: string;
  topics: string[];
  /** the points the student's Check can give (public and sealed checks) */
  maxPoints: number;
  /** points of secret checks, which only the instructor's grading counts (0 when none) */
  heldBackPoints: number;
  /** from the saved progress */
  status: 'new' | 'attempted' | 'passed';
  bestScore: number | null;
  /** the best score earned on an earlier version of the pack, before an update changed this exercise */
  earlier?: { version: string; bestScore: number };
}

export interface ExerciseView extends ExerciseSummary {
  packId: string;
  /** Markdown, sanitised to HTML by the service (never raw pack HTML) */
  promptHtml: string;
  starter: string;
  /** the student's last saved draft, if any */
  draft: string | null;
  /** hints unlocked so far (they unlock after failed checks) */
  hints: string[];
  hintsTotal: number;
  /** Checks (or answers) so far, and those that were not full marks */
  attempts: number;
  failedAttempts: number;
  /** the options of the exercise's runs (pack `run:`): its argv and stdin, which the app's Run uses */
  run?: RunOptions;
  /**
   * Present for a question "tick every possible output" (pack `kind: possible-outputs`): the
   * program, shown read-only, and the candidate outputs. `starter` is "" and `draft` holds the
   * last answer's 1-based choice numbers ("1 3"). `options` are the runs' options (replaying a
   * choice's schedule needs them).
   */
  question?: { program: string; choices: string[]; options?: RunOptions; reveal?: 'always' | 'never' | 'after-correct' | { afterAttempts: number } };
}

/** An answer to a question: the 0-based indices of the ticked choices. */
export interface AnswerRequest {
  packId: string;
  exerciseId: string;
  ticked: number[];
  jobId?: string;
}

export interface CheckRequest {
  packId: string;
  exerciseId: string;
  source: string;
  jobId?: string;
}

/** Problems found while loading saved progress (a corrupted file is kept aside, never lost). */
export interface ProgressNotice {
  message: string;
  /** where the unreadable file was moved */
  keptAs: string | null;
}

export interface ImportRequest {
  /** the file's name (.zip) and its bytes in base64 */
  name: string;
  base64: string;
  /** replace an installed pack by an older version of it (refused otherwise) */
  allowOlder?: boolean;
}

/** Hand in a pack's work: the student's name or id (remembered after the first hand-in). */
export interface HandInRequest {
  packId: string;
  /** needed the first time; later the remembered one is used when absent */
  student?: string;
}

/** A hand-in zip to save (docs/packs.md, "Handing in"). */
export interface HandInFile {
  fileName: string;
  base64: string;
  /** the exercises it holds (those the student has worked on) */
  exercises: string[];
  student: string;
}

export interface LabApi {
  /**
   * Compiles only, for the editor's markers as the student types. A newer diagnose cancels one
   * still under way (it rejects with a "Cancelled:" error); a compilation longer than the
   * compiler's time limit is a diagnostic.
   */
  diagnose(source: string, fileName?: string): Promise<LabDiagnostic[]>;
  /** Compiles and runs; resolves with stopReason 'cancelled' if cancelled. Never rejects for what the program does. */
  run(request: RunRequest): Promise<RunView>;
  /**
   * The engine's state at one position of a run: every live task's line, call stack and
   * variables, read from memory as it is at that position (the run is replayed to it: docs/trace.md).
   */
  inspect(request: InspectRequest): Promise<StepInspection>;
  /** Every output the program can produce (#6). */
  explore(request: ExploreRequest): Promise<ExploreView>;
  /** Cancels a running job; false when no such job runs. */
  cancel(jobId: string): Promise<boolean>;

  listPacks(): Promise<PackSummary[]>;
  openExercise(packId: string, exerciseId: string): Promise<ExerciseView>;
  /** Grades a submission with the exercise's public and sealed checks, and records progress. */
  checkExercise(request: CheckRequest): Promise<GradeView>;
  /**
   * Grades an answer to a question: one result per choice (right when ticked exactly if the
   * program can print it; a possible one carries the `schedule` that prints it), and records progress.
   */
  answerQuestion(request: AnswerRequest): Promise<GradeView>;
  saveDraft(packId: string, exerciseId: string, source: string): Promise<void>;
  importPack(request: ImportRequest): Promise<PackSummary>;
  /** The student's own results, as a JSON document to save. */
  exportResults(): Promise<{ fileName: string; json: string }>;
  /**
   * One zip of the student's work on a pack for `forklab grade`: every exercise's current code
   * and question answers, who (the name given once), the pack's id and version, when, and each
   * file's SHA-256. Rejects when no name was ever given or nothing was worked on.
   */
  handIn(request: HandInRequest): Promise<HandInFile>;
  /** The name or id hand-ins are made under, or null before the first one. */
  studentName(): Promise<string | null>;
  /** Problems met when loading saved progress, once, so the app can say so. */
  progressNotices(): Promise<ProgressNotice[]>;

  /** The free editor's program, autosaved. */
  loadScratch(): Promise<string | null>;
  saveScratch(source: string): Promise<void>;
}

/** The names of LabApi's methods: the IPC channels and HTTP routes are derived from them. */
export const LAB_API_METHODS = [
  'diagnose',
  'run',
  'inspect',
  'explore',
  'cancel',
  'listPacks',
  'openExercise',
  'checkExercise',
  'answerQuestion',
  'saveDraft',
  'importPack',
  'exportResults',
  'handIn',
  'studentName',
  'progressNotices',
  'loadScratch',
  'saveScratch',
] as const satisfies readonly (keyof LabApi)[];

/** A C source file the user opened: its name (no folder) and its text. */
export interface SourceFileInfo {
  name: string;
  text: string;
}

/**
 * The desktop app's file dialogs for the editor's Open and Save, exposed by the preload as
 * `window.forklabFiles` (the browser uses a file picker and a download instead). Not part of
 * LabApi: they are the user's own files, never the lab's service.
 */
export interface SourceFileBridge {
  /** Asks which file to open; null when the user cancels. Rejects with a sentence for a file that is too big or not text. */
  openSourceFile(): Promise<SourceFileInfo | null>;
  /** Asks where to save `text` (suggesting `suggestedName`) and writes it; the name saved under, or null when cancelled. */
  saveSourceFile(suggestedName: string, text: string): Promise<string | null>;
}

export const SOURCE_FILE_METHODS = ['openSourceFile', 'saveSourceFile'] as const satisfies readonly (keyof SourceFileBridge)[];
