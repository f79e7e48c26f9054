/**
 * The question "tick every possible output" (kind: possible-outputs): the schema and the loader,
 * `forklab pack validate`'s checks (search complete, some choices possible and some not),
 * grading with partial credit, and the schedules of possible choices replaying their output.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradeAnswerText, gradeQuestion, parseAnswer, validatePack } from '../../src-main/checker/index.ts';
import { readPackFolder } from '../../src-main/host/pack-folder.ts';
import { loadPack } from '../../src-main/packs/index.ts';
import { runProgram } from '../../src-main/vm/run.ts';
import { tinyPack } from '../packs/tiny-pack.ts';

const PACK_YAML = `id: quiz
uuid: 11111111-1111-4111-8111-111111111111
title: A quiz
version: 1.0.0
exercises: [two-children]
`;

// Two children each print a line; the parent waits for both, then prints. The children's lines
// come in either order (the scheduler decides), the parent's always last.
const PROGRAM = `#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>
int main(void) {
    if (fork() == 0) { printf("x\\n"); return 0; }
    if (fork() == 0) { printf("y\\n"); return 0; }
    wait(NULL);
    wait(NULL);
    printf("p\\n");
    return 0;
}
`;

function question(extra = '', choices = `  - output: "x\\ny\\np\\n"
  - output: "y\\nx\\np\\n"
    explain: the second child may run first
  - output: "p\\nx\\ny\\n"
    explain: the parent waits for both children before it prints
`): string {
  return `id: two-children
uuid: 22222222-2222-4222-8222-222222222222
title: Which outputs?
kind: possible-outputs
prompt: prompt.md
program: program.c
points: 2
${extra}choices:
${choices}`;
}

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

function quizPack(exerciseYaml = question(), program = PROGRAM): Record<string, Uint8Array> {
  return {
    'pack.yaml': enc(PACK_YAML),
    'two-children/exercise.yaml': enc(exerciseYaml),
    'two-children/prompt.md': enc('# Which outputs?\n'),
    'two-children/program.c': enc(program),
  };
}

describe('the pack format of a question', () => {
  it('loads a question: the program, the choices, points per choice; no starter, solution or checks', () => {
    const { pack, errors } = loadPack(quizPack());
    expect(errors).toEqual([]);
    const ex = pack!.exercises[0]!;
    expect(ex.kind).toBe('possible-outputs');
    expect(ex.question!.program).toBe(PROGRAM);
    expect(ex.question!.choices.map((c) => c.output)).toEqual(['x\ny\np\n', 'y\nx\np\n', 'p\nx\ny\n']);
    expect(ex.question!.choices[2]!.explain).toBe('the parent waits for both children before it prints');
    expect(ex.maxPoints).toBe(6);
    expect(ex.checks).toEqual([]);
    expect(ex.solution).toBeNull();
  });

  it('names the file, line and field of a question\'s mistakes', () => {
    const noChoices = loadPack(quizPack(question('', '').replace('choices:\n', '')));
    expect(noChoices.errors).toContainEqual(expect.objectContaining({ file: 'two-children/exercise.yaml', field: 'choices', message: 'missing required field "choices"' }));
    const starter = loadPack(quizPack(question('starter: starter.c\n')));
    expect(starter.errors).toContainEqual(expect.objectContaining({ field: 'starter', message: 'unknown field "starter"', line: 8 }));
    const missing = loadPack(Object.fromEntries(Object.entries(quizPack()).filter(([k]) => k !== 'two-children/program.c')));
    expect(missing.errors).toContainEqual(expect.objectContaining({ field: 'program', message: 'file not found: two-children/program.c' }));
    const twice = loadPack(quizPack(question('', '  - output: "x\\ny\\np\\n"\n  - output: "x\\ny\\np"\n')));
    expect(twice.errors).toContainEqual(expect.objectContaining({ field: 'choices[1].output', message: 'the same output as choices[0]' }));
    const oneChoice = loadPack(quizPack(question('', '  - output: "x\\n"\n')));
    expect(oneChoice.errors.map((e) => e.field)).toContain('choices');
  });

  it('still requires starter, solution and checks of a code exercise', () => {
    const { errors } = loadPack(tinyPack({ 'hello-fork/exercise.yaml': 'id: hello-fork\nuuid: 22222222-2222-4222-8222-222222222222\ntitle: T\nprompt: prompt.md\n' }));
    expect(errors.map((e) => e.message)).toEqual(expect.arrayContaining(['missing required field "starter"', 'missing required field "checks"']));
  });
});

describe('forklab pack validate on a question', () => {
  it('accepts a question whose search is complete with some choices possible and some not', () => {
    const report = validatePack(quizPack());
    expect(report.errors).toEqual([]);
    expect(report.valid).toBe(true);
    expect(report.exercises[0]!.question).toEqual({ choices: 3, possible: 2, complete: true });
  });

  it('fails a search cut short by maxRuns', () => {
    const report = validatePack(quizPack(question('maxRuns: 1\n')));
    expect(report.valid).toBe(false);
    expect(report.errors[0]).toMatchObject({ field: 'program', line: 6 });
    expect(report.errors[0]!.message).toMatch(/stopped after 1 runs/);
  });

  it('fails when every choice is possible, or none is', () => {
    const all = validatePack(quizPack(question('', '  - output: "x\\ny\\np\\n"\n  - output: "y\\nx\\np\\n"\n')));
    expect(all.errors).toEqual([expect.objectContaining({ field: 'choices', message: expect.stringMatching(/every choice is an output/) })]);
    const none = validatePack(quizPack(question('', '  - output: "p\\n"\n  - output: "x\\n"\n')));
    expect(none.errors).toEqual([expect.objectContaining({ field: 'choices', message: expect.stringMatching(/no choice is an output/) })]);
  });

  it('fails a program that does not compile', () => {
    const report = validatePack(quizPack(question(), 'int main(void) { return 0 }\n'));
    expect(report.errors[0]).toMatchObject({ field: 'program' });
    expect(report.errors[0]!.message).toMatch(/does not compile/);
  });
});

describe('grading an answer', () => {
  const exercise = loadPack(quizPack()).pack!.exercises[0]!;

  it('gives points per right choice: right when ticked exactly if possible', () => {
    const right = gradeQuestion(exercise, [0, 1]);
    expect(right.points).toBe(6);
    expect(right.score).toBe(1);
    expect(right.tests.map((t) => t.status)).toEqual(['passed', 'passed', 'passed']);
    const partial = gradeQuestion(exercise, [0, 2]);
    expect(partial.points).toBe(2); // one right choice of three, 2 points each
    expect(partial.tests.map((t) => t.status)).toEqual(['passed', 'failed', 'failed']);
    expect(partial.tests[1]!.message).toMatch(/^Possible\. You left it unticked: wrong\. the second child may run first/);
    expect(partial.tests[2]!.message).toMatch(/^Impossible\. You ticked it: wrong\. the parent waits for both/);
    const nothing = gradeQuestion(exercise, []);
    // an answer that ticks no possible output earns nothing for the impossible ones it leaves unticked
    expect(nothing.points).toBe(0);
    expect(() => gradeQuestion(exercise, [3])).toThrow(/does not exist/);
  });

  it('says in words why a choice is impossible or possible (the explorer\'s chain and decisions)', () => {
    const g = gradeQuestion(exercise, [0, 2]);
    expect(g.tests[2]!.message).toMatch(/ "p" is printed after wait\(\) returns, which needs child \d to exit, which comes after it prints "[xy]"; this output has "p" before "[xy]"\.$/);
    expect(g.tests[1]!.message).toMatch(/ For example: child 5 runs before child 4 prints "x"\.$/);
    const bare = loadPack(quizPack(question('', '  - output: "x\\ny\\np\\n"\n  - output: "p\\n"\n'))).pack!.exercises[0]!;
    expect(gradeQuestion(bare, [0]).tests[1]!.message).toMatch(/Every run prints "x" once; this output does not have it\. Every run prints "y" once; this output does not have it\.$/);
  });

  it('gives an impossible choice without an explanation a generic sentence, and no schedule', () => {
    const bare = loadPack(quizPack(question('', '  - output: "x\\ny\\np\\n"\n  - output: "p\\n"\n'))).pack!.exercises[0]!;
    const g = gradeQuestion(bare, [0]);
    expect(g.tests[1]!.message).toMatch(/No order of the processes prints this/);
    expect(g.tests[1]!.schedule).toBeUndefined();
  });

  it('attaches to each possible choice a schedule that prints exactly that output', () => {
    const g = gradeQuestion(exercise, []);
    for (const [i, t] of g.tests.entries()) {
      if (i === 2) {
        expect(t.schedule).toBeUndefined();
        continue;
      }
      expect(t.schedule).toMatch(/^\d+:\d+/);
      const replay = runProgram({ source: PROGRAM, schedule: t.schedule });
      expect(replay.stdout).toBe(exercise.question!.choices[i]!.output);
    }
  });

  it('reads answer files: 1-based numbers separated by spaces or commas', () => {
    expect(parseAnswer('2, 1\n', 3)).toEqual([0, 1]);
    expect(parseAnswer('  ', 3)).toEqual([]);
    expect(parseAnswer('1 4', 3)).toMatch(/"4" is not a choice number \(1 to 3\)/);
    expect(gradeAnswerText(exercise, '1,2').points).toBe(6);
    const bad = gradeAnswerText(exercise, 'one');
    expect(bad.gradable).toBe(false);
    expect(bad.points).toBe(0);
    expect(bad.tests.every((t) => t.status === 'error')).toBe(true);
  });
});

describe('the built-in questions', async () => {
  const files = await readPackFolder(new URL('../../exercises/process-basics', import.meta.url).pathname);
  const pack = loadPack(files).pack!;
  const questions = pack.exercises.filter((e) => e.question);

  it('has at least two, each with possible and impossible choices whose schedules replay', () => {
    expect(questions.length).toBeGreaterThanOrEqual(2);
    for (const q of questions) {
      const g = gradeQuestion(q, []);
      const possible = g.tests.filter((t) => t.schedule !== undefined);
      expect(possible.length).toBeGreaterThan(0);
      expect(possible.length).toBeLessThan(g.tests.length);
      for (const t of possible) {
        const i = Number(t.id.replace('choice-', '')) - 1;
        expect(runProgram({ source: q.question!.program, schedule: t.schedule }).stdout).toBe(q.question!.choices[i]!.output);
      }
    }
  });

  it('two children and one wait(NULL): the parent prints after either child, never first', () => {
    const q = questions.find((e) => e.id === 'two-children-wait-outputs')!;
    const possible = gradeQuestion(q, []).tests.map((t) => t.schedule !== undefined);
    const outputs = q.question!.choices.map((c) => c.output);
    expect(outputs.filter((_, i) => possible[i])).toEqual(['child 1\nchild 2\nparent\n', 'child 2\nchild 1\nparent\n', 'child 1\nparent\nchild 2\n', 'child 2\nparent\nchild 1\n']);
    expect(readFileSync(new URL('../../exercises/process-basics/two-children-wait-outputs/program.c', import.meta.url), 'utf8')).toContain('wait(NULL)');
  });
});

describe('forklab grade with answer files', () => {
  it('grades EXERCISE-ID.txt answers (1-based numbers, spaces or commas) and refuses a .c for a question', { timeout: 120_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'forklab-question-'));
    for (const [name, bytes] of Object.entries(quizPack())) {
      mkdirSync(join(dir, 'pack', name, '..'), { recursive: true });
      writeFileSync(join(dir, 'pack', name), bytes);
    }
    mkdirSync(join(dir, 'subs', 'ann'), { recursive: true });
    mkdirSync(join(dir, 'subs', 'bob'), { recursive: true });
    writeFileSync(join(dir, 'subs', 'ann', 'two-children.txt'), '2, 1\n');
    writeFileSync(join(dir, 'subs', 'bob', 'two-children.txt'), '3');
    const bin = join(import.meta.dirname, '../../bin/forklab.mjs');
    const r = spawnSync(process.execPath, [bin, 'grade', '--pack', 'pack', 'subs', '--out', 'out', '--jobs', '1'], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr).not.toMatch(/skipped/);
    expect(r.status).toBe(0);
    const summary = JSON.parse(readFileSync(join(dir, 'out', 'summary.json'), 'utf8')) as { submissions: { student: string; points: number }[] };
    expect(summary.submissions.map((x) => [x.student, x.points])).toEqual([['ann', 6], ['bob', 0]]);
    const bob = JSON.parse(readFileSync(join(dir, 'out', 'bob', 'two-children.json'), 'utf8'));
    expect(bob.tests.map((t: { status: string }) => t.status)).toEqual(['failed', 'failed', 'failed']);
    expect(bob.tests[0].schedule).toMatch(/^\d+:\d+/);
    writeFileSync(join(dir, 'wrong.c'), 'int main(void) { return 0; }\n');
    const c = spawnSync(process.execPath, [bin, 'grade', '--pack', 'pack', '--exercise', 'two-children', 'wrong.c'], { cwd: dir, encoding: 'utf8' });
    expect(c.status).toBe(2);
    expect(c.stderr).toMatch(/takes a \.txt file/);
  });
});
