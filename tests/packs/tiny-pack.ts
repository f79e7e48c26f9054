/**
 * A tiny valid pack as in-memory files, for the pack and checker tests to start from and break.
 */
import type { PackFiles } from '../../src-main/packs/types.ts';

export const PACK_YAML = `id: tiny
uuid: 11111111-1111-4111-8111-111111111111
title: A tiny pack
version: 1.2.3
exercises: [hello-fork]
`;

export const EXERCISE_YAML = `id: hello-fork
uuid: 22222222-2222-4222-8222-222222222222
title: Hello from two processes
topics: [fork, wait]
prompt: prompt.md
starter: starter.c
solution: solution.c
hints:
  - fork returns twice.
wrong:
  - file: wrong/no-wait.c
    fails: [child-first]
checks:
  - id: compiles
    uuid: 33333333-3333-4333-8333-333333333333
    type: compiles
    points: 1
  - id: child-first
    uuid: 44444444-4444-4444-8444-444444444444
    type: output
    points: 3
    exact: "child\\nparent\\n"
  - id: secret-reaped
    uuid: 55555555-5555-4555-8555-555555555555
    type: zombies
    visibility: secret
    points: 1
    atEnd: 0
`;

export const SOLUTION = `#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>
int main(void) {
    if (fork() == 0) {
        printf("child\\n");
        exit(0);
    }
    wait(NULL);
    printf("parent\\n");
    return 0;
}
`;

export const STARTER = `#include <stdio.h>
int main(void) {
    printf("parent\\n");
    return 0;
}
`;

export const NO_WAIT = `#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
int main(void) {
    if (fork() == 0) {
        printf("child\\n");
        exit(0);
    }
    printf("parent\\n");
    return 0;
}
`;

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

/** The tiny pack's files, with `changes` applied (a null value removes the file). */
export function tinyPack(changes: Record<string, string | null> = {}): PackFiles {
  const texts: Record<string, string | null> = {
    'pack.yaml': PACK_YAML,
    'hello-fork/exercise.yaml': EXERCISE_YAML,
    'hello-fork/prompt.md': '# Hello\n\nMake the child print first.\n',
    'hello-fork/starter.c': STARTER,
    'hello-fork/solution.c': SOLUTION,
    'hello-fork/wrong/no-wait.c': NO_WAIT,
    ...changes,
  };
  const files: PackFiles = {};
  for (const [name, text] of Object.entries(texts)) if (text !== null) files[name] = enc(text);
  return files;
}

/**
 * A question exercise to add to the tiny pack (its pack.yaml lists `two-lines` too): which
 * outputs can a fork whose child and parent each print a line give?
 */
export function twoLinesQuestion(): Record<string, string> {
  return {
    'two-lines/exercise.yaml': TWO_LINES_QUESTION,
    'two-lines/prompt.md': 'Which?',
    'two-lines/program.c': '#include <stdio.h>\n#include <unistd.h>\nint main(void) { if (fork() == 0) { printf("child\\n"); return 0; } printf("parent\\n"); return 0; }\n',
  };
}

const TWO_LINES_QUESTION = `id: two-lines
uuid: 12121212-1212-4212-8212-121212121212
title: Which outputs?
kind: possible-outputs
prompt: prompt.md
program: program.c
choices:
  - output: "child\\nparent\\n"
  - output: "parent\\nchild\\n"
  - output: "parent\\n"
`;
