/**
 * The recorder on small programs made for the test: the terminal's input is not echoed, the
 * program's own signal is reported, `// outputs: any` gives a list of outcomes, and the loader
 * names a missing recording.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listPrograms, loadCorpus } from './corpus.ts';
import { recordAll } from './recorder.ts';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'forklab-corpus-'));
  writeFileSync(join(dir, '001_echo.c'), [
    '// stdin: typed text\\n',
    '#include <stdio.h>',
    'int main(void) { char b[32]; printf("> "); if (fgets(b, sizeof b, stdin)) printf("[%s]", b); return 0; }',
  ].join('\n'));
  writeFileSync(join(dir, '002_kill.c'), [
    '#include <stdio.h>',
    '#include <signal.h>',
    'int main(void) { printf("bye\\n"); raise(SIGKILL); return 0; }',
  ].join('\n'));
  writeFileSync(join(dir, '004_orphan.c'), [
    '#include <stdio.h>',
    '#include <unistd.h>',
    'int main(void) { pid_t p = getpid(); if (fork() == 0) { while (getppid() == p) usleep(1000);',
    '  printf("orphan\\n"); return 0; } printf("parent\\n"); return 4; }',
  ].join('\n'));
  writeFileSync(join(dir, '003_any.c'), [
    '// outputs: any',
    '// args: "two words" x',
    '#include <stdio.h>',
    'int main(int argc, char **argv) { printf("%d %s\\n", argc, argv[1]); return 0; }',
  ].join('\n'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('recorder', () => {
  it('records input without echo, the signal, and every outcome for outputs: any', async () => {
    const recordings = await recordAll(listPrograms(dir), { runsForAny: 3 });
    expect(recordings.get('001_echo')).toEqual({ stdout: '> [typed text\n]', exit: { code: 0, signal: null } });
    expect(recordings.get('002_kill')).toEqual({ stdout: 'bye\n', exit: { code: 137, signal: 'SIGKILL' } });
    expect(recordings.get('003_any')).toEqual({ outputs: [{ stdout: '3 two words\n', exit: { code: 0, signal: null } }] });
    // the program is not the session leader: its orphan is not hung up and is still heard
    expect(recordings.get('004_orphan')).toEqual({ stdout: 'parent\norphan\n', exit: { code: 4, signal: null } });
  });

  it('loadCorpus names the missing recording', () => {
    expect(() => loadCorpus(dir)).toThrow(/001_echo\.expected\.json is missing/);
  });

  it('loadCorpus turns outputs: any recordings into allowed outcomes', () => {
    const one = { stdout: 'a\n', exit: { code: 0, signal: null } };
    const other = { stdout: 'b\n', exit: { code: 1, signal: null } };
    writeFileSync(join(dir, '001_echo.expected.json'), JSON.stringify(one));
    writeFileSync(join(dir, '002_kill.expected.json'), JSON.stringify(one));
    writeFileSync(join(dir, '003_any.expected.json'), JSON.stringify({ outputs: [one, other] }));
    writeFileSync(join(dir, '004_orphan.expected.json'), JSON.stringify(one));
    const corpus = loadCorpus(dir);
    expect(corpus[0].allowed).toEqual([one]);
    expect(corpus[2]).toMatchObject({ args: ['two words', 'x'], outputs: 'any', expected: one, allowed: [one, other] });
  });
});
