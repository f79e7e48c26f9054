/**
 * loadPack: a pack's files (path → bytes) to a Pack, or the list of everything wrong with it.
 * Order: file limits, pack.yaml (YAML, schema), each listed exercise's exercise.yaml (YAML,
 * schema), then the checks across files (semantic.ts). Every error names the file, the line and
 * the field.
 */
import { checkPackFiles, decodeText, exerciseFilePath } from './files.ts';
import { checkSemantics } from './semantic.ts';
import type { Check, CheckFields, Choice, Exercise, Pack, PackError, PackFiles, PackRunOptions, RawFiles, RawRunOptions, Reveal, TestCase, WrongSubmission } from './types.ts';
import type { RunFile } from '../service/contract.ts';
import { validateAgainstSchema } from './validate-schema.ts';
import { parseYaml, type ParsedYaml } from './yaml.ts';

export interface LoadResult {
  /** null when there are errors */
  pack: Pack | null;
  errors: PackError[];
}

interface RawPack {
  id: string;
  uuid: string;
  title: string;
  version: string;
  description?: string;
  authors?: string[];
  exercises: string[];
  weights?: Record<string, number>;
  student?: boolean;
}

/** A check as written in exercise.yaml: points may be left out with cases, run and cases may name stdin files. */
export type RawCheck = Omit<CheckFields, 'run' | 'cases' | 'check'> & {
  id: string;
  uuid: string;
  points?: number;
  visibility?: Check['visibility'];
  run?: RawRunOptions;
  cases?: (Omit<TestCase, 'files'> & { stdinFile?: string; files?: RawFiles })[];
  check?: RawCheck;
};

export interface RawExercise {
  id: string;
  uuid: string;
  title: string;
  kind?: 'program' | 'possible-outputs';
  topics?: string[];
  prompt: string;
  /** code exercises: starter, solution, wrong, checks; questions: program, choices, points, maxRuns */
  starter: string;
  /** absent only in a student's copy */
  solution?: string;
  program?: string;
  choices?: Choice[];
  points?: number;
  maxRuns?: number;
  reveal?: string;
  hints?: string[];
  run?: RawRunOptions;
  wrong?: { file: string; fails: string[] }[];
  checks: RawCheck[];
  heldBack?: number;
}

/** A parsed exercise.yaml with what the semantic checks need to point at lines. */
export interface ParsedExercise {
  folder: string;
  file: string;
  yaml: ParsedYaml;
  raw: RawExercise;
}

/** Loads and validates a pack from its files; never throws for what the files contain. */
export function loadPack(files: PackFiles): LoadResult {
  const limits = checkPackFiles(files);
  if (limits.length > 0) return { pack: null, errors: limits };
  const text = (path: string): string | null => (files[path] ? decodeText(files[path]) : null);
  const packText = text('pack.yaml');
  if (packText === null) {
    const message = files['pack.yaml'] ? 'not valid UTF-8 text' : 'missing: a pack needs pack.yaml at its top';
    return { pack: null, errors: [{ file: 'pack.yaml', line: 0, field: '', message }] };
  }
  const packYaml = parseYaml('pack.yaml', packText);
  const errors = [...packYaml.errors];
  if (errors.length > 0) return { pack: null, errors };
  errors.push(...validateAgainstSchema('pack', 'pack.yaml', packYaml));
  const packValid = errors.length === 0;
  const rawPack = packYaml.value as RawPack;
  // a pack.yaml with errors still names its exercises: their own errors are reported at once too
  const folders = Array.isArray(rawPack?.exercises) ? rawPack.exercises.filter((f): f is string => typeof f === 'string') : [];
  if (!packValid && folders.length === 0) return { pack: null, errors };

  const exercises: ParsedExercise[] = [];
  folders.forEach((folder, i) => {
    // an exercise listed twice is read once (checkSemantics says it is listed twice)
    if (folders.indexOf(folder) !== i) return;
    const file = `${folder}/exercise.yaml`;
    const exText = text(file);
    if (exText === null) {
      errors.push({
        file: 'pack.yaml',
        line: packYaml.lineOf(['exercises', i]),
        field: `exercises[${i}]`,
        message: files[file] ? `${file} is not valid UTF-8 text` : `exercise "${folder}" has no ${file}`,
      });
      return;
    }
    const yaml = parseYaml(file, exText);
    const exErrors = [...yaml.errors];
    if (exErrors.length === 0) exErrors.push(...validateAgainstSchema('exercise', file, yaml));
    errors.push(...exErrors);
    if (exErrors.length === 0) exercises.push({ folder, file, yaml, raw: yaml.value as RawExercise });
  });
  if (!packValid) return { pack: null, errors };
  errors.push(...checkSemantics(packYaml, rawPack, exercises, files));
  if (errors.length > 0) return { pack: null, errors };

  return {
    pack: {
      id: rawPack.id,
      uuid: rawPack.uuid,
      title: rawPack.title,
      version: rawPack.version,
      description: rawPack.description ?? '',
      authors: rawPack.authors ?? [],
      exercises: exercises.map((e) => buildExercise(e, text)),
      weights: { ...(rawPack.weights ?? {}) },
      student: rawPack.student === true,
    },
    errors: [],
  };
}

/** "file:line: field: message", as pack authors read it (the line and field only when known). */
export function formatPackError(e: PackError): string {
  return `${e.file || 'pack'}${e.line ? `:${e.line}` : ''}: ${e.field ? `${e.field}: ` : ''}${e.message}`;
}

/** Runs the explorer may make for a question when it sets no maxRuns. */
export const QUESTION_MAX_RUNS = 2000;

function buildExercise(parsed: ParsedExercise, text: (path: string) => string | null): Exercise {
  const raw = parsed.raw;
  const read = (name: string): string => text(exerciseFilePath(parsed.folder, name)!) ?? '';
  if (raw.kind === 'possible-outputs') return buildQuestion(raw, read);
  const checks: Check[] = raw.checks.map((c) => buildCheck(c, read));
  const wrong: WrongSubmission[] = (raw.wrong ?? []).map((w) => ({ file: w.file, source: read(w.file), fails: w.fails }));
  const secret = checks.filter((c) => c.visibility === 'secret').reduce((n, c) => n + c.points, 0);
  return {
    id: raw.id,
    uuid: raw.uuid,
    title: raw.title,
    topics: raw.topics ?? [],
    prompt: read(raw.prompt),
    starter: read(raw.starter),
    solution: raw.solution === undefined ? null : read(raw.solution),
    hints: raw.hints ?? [],
    run: readRunOptions(raw.run, read) ?? {},
    wrong,
    checks,
    maxPoints: roundPoints(checks.reduce((n, c) => n + c.points, 0)),
    heldBack: roundPoints(raw.heldBack ?? secret),
  };
}

/** A check with its defaults: visibility public, points the sum of its cases', stdin files read. */
function buildCheck(raw: RawCheck, read: (name: string) => string): Check {
  const { run, cases, check, ...rest } = raw;
  const out: Check = { ...rest, points: raw.points ?? 0, visibility: raw.visibility ?? 'public' };
  if (run) out.run = readRunOptions(run, read);
  if (cases) {
    out.cases = cases.map(({ stdinFile, files, ...c }) => {
      const built: TestCase = stdinFile === undefined ? c : { ...c, stdin: read(stdinFile) };
      if (files) built.files = readFiles(files, read);
      return built;
    });
    if (raw.points === undefined) out.points = roundPoints(out.cases.reduce((n, c) => n + c.points, 0));
  }
  if (check) {
    const { id: _i, uuid: _u, points: _p, visibility: _v, ...inner } = buildCheck({ ...check, id: '', uuid: '' }, read);
    out.check = inner;
  }
  return out;
}

/** Run options as runs take them: `stdinFile` read into `stdin`, `files` into a list of files. */
function readRunOptions(run: RawRunOptions | undefined, read: (name: string) => string): PackRunOptions | undefined {
  if (!run) return undefined;
  const { stdinFile, files, ...rest } = run;
  const out: PackRunOptions = { ...rest };
  if (stdinFile !== undefined) out.stdin = read(stdinFile);
  if (files !== undefined) out.files = readFiles(files, read);
  return out;
}

/** A RawFiles map as the run's files: each text as written, or read from the exercise folder. */
function readFiles(files: RawFiles, read: (name: string) => string): RunFile[] {
  return Object.entries(files).map(([path, v]) => ({ path, content: typeof v === 'string' ? v : read(v.file) }));
}

/** A `kind: possible-outputs` exercise: no starter, solution, wrong submissions or checks. */
function buildQuestion(raw: RawExercise, read: (name: string) => string): Exercise {
  const choices = (raw.choices ?? []).map((c) => (c.explain === undefined ? { output: c.output } : { output: c.output, explain: c.explain }));
  const pointsPerChoice = raw.points ?? 1;
  return {
    heldBack: 0,
    id: raw.id,
    kind: 'possible-outputs',
    uuid: raw.uuid,
    title: raw.title,
    topics: raw.topics ?? [],
    prompt: read(raw.prompt),
    starter: '',
    solution: null,
    hints: raw.hints ?? [],
    run: readRunOptions(raw.run, read) ?? {},
    wrong: [],
    checks: [],
    maxPoints: roundPoints(pointsPerChoice * choices.length),
    question: { program: read(raw.program!), choices, pointsPerChoice, maxRuns: raw.maxRuns ?? QUESTION_MAX_RUNS, reveal: parseReveal(raw.reveal) },
  };
}

/** `reveal` as written ("after-attempts 3") to its value; absent = always. */
export function parseReveal(text: string | undefined): Reveal {
  const m = /^after-attempts (\d+)$/.exec(text ?? '');
  if (m) return { afterAttempts: Number(m[1]) };
  return text === 'never' || text === 'after-correct' ? text : 'always';
}

/** Points to two decimals, so sums do not show float noise. */
export function roundPoints(n: number): number {
  return Math.round(n * 100) / 100;
}
