/**
 * The checks a schema cannot express: ids and UUIDs unique, every file an exercise names exists
 * inside its folder, `wrong[].fails` names checks that exist, regular expressions compile,
 * signal names and warning kinds are known. Each error names the file, the line and the field.
 */
import { packRegexProblem } from './regex.ts';
import { SIGNAL_NAMES } from '../kernel/signals.ts';
import type { WarningKind } from '../kernel/warnings.ts';
import { decodeText, exerciseFilePath } from './files.ts';
import type { ParsedExercise } from './load.ts';
import type { CheckFields, PackError, PackFiles } from './types.ts';
import { formatField } from './validate-schema.ts';
import type { ParsedYaml } from './yaml.ts';

/** The teaching warnings' kinds (../shared/spec/cli.md): every WarningKind the kernel gives, in this order. */
export const WARNING_KINDS: string[] = Object.keys({
  'vfork-child-wrote-memory': true, 'vfork-child-called-function': true, 'vfork-child-returned': true, 'exec-failed-fell-through': true,
  'fork-with-unflushed-stdout': true, 'zombie-not-reaped': true, 'orphan-reparented': true, 'fork-failed-rlimit': true,
} satisfies Record<WarningKind, true>);

type Path = (string | number)[];

/** Every cross-file problem of a pack whose YAML files passed the schema. */
export function checkSemantics(
  packYaml: ParsedYaml,
  rawPack: { uuid: string; exercises: string[] },
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

  for (const ex of exercises) {
    const { file, yaml, raw, folder } = ex;
    const err = (path: Path, message: string): void => {
      errors.push({ file, line: yaml.lineOf(path), field: formatField(path), message });
    };
    if (raw.id !== folder) err(['id'], `the id "${raw.id}" must be the folder's name "${folder}"`);
    claimUuid(raw.uuid, `exercise ${raw.id}`, file, yaml, ['uuid']);
    if (raw.kind === 'possible-outputs') {
      for (const key of ['prompt', 'program'] as const) checkFileNamed(folder, raw[key]!, files, [key], err);
      const seen = new Map<string, number>();
      (raw.choices ?? []).forEach((c, i) => {
        const key = normalizeOutput(c.output);
        const first = seen.get(key);
        if (first !== undefined) err(['choices', i, 'output'], `the same output as choices[${first}]`);
        else seen.set(key, i);
      });
      continue;
    }
    for (const key of ['prompt', 'starter', 'solution'] as const) checkFileNamed(folder, raw[key], files, [key], err);
    const ids = new Set<string>();
    raw.checks.forEach((check, i) => {
      if (ids.has(check.id)) err(['checks', i, 'id'], `check id "${check.id}" is used twice in this exercise`);
      ids.add(check.id);
      claimUuid(check.uuid, `check ${raw.id}/${check.id}`, file, yaml, ['checks', i, 'uuid']);
      checkFields(check, ['checks', i], err);
    });
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

/** Regular expressions, signal names and warning kinds of one check (and robust's inner check). */
function checkFields(check: CheckFields, path: Path, err: (path: Path, message: string) => void): void {
  const regex = (source: string, at: Path, flags = ''): void => {
    const problem = packRegexProblem(source, flags);
    if (problem) err(at, `invalid regular expression: ${problem}`);
  };
  if (check.regex !== undefined) regex(check.regex, [...path, 'regex'], check.flags);
  for (const list of ['required', 'forbidden'] as const) {
    check.lines?.[list]?.forEach((r, i) => regex(r, [...path, 'lines', list, i]));
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
  if (check.type === 'processes' && check.min !== undefined && check.max !== undefined && check.min > check.max) {
    err([...path, 'min'], 'min is larger than max');
  }
  if (check.check) checkFields(check.check, [...path, 'check'], err);
}
