/**
 * The checks a schema cannot express: ids and UUIDs unique, every file an exercise names exists
 * inside its folder, `wrong[].fails` and `requires` name checks that exist (without cycles),
 * regular expressions compile, signal names, call names and warning kinds are known, a student's
 * copy holds no solution, wrong submission or secret check (and a full pack has its solutions).
 * Each error names the file, the line and the field.
 */
import { packRegexProblem } from './regex.ts';
import { SIGNAL_NAMES } from '../kernel/signals.ts';
import type { WarningKind } from '../kernel/warnings.ts';
import { SYSTEM_CALL_NAMES } from '../vm/syscalls.ts';
import { decodeText, exerciseFilePath } from './files.ts';
import type { ParsedExercise, RawCheck, RawExercise } from './load.ts';
import type { PackError, PackFiles, RawRunOptions } from './types.ts';
import { formatField } from './validate-schema.ts';
import type { ParsedYaml } from './yaml.ts';

/** The teaching warnings' kinds (docs/cli.md): every WarningKind the kernel gives, in this order. */
export const WARNING_KINDS: string[] = Object.keys({
  'vfork-child-wrote-memory': true, 'vfork-child-called-function': true, 'vfork-child-returned': true, 'exec-failed-fell-through': true,
  'fork-with-unflushed-stdout': true, 'zombie-not-reaped': true, 'orphan-reparented': true, 'fork-failed-rlimit': true,
  'double-free': true, 'invalid-free': true, 'heap-overflow': true,
  'use-after-free': true, 'uninitialised-value': true, 'missing-return': true,
} satisfies Record<WarningKind, true>);

/** The names `zombies.at.call` may name: the calls the trace records (docs/trace.md, "System calls"). */
const TRACED_CALLS = new Set(SYSTEM_CALL_NAMES.values());

type Path = (string | number)[];
type Report = (path: Path, message: string) => void;

/** Every cross-file problem of a pack whose YAML files passed the schema. */
export function checkSemantics(
  packYaml: ParsedYaml,
  rawPack: { uuid: string; exercises: string[]; weights?: Record<string, number>; student?: boolean },
  exercises: ParsedExercise[],
  files: PackFiles,
): PackError[] {
  const errors: PackError[] = [];
  const uuids = new Map<string, string>();
  const claimUuid = (uuid: string, where: string, file: string, yaml: ParsedYaml, path: Path): void => {
    const key = uuid.toLowerCase();
    const first = uuids.get(key);
    if (first) errors.push({ file, line: yaml.lineOf(path), field: formatField(path), message: `uuid ${uuid} is already used by ${first}` });
    else uuids.set(key, where);
  };
  claimUuid(rawPack.uuid, 'the pack', 'pack.yaml', packYaml, ['uuid']);
  const listed = new Set<string>();
  rawPack.exercises.forEach((id, i) => {
    if (listed.has(id)) {
      errors.push({ file: 'pack.yaml', line: packYaml.lineOf(['exercises', i]), field: `exercises[${i}]`, message: `exercise "${id}" is listed twice` });
    }
    listed.add(id);
  });
  for (const id of Object.keys(rawPack.weights ?? {})) {
    if (!listed.has(id)) {
      errors.push({ file: 'pack.yaml', line: packYaml.keyLineOf(['weights'], id), field: `weights.${id}`, message: `no exercise "${id}" in this pack (exercises: ${rawPack.exercises.join(', ')})` });
    }
  }
  const student = rawPack.student === true;

  for (const ex of exercises) {
    const { file, yaml, raw, folder } = ex;
    const err = (path: Path, message: string): void => {
      errors.push({ file, line: yaml.lineOf(path), field: formatField(path), message });
    };
    if (raw.id !== folder) err(['id'], `the id "${raw.id}" must be the folder's name "${folder}"`);
    claimUuid(raw.uuid, `exercise ${raw.id}`, file, yaml, ['uuid']);
    if (raw.kind === 'possible-outputs') {
      for (const key of ['prompt', 'program'] as const) checkFileNamed(folder, raw[key]!, files, [key], err);
      checkRunFiles(raw.run, ['run'], (name, path) => checkFileNamed(folder, name, files, path, err), err);
      const seen = new Map<string, number>();
      (raw.choices ?? []).forEach((c, i) => {
        const key = normalizeOutput(c.output);
        const first = seen.get(key);
        if (first !== undefined) err(['choices', i, 'output'], `the same output as choices[${first}]`);
        else seen.set(key, i);
      });
      continue;
    }
    for (const key of ['prompt', 'starter'] as const) checkFileNamed(folder, raw[key], files, [key], err);
    if (raw.solution !== undefined) checkFileNamed(folder, raw.solution, files, ['solution'], err);
    checkCopyKind(raw, student, err);
    const fileNamed = (name: string, path: Path): void => checkFileNamed(folder, name, files, path, err);
    checkRunFiles(raw.run, ['run'], fileNamed, err);
    const ids = new Set<string>();
    raw.checks.forEach((check, i) => {
      if (ids.has(check.id)) err(['checks', i, 'id'], `check id "${check.id}" is used twice in this exercise`);
      ids.add(check.id);
      claimUuid(check.uuid, `check ${raw.id}/${check.id}`, file, yaml, ['checks', i, 'uuid']);
      checkFields(check, ['checks', i], err);
      checkCheckFiles(check, ['checks', i], fileNamed, err);
    });
    checkRequires(raw.checks, err);
    (raw.wrong ?? []).forEach((w, i) => {
      checkFileNamed(folder, w.file, files, ['wrong', i, 'file'], err);
      w.fails.forEach((id, j) => {
        if (!ids.has(id)) err(['wrong', i, 'fails', j], `no check "${id}" in this exercise (checks: ${[...ids].join(', ')})`);
      });
    });
  }
  return errors;
}

/**
 * A full pack has every solution; a student's copy (pack.yaml `student: true`) has no solution,
 * wrong submission or secret check, and only it says how many points were held back.
 */
function checkCopyKind(raw: RawExercise, student: boolean, err: Report): void {
  if (!student) {
    if (raw.solution === undefined) err(['solution'], 'missing required field "solution" (only a student\'s copy, with `student: true` in pack.yaml, has none)');
    if (raw.heldBack !== undefined) err(['heldBack'], 'heldBack belongs in a student\'s copy only (forklab pack export --student writes it)');
    return;
  }
  const leak = 'a student\'s copy must not hold it (forklab pack export --student leaves it out)';
  if (raw.solution !== undefined) err(['solution'], `a reference solution: ${leak}`);
  if (raw.wrong !== undefined && raw.wrong.length > 0) err(['wrong'], `wrong submissions: ${leak}`);
  raw.checks.forEach((c, i) => {
    if (c.visibility === 'secret') err(['checks', i, 'visibility'], `a secret check: ${leak}`);
  });
}

/**
 * The files a run names: a `stdinFile` (not with `stdin`) and each `files` entry's `{ file }` must
 * be files of the exercise, and each path a name the program's file system can hold.
 */
function checkRunFiles(run: Pick<RawRunOptions, 'stdin' | 'stdinFile' | 'files'> | undefined, path: Path, fileNamed: (name: string, path: Path) => void, err: Report): void {
  if (run?.stdinFile !== undefined) {
    if (run.stdin !== undefined) err([...path, 'stdinFile'], 'give stdin or stdinFile, not both');
    fileNamed(run.stdinFile, [...path, 'stdinFile']);
  }
  for (const [name, value] of Object.entries(run?.files ?? {})) {
    const problem = runFileNameProblem(name);
    if (problem) err([...path, 'files', name], `"${name}" ${problem}`);
    if (typeof value === 'object') fileNamed(value.file, [...path, 'files', name, 'file']);
  }
}

/** Why a path cannot name a file in the program's file system, or null (as the kernel's seeding rules). */
function runFileNameProblem(name: string): string | null {
  const parts = name.split('/').filter(Boolean);
  if (parts.length === 0 || name.endsWith('/')) return 'is not a file name';
  if (parts.some((p) => p === '.' || p === '..' || p.includes('\0'))) return 'is not a plain file name (no "." or ".." parts)';
  return null;
}

/** The stdin files of a check's runs, its cases and its inner check. */
function checkCheckFiles(check: RawCheck, path: Path, fileNamed: (name: string, path: Path) => void, err: Report): void {
  checkRunFiles(check.run, [...path, 'run'], fileNamed, err);
  check.cases?.forEach((c, i) => checkRunFiles(c, [...path, 'cases', i], fileNamed, err));
  if (check.check) checkCheckFiles(check.check, [...path, 'check'], fileNamed, err);
}

/**
 * `requires` names other checks of the exercise, without cycles; a check students see may not
 * require a secret one (the app would count points the grader does not).
 */
function checkRequires(checks: RawCheck[], err: Report): void {
  const byId = new Map(checks.map((c) => [c.id, c]));
  checks.forEach((check, i) => {
    (check.requires ?? []).forEach((id, j) => {
      const at: Path = ['checks', i, 'requires', j];
      const required = byId.get(id);
      if (!required) return err(at, `no check "${id}" in this exercise (checks: ${[...byId.keys()].join(', ')})`);
      if (id === check.id) return err(at, 'a check cannot require itself');
      if (required.visibility === 'secret' && check.visibility !== 'secret') {
        err(at, `check "${id}" is secret: a check students see cannot depend on it`);
      }
    });
    if (requiresItself(check.id, byId)) err(['checks', i, 'requires'], `check "${check.id}" requires itself through other checks (a cycle)`);
  });
}

/** Whether following `requires` from `id` comes back to it. */
function requiresItself(id: string, byId: Map<string, RawCheck>): boolean {
  const seen = new Set<string>();
  const stack = [...(byId.get(id)?.requires ?? []).filter((r) => r !== id)];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (next === id) return true;
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...(byId.get(next)?.requires ?? []));
  }
  return false;
}

/**
 * An output as a question's choices are compared: line endings as \n, trailing spaces of each
 * line and final newlines dropped (what `trimmed` output checks compare).
 */
export function normalizeOutput(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n+$/, '');
}

function checkFileNamed(folder: string, name: string, files: PackFiles, path: Path, err: (path: Path, message: string) => void): void {
  const full = exerciseFilePath(folder, name);
  if (full === null) return err(path, `"${name}" must be a path inside the exercise folder`);
  if (!files[full]) return err(path, `file not found: ${full}`);
  if (decodeText(files[full]) === null) err(path, `${full} is not valid UTF-8 text`);
}

/** Regular expressions, signal names, call names, warning kinds and ranges of one check (and robust's inner check). */
function checkFields(check: RawCheck, path: Path, err: Report): void {
  checkPatterns(check, path, err);
  check.cases?.forEach((c, i) => checkPatterns(c, [...path, 'cases', i], err));
  if (check.cases && check.points !== undefined) {
    const sum = Math.round(check.cases.reduce((n, c) => n + c.points, 0) * 100) / 100;
    if (sum !== check.points) err([...path, 'points'], `the cases' points add up to ${sum}: leave points out or make it ${sum}`);
  }
  if (check.type === 'zombies' && check.at !== undefined) {
    if (check.min === undefined && check.max === undefined) err([...path, 'at'], 'zombies at a point needs min or max (how many zombies may exist then)');
    if (typeof check.at === 'object' && !TRACED_CALLS.has(check.at.call)) {
      err([...path, 'at', 'call'], `"${check.at.call}" is not a call the lab traces (calls: ${[...TRACED_CALLS].join(', ')})`);
    }
  } else if (check.type === 'zombies' && (check.min !== undefined || check.max !== undefined)) {
    err([...path, check.min !== undefined ? 'min' : 'max'], 'min and max go with at (zombies at a point)');
  }
  if (check.signal !== undefined && !Object.values(SIGNAL_NAMES).includes(check.signal)) {
    err([...path, 'signal'], `unknown signal ${check.signal}`);
  }
  if (check.type === 'warnings') {
    const kinds = [...(Array.isArray(check.absent) ? check.absent : []), ...(check.present ?? [])];
    for (const kind of kinds) {
      if (!WARNING_KINDS.includes(kind)) err([...path, 'absent'], `unknown warning kind "${kind}" (kinds: ${WARNING_KINDS.join(', ')})`);
    }
  }
  if (check.min !== undefined && check.max !== undefined && check.min > check.max) err([...path, 'min'], 'min is larger than max');
  const ranges = ['aliveAtOnce', 'pagesCopied', 'cowFaults', 'framesPeak'] as const;
  for (const key of ranges) {
    const r = check[key];
    if (r?.min !== undefined && r.max !== undefined && r.min > r.max) err([...path, key, 'min'], 'min is larger than max');
  }
  if (check.check) checkFields(check.check, [...path, 'check'], err);
}

/** The regular expressions of an expected output (`regex` with its flags, `lines`) compile. */
function checkPatterns(expected: { regex?: string; flags?: string; lines?: RawCheck['lines'] }, path: Path, err: Report): void {
  const regex = (source: string, at: Path, flags = ''): void => {
    const problem = packRegexProblem(source, flags);
    if (problem) err(at, `invalid regular expression: ${problem}`);
  };
  if (expected.regex !== undefined) regex(expected.regex, [...path, 'regex'], expected.flags);
  for (const list of ['required', 'forbidden'] as const) {
    expected.lines?.[list]?.forEach((r, i) => regex(r, [...path, 'lines', list, i]));
  }
}
