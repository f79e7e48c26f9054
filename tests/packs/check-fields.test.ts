/**
 * The pack fields of issue 13 load when right and give a clear error (file, line, field) when
 * wrong: test-case tables, stdinFile, calls any-of, exit's process, aliveAtOnce, zombies at,
 * requires, titles, normalizePids, weights, a question's reveal, and a student's copy.
 */
import { describe, expect, it } from 'vitest';
import { loadPack } from '../../src-main/packs/load.ts';
import { gradeExercise } from '../../src-main/checker/grade.ts';
import type { PackError } from '../../src-main/packs/types.ts';
import { EXERCISE_YAML, PACK_YAML, tinyPack } from './tiny-pack.ts';

const EX = 'hello-fork/exercise.yaml';

/** The tiny pack with `extra` checks appended to hello-fork's. */
function withChecks(extra: string, changes: Record<string, string | null> = {}) {
  return tinyPack({ [EX]: EXERCISE_YAML + extra, ...changes });
}

function check(id: string, n: number, body: string): string {
  return `  - id: ${id}\n    uuid: 99999999-9999-4999-8999-${String(n).padStart(12, '0')}\n${body.replace(/^/gm, '    ')}\n`;
}

function errorsOf(files: ReturnType<typeof tinyPack>): PackError[] {
  const { pack, errors } = loadPack(files);
  expect(pack).toBeNull();
  return errors;
}

function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((l) => l.includes(needle)) + 1;
}

describe('test-case tables', () => {
  const table = check('sums', 1, 'type: output\ncases:\n  - { stdin: "1 2", exact: "3\\n", points: 2 }\n  - { stdinFile: big.txt, trimmed: "10", points: 3 }');
  it('load with points the sum of the cases, and stdinFile read into stdin', () => {
    const { pack, errors } = loadPack(withChecks(table, { 'hello-fork/big.txt': '4 6\n' }));
    expect(errors).toEqual([]);
    const c = pack!.exercises[0].checks[3];
    expect(c.points).toBe(5);
    expect(c.cases![1]).toEqual({ stdin: '4 6\n', trimmed: '10', points: 3 });
    expect(pack!.exercises[0].maxPoints).toBe(10);
  });

  it('grade with the file as input: a program that reads it passes, one that ignores it fails that case', () => {
    const exercise = loadPack(withChecks(table, { 'hello-fork/big.txt': '4 6\n' })).pack!.exercises[0];
    const adds = '#include <stdio.h>\nint main(void) { int a, b; if (scanf("%d %d", &a, &b) == 2) printf("%d\\n", a + b); return 0; }\n';
    const sums = (source: string) => gradeExercise({ ...exercise, checks: exercise.checks.slice(3) }, source, { includeRun: false }).tests[0];
    expect(sums(adds)).toMatchObject({ status: 'passed', points: 5 });
    const fixed = sums('#include <stdio.h>\nint main(void) { printf("3\\n"); return 0; }\n');
    expect(fixed).toMatchObject({ status: 'failed', points: 2 });
    expect(fixed.message).toContain('case 2 (input "4 6\\n"): line 1 differs: the program printed "3", expected "10"');
  });

  it('a case without an expected output, a missing stdin file, points that do not add up', () => {
    const bad = check('sums', 1, 'type: output\npoints: 4\ncases:\n  - { stdin: "1 2", points: 2 }\n  - { stdinFile: gone.txt, exact: "x", points: 3 }');
    const yaml = EXERCISE_YAML + bad;
    const errors = errorsOf(withChecks(bad));
    expect(errors).toContainEqual({ file: EX, line: lineOf(yaml, '{ stdin: "1 2"'), field: 'checks[3].cases[0]', message: 'a test case needs exactly one of exact, trimmed, regex, anyOf, lines' });
    const more = errorsOf(withChecks(bad.replace('{ stdin: "1 2", points: 2 }', '{ stdin: "1 2", exact: "3", points: 2 }')));
    expect(more).toContainEqual({ file: EX, line: lineOf(yaml, 'gone.txt'), field: 'checks[3].cases[1].stdinFile', message: 'file not found: hello-fork/gone.txt' });
    expect(more).toContainEqual({ file: EX, line: lineOf(yaml, 'points: 4'), field: 'checks[3].points', message: "the cases' points add up to 5: leave points out or make it 5" });
  });

  it('a check without cases still needs points', () => {
    const errors = errorsOf(withChecks(check('x', 2, 'type: compiles')));
    expect(errors).toContainEqual(expect.objectContaining({ field: 'checks[3].points', message: 'missing required field "points"' }));
  });
});

describe('files in run options and test cases', () => {
  it('load as the run\'s files: a text as written, or { file } read from the exercise folder', () => {
    const table = check('reads', 1, 'type: output\nrun: { files: { numbers.txt: "1 2" } }\ncases:\n  - { files: { numbers.txt: { file: big.txt }, /tmp/x: "" }, exact: "3\\n", points: 2 }');
    const { pack, errors } = loadPack(withChecks(table, { 'hello-fork/big.txt': '4 6\n' }));
    expect(errors).toEqual([]);
    const c = pack!.exercises[0].checks[3];
    expect(c.run).toEqual({ files: [{ path: 'numbers.txt', content: '1 2' }] });
    expect(c.cases![0].files).toEqual([{ path: 'numbers.txt', content: '4 6\n' }, { path: '/tmp/x', content: '' }]);
  });

  it('refuses a { file } that is not there, a path that is no plain file name, and a value of another kind', () => {
    const bad = check('reads', 1, 'type: output\npoints: 1\nexact: x\nrun:\n  files:\n    numbers.txt: { file: gone.txt }\n    ../up.txt: x');
    const yaml = EXERCISE_YAML + bad;
    const errors = errorsOf(withChecks(bad));
    expect(errors).toContainEqual({ file: EX, line: lineOf(yaml, 'gone.txt'), field: 'checks[3].run.files.numbers.txt.file', message: 'file not found: hello-fork/gone.txt' });
    expect(errors).toContainEqual({ file: EX, line: lineOf(yaml, '../up.txt'), field: 'checks[3].run.files.../up.txt', message: '"../up.txt" is not a plain file name (no "." or ".." parts)' });
    const kind = errorsOf(withChecks(check('reads', 1, 'type: output\npoints: 1\nexact: x\nrun: { files: { n.txt: 3 } }')));
    expect(kind).toEqual([expect.objectContaining({ field: 'checks[3].run.files.n.txt', message: '3 is not valid: expected the text of the file, or { file: NAME }: a file of the exercise folder' })]);
  });
});

describe('stdinFile in run options', () => {
  it('is read into stdin; stdin and stdinFile together are refused', () => {
    const ok = loadPack(tinyPack({ [EX]: EXERCISE_YAML.replace('hints:', 'run: { stdinFile: in.txt }\nhints:'), 'hello-fork/in.txt': 'hello' }));
    expect(ok.pack!.exercises[0].run).toEqual({ stdin: 'hello' });
    const errors = errorsOf(tinyPack({ [EX]: EXERCISE_YAML.replace('hints:', 'run: { stdinFile: in.txt, stdin: x }\nhints:'), 'hello-fork/in.txt': 'hello' }));
    expect(errors).toEqual([expect.objectContaining({ field: 'run.stdinFile', message: 'give stdin or stdinFile, not both' })]);
  });
});

describe('the other new check fields', () => {
  it('load when right', () => {
    const extra = [
      check('any', 1, 'type: calls\ntitle: Waits for its child\npoints: 1\nrequired: [[wait, waitpid], "exec*"]'),
      check('every', 2, 'type: exit\npoints: 1\ncode: 0\nprocess: every'),
      check('second', 3, 'type: exit\npoints: 1\nsignal: SIGFPE\nprocess: 2'),
      check('alive', 4, 'type: processes\npoints: 1\naliveAtOnce: { min: 2 }'),
      check('zat', 5, 'type: zombies\npoints: 1\nat: { call: sleep, nth: 1 }\nmin: 1\nrequires: [alive]'),
      check('zend', 6, 'type: zombies\npoints: 1\nat: end\nmax: 0'),
      check('pids', 7, 'type: output\npoints: 1\nexact: "<pid1>\\n"\nnormalizePids: true'),
    ].join('');
    const { pack, errors } = loadPack(withChecks(extra));
    expect(errors).toEqual([]);
    const checks = pack!.exercises[0].checks;
    expect(checks[3]).toMatchObject({ title: 'Waits for its child', required: [['wait', 'waitpid'], 'exec*'] });
    expect(checks[7]).toMatchObject({ at: { call: 'sleep', nth: 1 }, min: 1, requires: ['alive'] });
  });

  const cases: [string, string, string, string][] = [
    ['exit process', 'type: exit\npoints: 1\ncode: 0\nprocess: all', 'checks[3].process', '"all" is not valid: expected first (the default), every, or a number N from 1'],
    ['exit process 0', 'type: exit\npoints: 1\ncode: 0\nprocess: 0', 'checks[3].process', '0 is not valid: expected first'],
    ['aliveAtOnce', 'type: processes\npoints: 1\naliveAtOnce: { min: 3, max: 2 }', 'checks[3].aliveAtOnce.min', 'min is larger than max'],
    ['calls any-of', 'type: calls\npoints: 1\nrequired: [[]]', 'checks[3].required[0]', '[] is not valid: expected a function name, or a list of names (any one of them)'],
    ['zombies at without a bound', 'type: zombies\npoints: 1\nat: end', 'checks[3].at', 'zombies at a point needs min or max (how many zombies may exist then)'],
    ['zombies at an unknown call', 'type: zombies\npoints: 1\nat: { call: sleepz }\nmax: 0', 'checks[3].at.call', '"sleepz" is not a call the lab traces'],
    ['zombies min without at', 'type: zombies\npoints: 1\natEnd: 0\nmin: 1', 'checks[3].min', 'min and max go with at (zombies at a point)'],
    ['zombies at a bad point', 'type: zombies\npoints: 1\nat: start\nmax: 0', 'checks[3].at', '"start" is not valid: expected end, or { call: NAME, nth: N }'],
    ['requires an unknown check', 'type: compiles\npoints: 1\nrequires: [nope]', 'checks[3].requires[0]', 'no check "nope" in this exercise'],
    ['requires itself', 'type: compiles\npoints: 1\nrequires: [x]', 'checks[3].requires[0]', 'a check cannot require itself'],
    ['requires a secret check', 'type: compiles\npoints: 1\nrequires: [secret-reaped]', 'checks[3].requires[0]', 'check "secret-reaped" is secret: a check students see cannot depend on it'],
    ['an empty title', 'type: compiles\npoints: 1\ntitle: ""', 'checks[3].title', 'must not be empty'],
    ['normalizePids not a boolean', 'type: output\npoints: 1\nexact: x\nnormalizePids: yes please', 'checks[3].normalizePids', 'must be true or false (got "yes please")'],
    ['normalizePids on another type', 'type: exit\npoints: 1\ncode: 0\nnormalizePids: true', 'checks[3].normalizePids', 'unknown field "normalizePids" for a check of type exit'],
  ];
  for (const [what, body, field, message] of cases) {
    it(`refuses ${what}`, () => {
      const errors = errorsOf(withChecks(check('x', 1, body)));
      expect(errors, JSON.stringify(errors)).toContainEqual(expect.objectContaining({ file: EX, field, message: expect.stringContaining(message) }));
      expect(errors.filter((e) => e.field === field), 'one error per field').toHaveLength(1);
      for (const e of errors) expect(e.line).toBeGreaterThan(0);
    });
  }

  it('refuses a cycle of requires', () => {
    const errors = errorsOf(withChecks(check('a', 1, 'type: compiles\npoints: 1\nrequires: [b]') + check('b', 2, 'type: compiles\npoints: 1\nrequires: [a]')));
    expect(errors).toContainEqual(expect.objectContaining({ field: 'checks[3].requires', message: 'check "a" requires itself through other checks (a cycle)' }));
  });
});

describe('pack.yaml weights', () => {
  it('load, and name an exercise the pack does not have', () => {
    expect(loadPack(tinyPack({ 'pack.yaml': `${PACK_YAML}weights: { hello-fork: 20 }\n` })).pack!.weights).toEqual({ 'hello-fork': 20 });
    const yaml = `${PACK_YAML}weights:\n  hello-fork: 20\n  hello-frok: 1\n`;
    expect(errorsOf(tinyPack({ 'pack.yaml': yaml }))).toEqual([
      { file: 'pack.yaml', line: lineOf(yaml, 'hello-frok'), field: 'weights.hello-frok', message: 'no exercise "hello-frok" in this pack (exercises: hello-fork)' },
    ]);
    expect(errorsOf(tinyPack({ 'pack.yaml': `${PACK_YAML}weights: { hello-fork: -1 }\n` }))).toContainEqual(expect.objectContaining({ field: 'weights.hello-fork', message: 'must be more than 0 (got -1)' }));
  });

  it('a weight of 0 is refused, saying what it would do', () => {
    const yaml = `${PACK_YAML}weights:\n  hello-fork: 0\n`;
    expect(errorsOf(tinyPack({ 'pack.yaml': yaml }))).toEqual([
      {
        file: 'pack.yaml',
        line: lineOf(yaml, 'hello-fork: 0'),
        field: 'weights.hello-fork',
        message: 'must be more than 0 (got 0): a weight of 0 would make the exercise count for nothing (leave it out of weights to weigh it by its points)',
      },
    ]);
  });
});

describe('mistakes an instructor makes, each named with its file, line and field', () => {
  it('an empty test-case table, a weight that is not a number and a repeated key, all reported at once', () => {
    const yaml = `${PACK_YAML}weights:\n  hello-fork: ten\n`;
    const ex = withChecks(check('sums', 1, 'type: output\ncases: []'), { 'pack.yaml': yaml });
    const errors = errorsOf(ex);
    expect(errors).toContainEqual({ file: 'pack.yaml', line: lineOf(yaml, 'hello-fork: ten'), field: 'weights.hello-fork', message: 'must be a number (got "ten")' });
    // pack.yaml's errors do not hide the exercises' own
    expect(errors).toContainEqual({ file: EX, line: lineOf(EXERCISE_YAML + check('sums', 1, 'type: output\ncases: []'), 'cases: []'), field: 'checks[3].cases', message: 'an empty list: give at least one entry' });
    const number = errorsOf(tinyPack({ 'pack.yaml': PACK_YAML.replace(/^version: .*$/m, 'version: 1.0') }));
    expect(number).toEqual([expect.objectContaining({ file: 'pack.yaml', field: 'version', message: 'must be a text (YAML read it as the number 1: write it in quotes)' })]);
    const twice = errorsOf(tinyPack({ 'pack.yaml': `${PACK_YAML}title: again\n` }));
    expect(twice).toEqual([{ file: 'pack.yaml', line: PACK_YAML.split('\n').length, field: '', message: 'YAML: the key "title" appears twice in the same mapping (the second one is on this line)' }]);
  });

  it('an exercise listed twice is said once, and its own errors are not doubled', () => {
    const errors = errorsOf(withChecks(check('x', 1, 'type: robust\npoints: 1\npolicies: [child-frist]\ncheck: { type: compiles }'), { 'pack.yaml': PACK_YAML.replace('[hello-fork]', '[hello-fork, hello-fork]') }));
    expect(errors.map((e) => `${e.file}: ${e.field}: ${e.message}`)).toEqual([
      `${EX}: checks[3].policies[0]: must be one of "parent-first", "child-first", "round-robin", "random" (got "child-frist")`,
      'pack.yaml: exercises[1]: exercise "hello-fork" is listed twice',
    ]);
    const listed = errorsOf(tinyPack({ 'pack.yaml': PACK_YAML.replace('[hello-fork]', '[hello-fork, hello-fork]') }));
    expect(listed).toEqual([{ file: 'pack.yaml', line: lineOf(PACK_YAML, 'exercises:'), field: 'exercises[1]', message: 'exercise "hello-fork" is listed twice' }]);
  });

  it('a check that requires a check id the exercise does not have names the ids it has', () => {
    const errors = errorsOf(withChecks(check('gated', 1, 'type: compiles\npoints: 1\nrequires: [compile]')));
    expect(errors).toEqual([expect.objectContaining({ file: EX, field: 'checks[3].requires[0]', message: expect.stringMatching(/^no check "compile" in this exercise \(checks: .*compiles/) })]);
    expect(errors[0].line).toBeGreaterThan(0);
  });
});

describe("a student's copy", () => {
  const STUDENT = `${PACK_YAML}student: true\n`;
  const stripped = EXERCISE_YAML.replace('solution: solution.c\n', '').replace(/wrong:\n.*\n.*\n/, '').replace(/  - id: secret-reaped[\s\S]*$/, '') + 'heldBack: 1\n';

  it('loads without solution, wrong submissions or secret checks, and keeps the points held back', () => {
    const { pack, errors } = loadPack(tinyPack({ 'pack.yaml': STUDENT, [EX]: stripped, 'hello-fork/solution.c': null, 'hello-fork/wrong/no-wait.c': null }));
    expect(errors).toEqual([]);
    expect(pack!.student).toBe(true);
    expect(pack!.exercises[0]).toMatchObject({ solution: null, wrong: [], maxPoints: 4, heldBack: 1 });
  });

  it('refuses a student copy that holds a solution, a wrong submission or a secret check', () => {
    const errors = errorsOf(tinyPack({ 'pack.yaml': STUDENT }));
    expect(errors.map((e) => `${e.field}: ${e.message}`)).toEqual([
      "solution: a reference solution: a student's copy must not hold it (forklab pack export --student leaves it out)",
      "wrong: wrong submissions: a student's copy must not hold it (forklab pack export --student leaves it out)",
      "checks[2].visibility: a secret check: a student's copy must not hold it (forklab pack export --student leaves it out)",
    ]);
  });

  it('a full pack still needs its solutions, and heldBack only belongs in a copy', () => {
    const errors = errorsOf(tinyPack({ [EX]: stripped }));
    expect(errors).toContainEqual({ file: EX, line: 1, field: 'solution', message: expect.stringContaining('missing required field "solution"') });
    expect(errors).toContainEqual(expect.objectContaining({ field: 'heldBack', message: expect.stringContaining('heldBack belongs in a student\'s copy only') }));
  });
});

describe("a question's reveal", () => {
  const QUESTION = `id: q
uuid: 12121212-1212-4212-8212-121212121212
title: Which outputs?
kind: possible-outputs
prompt: prompt.md
program: program.c
choices:
  - output: "a\\n"
  - output: "b\\n"
`;
  const files = (q: string) =>
    tinyPack({ 'pack.yaml': PACK_YAML.replace('[hello-fork]', '[hello-fork, q]'), 'q/exercise.yaml': q, 'q/prompt.md': 'Which?', 'q/program.c': 'int main(void) { return 0; }\n' });
  it('loads always (default), never, after-correct and after-attempts N', () => {
    const reveal = (line: string) => loadPack(files(QUESTION + line)).pack!.exercises[1].question!.reveal;
    expect(reveal('')).toBe('always');
    expect(reveal('reveal: never\n')).toBe('never');
    expect(reveal('reveal: after-correct\n')).toBe('after-correct');
    expect(reveal('reveal: after-attempts 3\n')).toEqual({ afterAttempts: 3 });
  });

  it('refuses anything else', () => {
    const errors = errorsOf(files(`${QUESTION}reveal: after 3 tries\n`));
    expect(errors).toEqual([{ file: 'q/exercise.yaml', field: 'reveal', line: 10, message: '"after 3 tries" is not valid: expected always (the default), never, after-correct, or after-attempts N: when the student sees which choices were right' }]);
  });
});
