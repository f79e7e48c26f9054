/**
 * The course features of LabService with the real pack engine: a student's copy of the built-in
 * pack imports and grades; points held back; hand-in zips (a name given once, every worked-on
 * exercise with its hash); pack updates (what changed, scores kept as earned on the old version,
 * older versions refused unless asked); and a question's `reveal`.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { readHandIn } from '../../src-main/checker/handin.ts';
import { readPackFolder } from '../../src-main/host/pack-folder.ts';
import { studentCopy } from '../../src-main/packs/student-copy.ts';
import type { PackFiles } from '../../src-main/packs/types.ts';
import { decodeBase64, encodeBase64 } from '../../src-main/service/base64.ts';
import { engines } from '../../src-main/service/engines.ts';
import { errorStatus } from '../../src-main/service/validate.ts';
import { InlineCompute } from '../../src-main/service/jobs.ts';
import { LabService } from '../../src-main/service/lab-service.ts';
import { MemoryStorage } from '../../src-main/service/storage.ts';
import { EXERCISE_YAML, NO_WAIT, PACK_YAML, SOLUTION, tinyPack } from '../packs/tiny-pack.ts';

const BUILTIN = new URL('../../exercises/process-basics', import.meta.url).pathname;

function makeService(storage = new MemoryStorage()): LabService {
  return new LabService({ storage, compute: new InlineCompute(engines), builtinPacks: async () => [] });
}

/** The user's mistake: the doors answer it with HTTP 400. */
function isInputError(e: Error): boolean {
  return errorStatus(e) === 400;
}

function zipOf(files: PackFiles): string {
  return encodeBase64(zipSync(files));
}

async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('it did not reject');
}

describe("a student's copy", () => {
  it('of the built-in pack imports and grades: the solution earns full marks, the starter does not', { timeout: 120_000 }, async () => {
    const full = await readPackFolder(BUILTIN);
    const copy = studentCopy(full);
    expect(copy.errors).toEqual([]);
    expect(Object.keys(copy.files).some((f) => f.endsWith('solution.c') || f.includes('/wrong/'))).toBe(false);
    const service = makeService();
    const summary = await service.importPack({ name: 'process-basics-student.zip', base64: zipOf(copy.files) });
    expect(summary.exercises).toHaveLength(23);
    const solution = readFileSync(`${BUILTIN}/fork-returns/solution.c`, 'utf8');
    const graded = await service.checkExercise({ packId: 'process-basics', exerciseId: 'fork-returns', source: solution });
    expect(graded.points).toBe(graded.max_points);
    const starter = (await service.openExercise('process-basics', 'fork-returns')).starter;
    const low = await service.checkExercise({ packId: 'process-basics', exerciseId: 'fork-returns', source: starter });
    expect(low.points).toBeLessThan(low.max_points);
  });

  it('the app shows the points the grader counts and how many are held back, from the full pack or a copy', async () => {
    const service = makeService();
    const full = await service.importPack({ name: 'tiny.zip', base64: zipOf(tinyPack()) });
    expect(full.exercises[0]).toMatchObject({ maxPoints: 4, heldBackPoints: 1 });
    const other = makeService();
    const copy = await other.importPack({ name: 'tiny-student.zip', base64: zipOf(studentCopy(tinyPack()).files) });
    expect(copy.exercises[0]).toMatchObject({ maxPoints: 4, heldBackPoints: 1 });
  });

  it('a file that is not a pack is the user\'s mistake (HTTP 400), and says why', async () => {
    const e = await rejection(makeService().importPack({ name: 'tiny.zip', base64: zipOf(tinyPack({ 'hello-fork/solution.c': null })) }));
    expect(isInputError(e)).toBe(true);
    expect(e.message).toContain('tiny.zip is not a valid pack');
    expect(e.message).toContain('file not found: hello-fork/solution.c');
  });
});

describe('hand in', () => {
  it('asks for a name once, then zips every exercise worked on with its hash, the pack id and version', async () => {
    const service = makeService();
    await service.importPack({ name: 'tiny.zip', base64: zipOf(tinyPack()) });
    expect(await service.studentName()).toBeNull();
    const noName = await rejection(service.handIn({ packId: 'tiny' }));
    expect(isInputError(noName)).toBe(true);
    expect(noName.message).toBe('Hand in: enter your name or student id first');
    const nothing = await rejection(service.handIn({ packId: 'tiny', student: 'Zoë Lee' }));
    expect(nothing.message).toBe('Hand in: you have not worked on any exercise of A tiny pack yet');
    await service.saveDraft('tiny', 'hello-fork', NO_WAIT);
    const file = await service.handIn({ packId: 'tiny' });
    expect(file).toMatchObject({ fileName: 'forklab-handin-tiny-Zoë Lee.zip', exercises: ['hello-fork'], student: 'Zoë Lee' });
    const read = await readHandIn(decodeBase64(file.base64));
    if (typeof read === 'string') throw new Error(read);
    expect(read.manifest).toMatchObject({ kind: 'forklab-handin', student: 'Zoë Lee', packId: 'tiny', packVersion: '1.2.3' });
    expect(read.manifest.files).toEqual([{ path: 'hello-fork.c', exercise: 'hello-fork', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    expect(read.texts.get('hello-fork')).toBe(NO_WAIT);
    expect(await service.studentName()).toBe('Zoë Lee');
    expect(await rejection(service.handIn({ packId: 'tiny', student: 'two\nlines' }))).toMatchObject({ message: expect.stringContaining('line breaks') });
  });
});

describe('pack updates', () => {
  const v = (version: string, points = 3) =>
    zipOf(tinyPack({ 'pack.yaml': PACK_YAML.replace('1.2.3', version), 'hello-fork/exercise.yaml': EXERCISE_YAML.replace('    points: 3\n    exact:', `    points: ${points}\n    exact:`) }));

  it('a newer version says what changed and keeps old scores as earned on the old version; an older one is refused unless asked', async () => {
    const service = makeService();
    await service.importPack({ name: 'tiny.zip', base64: v('1.2.3') });
    await service.checkExercise({ packId: 'tiny', exerciseId: 'hello-fork', source: SOLUTION });
    const same = await service.importPack({ name: 'tiny.zip', base64: v('1.2.4') });
    expect(same.update).toEqual({ from: '1.2.3', changes: [] });
    expect(same.exercises[0]).toMatchObject({ bestScore: 1, status: 'passed' });

    const next = await service.importPack({ name: 'tiny.zip', base64: v('1.3.0', 5) });
    expect(next.version).toBe('1.3.0');
    expect(next.update).toEqual({ from: '1.2.4', changes: ['changed: Hello from two processes (4 → 6 points): scores earned on version 1.2.4 are kept and marked so'] });
    expect(next.exercises[0]).toMatchObject({ bestScore: null, status: 'new', earlier: { version: '1.2.4', bestScore: 1 } });

    const older = await rejection(service.importPack({ name: 'tiny-old.zip', base64: v('1.2.3') }));
    expect(isInputError(older)).toBe(true);
    expect(older.message).toContain('tiny-old.zip is version 1.2.3 of A tiny pack, older than the version 1.3.0 you have');
    expect((await service.listPacks())[0].version).toBe('1.3.0');
    const forced = await service.importPack({ name: 'tiny-old.zip', base64: v('1.2.3'), allowOlder: true });
    expect(forced.version).toBe('1.2.3');
  });
});

describe("a question's reveal", () => {
  const QUESTION = (reveal: string) => `id: two-lines
uuid: 12121212-1212-4212-8212-121212121212
title: Which outputs?
kind: possible-outputs
prompt: prompt.md
program: program.c
${reveal}
choices:
  - output: "child\\nparent\\n"
  - output: "parent\\nchild\\n"
  - output: "parent\\n"
`;
  const pack = (reveal: string) =>
    zipOf(tinyPack({
      'pack.yaml': PACK_YAML.replace('[hello-fork]', '[hello-fork, two-lines]'),
      'two-lines/exercise.yaml': QUESTION(reveal),
      'two-lines/prompt.md': 'Which?',
      'two-lines/program.c': '#include <stdio.h>\n#include <unistd.h>\nint main(void) { if (fork() == 0) { printf("child\\n"); return 0; } printf("parent\\n"); return 0; }\n',
    }));
  const answer = (service: LabService, ticked: number[]) => service.answerQuestion({ packId: 'tiny', exerciseId: 'two-lines', ticked });

  it('after-attempts N hides the verdicts until the N-th answer; attempts are counted in progress', async () => {
    const service = makeService();
    await service.importPack({ name: 'tiny.zip', base64: pack('reveal: after-attempts 2') });
    const first = await answer(service, [0]);
    expect(first.tests).toEqual([]);
    expect(first.points).toBe(2);
    expect(first.feedbackHidden).toBe('Which choices are right is shown after 2 attempts (1 so far).');
    expect((await service.openExercise('tiny', 'two-lines')).attempts).toBe(1);
    const second = await answer(service, [0]);
    expect(second.tests.map((t) => t.status)).toEqual(['passed', 'failed', 'passed']);
    expect(second.feedbackHidden).toBeUndefined();
  });

  it('never hides them for good; after-correct shows them once the answer is right', async () => {
    const never = makeService();
    await never.importPack({ name: 'tiny.zip', base64: pack('reveal: never') });
    for (let i = 0; i < 3; i++) expect((await answer(never, [0, 1])).tests).toEqual([]);
    const correct = makeService();
    await correct.importPack({ name: 'tiny.zip', base64: pack('reveal: after-correct') });
    expect((await answer(correct, [0])).feedbackHidden).toBe('Which choices are right is shown once your answer is fully right.');
    expect((await answer(correct, [0, 1])).tests).toHaveLength(3);
  });

  it('an empty answer earns nothing, and each choice is named with its text', async () => {
    const service = makeService();
    await service.importPack({ name: 'tiny.zip', base64: pack('') });
    const empty = await answer(service, []);
    expect(empty.points).toBe(0);
    expect(empty.tests.map((t) => t.name)).toEqual(['Output 1: "child", "parent"', 'Output 2: "parent", "child"', 'Output 3: "parent"']);
    expect(empty.tests[2].message).toContain('Impossible. You left it unticked: right, but an answer that ticks no possible output earns nothing');
  });
});

describe('files given to a run over the API', () => {
  it('reach the program, and a bad list is the user\'s mistake', async () => {
    const service = makeService();
    const source = '#include <stdio.h>\nint main(void) { FILE *f = fopen("in.txt", "r"); char b[16] = {0}; if (f) fgets(b, sizeof b, f); printf("[%s]\\n", b); return 0; }\n';
    const view = await service.run({ source, options: { files: [{ path: 'in.txt', content: 'hello' }] } });
    expect(view.stdout).toBe('[hello]\n');
    const bad = await rejection(service.run({ source, options: { files: [{ path: 'in.txt' }] } as never }));
    expect(isInputError(bad)).toBe(true);
    expect(bad.message).toBe('request.options.files[0].content is missing');
  });
});
