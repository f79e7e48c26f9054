/**
 * The library calls gcc -O0 folds or rewrites, as the lab's compiler must: each case below was
 * compiled with `gcc -O0 -std=gnu11 -S` (gcc 12.2, Debian, x86-64) and the calls read from the
 * assembly (the `call` lines of one function), or the constant it loads instead.
 */
import { describe, expect, it } from 'vitest';
import { compile } from './compile.ts';
import { CRT } from '../vm/libc/crt.ts';
import { BUILTIN_NAMES } from './builtins.ts';
import { Op, OPERANDS } from './isa.ts';
import { runProgram } from '../vm/run.ts';
import type { ProgramImage } from './image.ts';

const HEAD = '#include <stdio.h>\n#include <string.h>\n';

/** The library functions function `name` calls, in code order. */
function libraryCalls(image: ProgramImage, name: string): string[] {
  const fn = image.functions.find((f) => f.name === name)!;
  const out: string[] = [];
  for (let pc = fn.entryPc; pc < fn.endPc; pc += 1 + (OPERANDS[image.code[pc]] ?? 0)) {
    if (image.code[pc] === Op.CALL_BUILTIN) out.push(BUILTIN_NAMES[image.code[pc + 1]]);
  }
  return out;
}

/** Function bodies (one function f each) and the calls gcc -O0 made of them. */
const REWRITES: [string, string[]][] = [
  ['void f(const char *s) { printf("%s\\n", s); }', ['puts']],
  ['void f(void) { printf("x\\n"); }', ['puts']],
  ['void f(int c) { printf("%c", c); }', ['putchar']],
  ['void f(char c) { printf("%c", c); }', ['putchar']],
  ['void f(void) { printf("c"); }', ['putchar']],
  ['void f(void) { printf(""); }', []],
  ['void f(void) { printf("\\0abc\\n"); }', []],
  ['void f(void) { printf("a\\0b"); }', ['putchar']],
  ['void f(void) { printf("hello"); }', ['printf']],
  ['void f(const char *s) { printf("%s", s); }', ['printf']],
  ['void f(void) { printf("\\n"); }', ['putchar']],
  ['void f(void) { printf("%%\\n"); }', ['printf']],
  ['void f(void) { printf("%s\\n", "abc"); }', ['puts']],
  ['void f(void) { printf("%s", "abc"); }', ['printf']],
  ['void f(void) { printf("%s", "a"); }', ['putchar']],
  ['void f(void) { printf("%s", ""); }', []],
  ['void f(void) { printf("%s", "abc\\n"); }', ['puts']],
  ['int f(void) { return printf("x\\n"); }', ['printf']],
  ['int f(const char *s) { return printf("%s\\n", s); }', ['printf']],
  ['void f(void) { int r = printf("c"); (void)r; }', ['printf']],
  ['void f(void) { (void)printf("x\\n"); }', ['puts']],
  ['void f(void) { printf("%c\\n", \'a\'); }', ['printf']],
  ['void f(long c) { printf("%c", c); }', ['printf']],
  ['void f(unsigned c) { printf("%c", c); }', ['printf']],
  ['void f(const char *s) { printf("%s and\\n", s); }', ['printf']],
  ['void f(void) { printf("x\\n", 5); }', ['printf']],
  ['void f(void) { printf("%s\\n"); }', ['printf']],
  ['void f(const char *s) { printf("%5s\\n", s); }', ['printf']],
  ['void f(void) { printf("abc\\n" + 1); }', ['printf']],
  ['void f(const char *s) { printf("%s\\n", s + 1); }', ['puts']],
  ['void f(int x) { x ? printf("a\\n") : printf("b\\n"); }', ['printf', 'printf']],
  ['void f(int x) { x ? (void)printf("a\\n") : (void)printf("b\\n"); }', ['puts', 'puts']],
  ['void f(int x) { x && printf("a\\n"); }', ['printf']],
  ['void f(int x) { printf("a\\n"), x++; }', ['puts']],
  ['void f(int x) { x++, printf("a\\n"); }', ['puts']],
  ['void f(void) { for (int i = 0; i < 2; printf("s\\n")) i++; }', ['puts']],
  ['void f(void) { (long)printf("x\\n"); }', ['puts']],
  ['void f(int x) { if (x) printf("a\\n"); else printf("b\\n"); }', ['puts', 'puts']],
  ['void f(int x) { do printf("x\\n"); while (x--); }', ['puts']],
  ['void f(int x) { switch (x) { case 1: printf("one\\n"); } }', ['puts']],
  ['void f(int x) { if (printf("x\\n")) x++; }', ['printf']],
  ['void f(int x) { x ? (void)0 : (void)printf("b\\n"); }', ['puts']],
  ['void f(int x) { x || (printf("a\\n"), 0); }', ['puts']],
  ['void f(void) { fprintf(stderr, "x\\n"); }', ['fwrite']],
  ['void f(void) { fprintf(stderr, "x"); }', ['fputc']],
  ['void f(const char *s) { fprintf(stdout, "%s", s); }', ['fputs']],
  ['void f(int c) { fprintf(stderr, "%c", c); }', ['fputc']],
  ['void f(const char *s) { fprintf(stderr, "%s\\n", s); }', ['fprintf']],
  ['void f(void) { fprintf(stderr, "%s", "abc"); }', ['fwrite']],
  ['void f(void) { fprintf(stderr, "%s", ""); }', []],
  ['void f(void) { fprintf(stderr, "%%"); }', ['fprintf']],
  ['void f(void) { fputs("abc", stdout); }', ['fwrite']],
  ['void f(void) { fputs("a", stdout); }', ['fputc']],
  ['void f(void) { fputs("", stdout); }', []],
  ['int f(void) { return fputs("abc", stdout); }', ['fputs']],
  ['void f(char *buf, const char *s) { sprintf(buf, "%s", s); }', ['sprintf']],
  ['void f(void) { puts(""); }', ['puts']],
];

/** Expressions and the constant gcc -O0 computed for them (or `call` when it called the function). */
const FOLDS: [string, number | 'call'][] = [
  ['strcmp("a", "e")', -1],
  ['strcmp("e", "a")', 1],
  ['strcmp("abc", "abc")', 0],
  ['strcmp("ab", "abc")', -1],
  ['strcmp("abcd", "abc")', 1],
  ['strcmp("\\xff", "a")', 1],
  ['strcmp("abc" + 1, "bc")', 0],
  ['strcmp((char *)"a", "e")', -1],
  ['strcmp(v, "a")', 'call'],
  ['memcmp("abc", "abd", 3)', -1],
  ['memcmp("abz", "abd", 3)', 1],
  ['memcmp("abc", "abd", 2)', 0],
  ['memcmp("ab", "abd", 3)', -1],
  ['memcmp("ab", "ax", 0)', 0],
  ['strncmp("a", "e", 1)', -4],
  ['strncmp("abc", "abcd", 10)', -100],
  ['strncmp("\\xff", "a", 1)', 158],
  ['strncmp("abz", "abd", 5)', 22],
  ['strncmp("ab", "ax", 0)', 0],
  ['strncmp("ab", "ax", n)', 'call'],
  ['strncmp(v, v, 0)', 0],
  ['strncmp(v + n++, v, 0)', 0],
  ['(int)strlen("hello")', 5],
  ['(int)strlen("abc" "de")', 5],
];

describe('library calls compile as gcc -O0 compiles them', () => {
  for (const [body, calls] of REWRITES) {
    it(body, () => {
      const r = compile({ files: [{ name: 'prog.c', text: `${HEAD}${body}\nint main(void) { return 0; }\n` }], runtime: [CRT] });
      expect(r.image, JSON.stringify(r.diagnostics)).not.toBeNull();
      expect(libraryCalls(r.image!, 'f')).toEqual(calls);
    });
  }

  it('computes strcmp, strncmp, memcmp and strlen of literals as gcc does, and calls them otherwise', () => {
    const lines = FOLDS.map(([e]) => `    printf("%d\\n", ${e});`).join('\n');
    const source = `${HEAD}int main(void) {\n    char v[] = "e";\n    int n = 2;\n${lines}\n    return 0;\n}\n`;
    const r = runProgram({ source, args: [] });
    expect(r.diagnosticsText).not.toMatch(/error/);
    const got = r.stdout.trim().split('\n').map(Number);
    FOLDS.forEach(([e, want], i) => {
      if (want !== 'call') expect(got[i], e).toBe(want);
    });
    // the library's own results, where gcc calls it: the byte difference, as glibc
    expect(got[FOLDS.findIndex(([e]) => e === 'strcmp(v, "a")')]).toBe(4);
    expect(got[FOLDS.findIndex(([e]) => e === 'strncmp("ab", "ax", n)')]).toBe(-22);
    const main = compile({ files: [{ name: 'prog.c', text: source }], runtime: [CRT] }).image!;
    const called = libraryCalls(main, 'main').filter((c) => c !== 'printf');
    // the last strncmp: gcc gives 0 after evaluating v + n++; the lab keeps that call (which gives 0)
    expect(called).toEqual(['strcmp', 'strncmp', 'strncmp']);
  });

  it('keeps the line of the call the student wrote on what replaces it', () => {
    const source = `${HEAD}int main(void) {\n    const char *s = NULL;\n    printf("%s and\\n", s);\n    printf("%s\\n", s);\n    return 0;\n}\n`;
    const r = runProgram({ source, args: [] });
    expect(r.stdout).toBe('(null) and\n');
    expect(r.exit).toEqual({ code: 139, signal: 'SIGSEGV' });
    expect(r.stopMessage).toMatch(/SIGSEGV .* line 6$/);
    const image = compile({ files: [{ name: 'prog.c', text: source }], runtime: [CRT] }).image!;
    expect(image.callsAsWritten?.map((c) => ({ name: c.name, compiledAs: c.compiledAs }))).toContainEqual({ name: 'printf', compiledAs: 'puts' });
  });

  it('calls the program\'s own puts when it defines one, as gcc\'s rewritten call does', () => {
    const source = `${HEAD}int puts(const char *s) { return printf("[%s]\\n", s); }\nint main(void) {\n    printf("hi\\n");\n    return 0;\n}\n`;
    expect(runProgram({ source, args: [] }).stdout).toBe('[hi]\n');
  });
});
