/**
 * Fuzzing the compiler and the system calls (issue 15): random programs and random arguments,
 * seeded so that a failure can be replayed. Any internal error fails: a compiler diagnostic that
 * asks to be reported, an exception out of the engine, a run whose message says "internal".
 * FORKLAB_FUZZ_ITERATIONS=N runs N of each instead of the suite's modest default.
 */
import { describe, expect, it } from 'vitest';
import { compileProgram, runProgram } from '../../src-main/vm/run.ts';

export const FUZZ_ITERATIONS = Number(process.env.FORKLAB_FUZZ_ITERATIONS ?? 150);
const SEED = Number(process.env.FORKLAB_FUZZ_SEED ?? 15);

/** mulberry32: a small seeded generator. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)];

const TOKENS = [
  'int', 'char', 'long', 'unsigned', 'void', 'struct', 'union', 'enum', 'typedef', 'static', 'const', 'sizeof', 'return',
  'if', 'else', 'while', 'for', 'do', 'switch', 'case', 'default', 'break', 'goto', 'x', 'y', 'main', 'fork', 'printf',
  '(', ')', '{', '}', '[', ']', ';', ',', '*', '&', '+', '-', '/', '%', '<<', '>>', '=', '==', '!=', '<', '>', '?', ':',
  '!', '~', '++', '--', '->', '.', '...', '0', '1', '-1', '0x7fffffff', '1e308', "'a'", '"s"', '#', '##', '\\', '\n',
  '#define', '#include', '#if', '#endif', '<stdio.h>', '__proto__', 'constructor', '/*', '*/', '//',
];

/** A random expression of nested operators, casts, calls and parentheses. */
function expression(rnd: () => number, depth: number): string {
  if (depth <= 0 || rnd() < 0.2) return pick(rnd, ['0', '1', '-1', 'x', 'y', '2147483647', "'c'", '(char)300', 'sizeof(int)', '"s"[0]']);
  const a = expression(rnd, depth - 1);
  const b = expression(rnd, depth - 1);
  switch (Math.floor(rnd() * 8)) {
    case 0: return `(${a})`;
    case 1: return `${a} ${pick(rnd, ['+', '-', '*', '/', '%', '<<', '>>', '&', '|', '^', '&&', '||', '<', '==', ','])} ${b}`;
    case 2: return `${pick(rnd, ['-', '!', '~', '+'])}${a}`;
    case 3: return `(${pick(rnd, ['int', 'long', 'char', 'unsigned', 'short'])})(${a})`;
    case 4: return `${a} ? ${b} : ${a}`;
    case 5: return `f(${a}, ${b})`;
    case 6: return `x = ${a}`;
    default: return `arr[(${a}) & 3]`;
  }
}

/** A random program: a valid frame around random expressions, or random tokens. */
function randomProgram(rnd: () => number): string {
  if (rnd() < 0.3) return Array.from({ length: 5 + Math.floor(rnd() * 80) }, () => pick(rnd, TOKENS)).join(' ');
  const lines = Array.from({ length: 1 + Math.floor(rnd() * 6) }, () => `  y = ${expression(rnd, 1 + Math.floor(rnd() * 6))};`);
  const macro = rnd() < 0.3 ? `#define M(a) ((a) ${pick(rnd, ['+', '*', '##'])} (a))\n` : '';
  return `${macro}int arr[4];\nint f(int a, int b) { return a - b; }\nint main(void) {\n  int x = 1, y = 0;\n${lines.join('\n')}\n  return y & 1;\n}\n`;
}

const INTS = ['-1', '0', '1', '2', '3', '99', '2147483647', '(-2147483647 - 1)'];
const POINTERS = ['NULL', '(void *)1', '(void *)-1', '(void *)8', 'buf', 'buf + 15', '(void *)0x400000', '&x', '(void *)0x7ffffffff000', 'main'];
const SIZES = ['0', '1', '16', '(size_t)-1', '1000000000', '4096'];
const SIGNALS = ['0', '1', '9', '17', '19', '64', '65', '-1', '15'];
const PATHS = ['"f"', '"/tmp/f"', '"d"', '"d/f"', '"/"', '"."', '".."', '""', '"/dev/null"', '"/bin/sh"', '"/nowhere/f"', '"f/"', 'NULL', '(char *)8', '(char *)-1', 'buf', 'long_name'];
const OPEN_FLAGS = ['0', '1', '2', '0101', '0102', '01102', '02101', '0200101', '0300000', '03', '-1', '0100000'];

/** System calls and library functions with argument pools: each a template filled at random. */
const CALLS: ((rnd: () => number) => string)[] = [
  (r) => `write(${pick(r, INTS)}, ${pick(r, POINTERS)}, ${pick(r, SIZES)})`,
  (r) => `read(${pick(r, INTS)}, ${pick(r, POINTERS)}, ${pick(r, SIZES)})`,
  (r) => `close(${pick(r, INTS)})`,
  (r) => `dup(${pick(r, INTS)})`,
  (r) => `dup2(${pick(r, INTS)}, ${pick(r, INTS)})`,
  (r) => `pipe(${pick(r, POINTERS)})`,
  (r) => `kill(${pick(r, ['0', '1', '2', '3', '-1', '99', 'getpid()'])}, ${pick(r, SIGNALS)})`,
  (r) => `waitpid(${pick(r, INTS)}, ${pick(r, POINTERS)}, ${pick(r, ['0', '1', '2', '-1'])})`,
  (r) => `signal(${pick(r, SIGNALS)}, ${pick(r, ['SIG_IGN', 'SIG_DFL', '(void (*)(int))1', '(void (*)(int))-1'])}) == SIG_ERR`,
  (r) => `sigaction(${pick(r, SIGNALS)}, ${pick(r, POINTERS)}, ${pick(r, POINTERS)})`,
  (r) => `execv(${pick(r, POINTERS)}, ${pick(r, POINTERS)})`,
  (r) => `execl(${pick(r, POINTERS)}, ${pick(r, POINTERS)}, NULL)`,
  (r) => `time(${pick(r, POINTERS)})`,
  (r) => `alarm(${pick(r, ['0', '1', '-1'])})`,
  (r) => `strlen(${pick(r, POINTERS)})`,
  (r) => `memcpy(buf, ${pick(r, POINTERS)}, ${pick(r, ['0', '1', '16', '100000'])}) != 0`,
  (r) => `(long)malloc(${pick(r, SIZES)})`,
  (r) => `(long)realloc(${pick(r, POINTERS)}, ${pick(r, SIZES)})`,
  (r) => `(free(${pick(r, ['NULL', 'malloc(8)', '(void *)-16', 'buf'])}), 0)`,
  (r) => `fork() == 0 ? (_exit(${pick(r, INTS)}), 0) : 0`,
  (r) => `printf(${pick(r, ['"%s\\n"', '"%d %d\\n"', '"%n"', '"%*d"'])}, ${pick(r, POINTERS)})`,
  // the file system (open/read/write/lseek/dup2 on files, directories) and the shell
  (r) => `open(${pick(r, PATHS)}, ${pick(r, OPEN_FLAGS)}, ${pick(r, ['0', '0644', '0777', '-1'])})`,
  (r) => `creat(${pick(r, PATHS)}, ${pick(r, ['0', '0644', '-1'])})`,
  (r) => `lseek(${pick(r, INTS)}, ${pick(r, ['0', '-1', '1L << 40', '0x7fffffffffffffffL', '(-0x7fffffffffffffffL - 1)'])}, ${pick(r, ['0', '1', '2', '3', '-1'])})`,
  (r) => `unlink(${pick(r, PATHS)})`,
  (r) => `mkdir(${pick(r, PATHS)}, ${pick(r, ['0', '0755', '-1'])})`,
  (r) => `rmdir(${pick(r, PATHS)})`,
  (r) => `chdir(${pick(r, PATHS)})`,
  (r) => `access(${pick(r, PATHS)}, ${pick(r, ['0', '1', '2', '4', '7', '-1'])})`,
  (r) => `(long)getcwd(${pick(r, POINTERS)}, ${pick(r, SIZES)})`,
  (r) => `stat(${pick(r, PATHS)}, ${pick(r, POINTERS)})`,
  (r) => `fstat(${pick(r, INTS)}, ${pick(r, POINTERS)})`,
  (r) => `fcntl(${pick(r, INTS)}, ${pick(r, ['0', '1', '2', '3', '4', '1030', '-1'])}, ${pick(r, INTS)})`,
  (r) => `(long)opendir(${pick(r, PATHS)})`,
  (r) => `isatty(${pick(r, INTS)})`,
  (r) => `system(${pick(r, ['NULL', '"echo hi | cat"', '"exit 3"', '"cat < nowhere"', '"ls / > f; cat f"', '"echo $HOME $$ $?"', '"(echo a; echo b) | wc -l"', '(char *)8'])})`,
  (r) => `(long)popen(${pick(r, ['"echo hi"', '"cat"', 'NULL', '(char *)8'])}, ${pick(r, ['"r"', '"w"', '"x"', 'NULL'])})`,
  (r) => `setenv(${pick(r, ['"A"', '""', '"A=B"', 'NULL'])}, ${pick(r, ['"1"', 'NULL', '""'])}, ${pick(r, ['0', '1'])})`,
  (r) => `(long)getenv(${pick(r, ['"HOME"', '"PATH"', '""', '"NOPE"'])})`,
];

/** A program that makes a few random calls, each result printed. */
function randomCalls(rnd: () => number): string {
  const calls = Array.from({ length: 1 + Math.floor(rnd() * 5) }, () => `  printf("%ld\\n", (long)(${pick(rnd, CALLS)(rnd)}));`);
  return `#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n#include <unistd.h>\n#include <signal.h>\n#include <time.h>\n#include <sys/wait.h>\n#include <fcntl.h>\n#include <dirent.h>\n#include <sys/stat.h>\nchar buf[16] = "abc";\nchar long_name[5000];\nint x;\nint main(void) {\n  memset(long_name, 'a', sizeof long_name - 1);\n${calls.join('\n')}\n  return 0;\n}\n`;
}

const INTERNAL = /please report|internal error|Maximum call stack|is not a function|Cannot read properties/;

describe(`fuzzing (${FUZZ_ITERATIONS} of each, seed ${SEED})`, () => {
  it('random programs never make the compiler fail inside', { timeout: 300_000 }, () => {
    const rnd = random(SEED);
    for (let n = 0; n < FUZZ_ITERATIONS; n++) {
      const source = randomProgram(rnd);
      let messages: string[];
      try {
        messages = compileProgram(source).diagnostics.map((d) => d.message);
      } catch (e) {
        throw new Error(`program ${n} made the compiler throw ${(e as Error).message}:\n${source}`);
      }
      const bad = messages.find((m) => INTERNAL.test(m));
      expect(bad, `program ${n}:\n${source}`).toBeUndefined();
    }
  });

  it('random arguments to system calls and library functions never make the lab fail inside', { timeout: 300_000 }, () => {
    const rnd = random(SEED + 1);
    for (let n = 0; n < FUZZ_ITERATIONS; n++) {
      const source = randomCalls(rnd);
      let result: ReturnType<typeof runProgram>;
      try {
        result = runProgram({ source, maxSteps: 300_000, maxOutputBytes: 16_384, stdin: 'in\n' });
      } catch (e) {
        throw new Error(`program ${n} made the lab throw ${(e as Error).message}:\n${source}`);
      }
      expect(result.ok, `program ${n} did not compile: ${result.diagnosticsText}\n${source}`).toBe(true);
      expect(result.stopMessage ?? '', `program ${n}:\n${source}`).not.toMatch(INTERNAL);
      expect(['exited', 'step-limit', 'deadlock', 'output-limit'], `program ${n}:\n${source}`).toContain(result.stopReason);
    }
  });
});
