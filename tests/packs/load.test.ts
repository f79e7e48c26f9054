/**
 * Loading packs: a valid pack loads; broken packs give the expected message, file, line and field
 * (schema errors from ajv, YAML syntax, and the cross-file checks).
 */
import { describe, expect, it } from 'vitest';
import { loadPack } from '../../src-main/packs/load.ts';
import type { PackError } from '../../src-main/packs/types.ts';
import { EXERCISE_YAML, PACK_YAML, tinyPack } from './tiny-pack.ts';

const EX = 'hello-fork/exercise.yaml';

function errorsOf(changes: Record<string, string | null>): PackError[] {
  const { pack, errors } = loadPack(tinyPack(changes));
  expect(pack).toBeNull();
  return errors;
}

/** The 1-based line of the first line of `text` containing `needle`. */
function lineWith(text: string, needle: string, from = 0): number {
  const lines = text.split('\n');
  for (let i = from; i < lines.length; i++) if (lines[i].includes(needle)) return i + 1;
  throw new Error(`no line with ${needle}`);
}

describe('loadPack', () => {
  it('loads a valid pack with defaults filled in', () => {
    const { pack, errors } = loadPack(tinyPack());
    expect(errors).toEqual([]);
    expect(pack!.id).toBe('tiny');
    const ex = pack!.exercises[0];
    expect(ex.id).toBe('hello-fork');
    expect(ex.maxPoints).toBe(5);
    expect(ex.checks.map((c) => c.visibility)).toEqual(['public', 'public', 'secret']);
    expect(ex.wrong[0].source).toContain('fork()');
    expect(ex.prompt).toContain('# Hello');
  });

  it('names the file, line and field of a bad version', () => {
    const errors = errorsOf({ 'pack.yaml': PACK_YAML.replace('1.2.3', 'one') });
    expect(errors).toEqual([{ file: 'pack.yaml', line: 4, field: 'version', message: expect.stringMatching(/"one" is not valid: expected semantic version/) }]);
  });

  it('reports a missing required field at the object that lacks it', () => {
    const errors = errorsOf({ 'pack.yaml': PACK_YAML.replace(/^title:.*\n/m, '') });
    expect(errors).toEqual([{ file: 'pack.yaml', line: 1, field: 'title', message: 'missing required field "title"' }]);
  });

  it('reports an unknown field of a check at its key, naming the check type', () => {
    const yaml = EXERCISE_YAML.replace('    exact: "child\\nparent\\n"', '    exact: "child\\nparent\\n"\n    exactly: yes');
    const errors = errorsOf({ [EX]: yaml });
    expect(errors).toEqual([
      { file: EX, line: lineWith(yaml, 'exactly:'), field: 'checks[1].exactly', message: 'unknown field "exactly" for a check of type output' },
    ]);
  });

  it('explains an output check with two kinds of expected text in one sentence', () => {
    const yaml = EXERCISE_YAML.replace('    exact: "child\\nparent\\n"', '    exact: "a"\n    trimmed: "b"');
    const errors = errorsOf({ [EX]: yaml });
    expect(errors).toEqual([
      { file: EX, line: lineWith(yaml, '- id: child-first'), field: 'checks[1]', message: 'an output check needs exactly one of exact, trimmed, regex, anyOf, lines, cases' },
    ]);
  });

  it('rejects an unknown check type and a negative points value', () => {
    const yaml = EXERCISE_YAML.replace('type: zombies', 'type: zombie').replace('    points: 1\n    atEnd', '    points: -1\n    atEnd');
    const errors = errorsOf({ [EX]: yaml });
    const at = lineWith(yaml, '- id: secret-reaped');
    expect(errors).toContainEqual({ file: EX, line: at + 2, field: 'checks[2].type', message: expect.stringContaining('must be one of "compiles", "output"') });
    expect(errors).toContainEqual({ file: EX, line: at + 4, field: 'checks[2].points', message: 'must be at least 0 (got -1)' });
  });

  it('gives the line of a YAML syntax error', () => {
    const yaml = EXERCISE_YAML.replace('title: Hello from two processes', 'title: [unclosed');
    const errors = errorsOf({ [EX]: yaml });
    expect(errors[0].file).toBe(EX);
    expect(errors[0].message).toMatch(/^YAML: /);
    expect(errors[0].line).toBeGreaterThanOrEqual(3);
  });

  it('finds a missing pack.yaml, a missing exercise folder and a missing named file', () => {
    expect(errorsOf({ 'pack.yaml': null })).toEqual([{ file: 'pack.yaml', line: 0, field: '', message: 'missing: a pack needs pack.yaml at its top' }]);
    const errors = errorsOf({ 'pack.yaml': PACK_YAML.replace('[hello-fork]', '[hello-fork, gone]') });
    expect(errors).toEqual([{ file: 'pack.yaml', line: 5, field: 'exercises[1]', message: 'exercise "gone" has no gone/exercise.yaml' }]);
    const missing = errorsOf({ 'hello-fork/solution.c': null });
    expect(missing).toEqual([{ file: EX, line: lineWith(EXERCISE_YAML, 'solution:'), field: 'solution', message: 'file not found: hello-fork/solution.c' }]);
  });

  it('refuses a named file outside the exercise folder', () => {
    const yaml = EXERCISE_YAML.replace('starter: starter.c', 'starter: ../../etc/passwd');
    const errors = errorsOf({ [EX]: yaml });
    expect(errors).toEqual([{ file: EX, line: lineWith(yaml, 'starter:'), field: 'starter', message: '"../../etc/passwd" must be a path inside the exercise folder' }]);
  });

  it('finds duplicate check ids and uuids, unknown check ids in wrong[].fails, and an id that is not the folder', () => {
    const yaml = EXERCISE_YAML.replace('id: secret-reaped', 'id: child-first')
      .replace('uuid: 55555555-5555-4555-8555-555555555555', 'uuid: 11111111-1111-4111-8111-111111111111')
      .replace('fails: [child-first]', 'fails: [child-frist]')
      .replace('id: hello-fork', 'id: hello');
    const errors = errorsOf({ [EX]: yaml });
    expect(errors).toContainEqual({ file: EX, line: 1, field: 'id', message: 'the id "hello" must be the folder\'s name "hello-fork"' });
    expect(errors).toContainEqual({ file: EX, line: lineWith(yaml, '- id: child-first', lineWith(yaml, 'id: child-first')), field: 'checks[2].id', message: 'check id "child-first" is used twice in this exercise' });
    expect(errors).toContainEqual({ file: EX, line: lineWith(yaml, 'uuid: 1111'), field: 'checks[2].uuid', message: 'uuid 11111111-1111-4111-8111-111111111111 is already used by the pack' });
    expect(errors).toContainEqual({ file: EX, line: lineWith(yaml, 'fails:'), field: 'wrong[0].fails[0]', message: expect.stringContaining('no check "child-frist" in this exercise') });
  });

  it('finds an invalid regular expression, an unknown signal and an unknown warning kind', () => {
    const yaml = EXERCISE_YAML.replace(
      '    atEnd: 0\n',
      '    atEnd: 0\n  - id: re\n    uuid: 66666666-6666-4666-8666-666666666666\n    type: output\n    points: 1\n    regex: "(unclosed"\n' +
        '  - id: sig\n    uuid: 77777777-7777-4777-8777-777777777777\n    type: exit\n    points: 1\n    signal: SIGNOPE\n' +
        '  - id: warn\n    uuid: 88888888-8888-4888-8888-888888888888\n    type: warnings\n    points: 1\n    absent: [vfork-oops]\n',
    );
    const errors = errorsOf({ [EX]: yaml });
    expect(errors).toContainEqual({ file: EX, line: lineWith(yaml, 'regex:'), field: 'checks[3].regex', message: expect.stringMatching(/^invalid regular expression/) });
    expect(errors).toContainEqual({ file: EX, line: lineWith(yaml, 'signal: SIGNOPE'), field: 'checks[4].signal', message: 'unknown signal SIGNOPE' });
    expect(errors).toContainEqual({ file: EX, line: lineWith(yaml, 'absent:'), field: 'checks[5].absent', message: expect.stringContaining('unknown warning kind "vfork-oops"') });
  });

  it('validates robust checks and their inner check', () => {
    const yaml = EXERCISE_YAML.replace(
      '    atEnd: 0\n',
      '    atEnd: 0\n  - id: rob\n    uuid: 66666666-6666-4666-8666-666666666666\n    type: robust\n    points: 1\n    policies: [parent-first, sideways]\n    check:\n      type: robust\n',
    );
    const errors = errorsOf({ [EX]: yaml });
    expect(errors).toContainEqual({ file: EX, line: lineWith(yaml, 'policies:'), field: 'checks[3].policies[1]', message: expect.stringContaining('must be one of "parent-first"') });
    expect(errors).toContainEqual({ file: EX, line: lineWith(yaml, '      type: robust'), field: 'checks[3].check.type', message: expect.stringContaining('must be one of') });
  });

  it('refuses path escapes and oversized files in the file map itself', () => {
    const files = tinyPack();
    files['../evil'] = new Uint8Array(1);
    files['big.bin'] = new Uint8Array(2 * 1024 * 1024);
    const { pack, errors } = loadPack(files);
    expect(pack).toBeNull();
    expect(errors).toContainEqual({ file: '../evil', line: 0, field: '', message: 'refused: path leaves the pack folder (..)' });
    expect(errors).toContainEqual({ file: 'big.bin', line: 0, field: '', message: expect.stringMatching(/^file too large/) });
  });
});

describe('the published schema', () => {
  it('validates pack.yaml and exercise.yaml from its root, as an editor would', async () => {
    const { default: Ajv } = await import('ajv');
    const { parse } = await import('yaml');
    const { PACK_SCHEMA } = await import('../../src-main/packs/schema.ts');
    const validate = new Ajv({ strict: false }).compile(PACK_SCHEMA);
    expect(validate(parse(PACK_YAML))).toBe(true);
    expect(validate(parse(EXERCISE_YAML))).toBe(true);
    expect(validate(parse(EXERCISE_YAML.replace('type: compiles', 'type: compile')))).toBe(false);
    expect(validate(parse(PACK_YAML.replace('version: 1.2.3', 'version: 1.2')))).toBe(false);
  });
});
