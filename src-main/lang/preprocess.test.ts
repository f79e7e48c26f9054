import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from './diagnostics.ts';
import { preprocess, type PreprocessOptions } from './preprocess.ts';
import type { Token } from './token.ts';

function run(text: string, options?: PreprocessOptions): { toks: Token[]; diags: DiagnosticBag; out: string } {
  const diags = new DiagnosticBag();
  const toks = preprocess({ name: 'prog.c', text }, diags, options);
  return { toks, diags, out: toks.filter((t) => t.kind !== 'eof').map((t) => t.text).join(' ') };
}

const out = (text: string, options?: PreprocessOptions): string => run(text, options).out;
const messages = (text: string): string[] => run(text).diags.items.map((d) => `${d.line}:${d.column}: ${d.severity}: ${d.message}`);

describe('object-like and function-like macros', () => {
  it('passes plain code through and ends with one eof token', () => {
    const { toks } = run('int main(void) { return 0; }\n');
    expect(toks.map((t) => t.kind).filter((k) => k === 'eof')).toHaveLength(1);
    expect(toks[toks.length - 1]).toMatchObject({ kind: 'eof', file: 'prog.c', line: 1 });
    expect(toks.map((t) => t.kind).slice(0, 4)).toEqual(['ident', 'ident', 'punct', 'ident']);
  });

  it('expands object-like macros, nested, and rescans', () => {
    expect(out('#define N 10\n#define M (N * 2)\nint a[M];')).toBe('int a [ ( 10 * 2 ) ] ;');
    expect(out('#define EMPTY\nEMPTY x EMPTY')).toBe('x');
  });

  it('expands function-like macros with nested and parenthesised arguments', () => {
    expect(out('#define MAX(a, b) ((a) > (b) ? (a) : (b))\nMAX(f(1, 2), 3)')).toBe('( ( f ( 1 , 2 ) ) > ( 3 ) ? ( f ( 1 , 2 ) ) : ( 3 ) )');
    expect(out('#define F(x, y) x + y\nF(F(1,2),F(3,4))')).toBe('1 + 2 + 3 + 4');
    expect(out('#define F() 1\nF() F')).toBe('1 F');
    expect(out('#define F(x) [x]\nF(\n  a\n)')).toBe('[ a ]');
  });

  it('does not expand a function-like macro name without arguments', () => {
    expect(out('#define f(x) x\nint (*p)(int) = f; f (2)')).toBe('int ( * p ) ( int ) = f ; 2');
  });

  it('stops recursion: a macro is not expanded inside its own expansion', () => {
    expect(out('#define foo foo + 1\nfoo')).toBe('foo + 1');
    expect(out('#define A 1 + B\n#define B A\nA B')).toBe('1 + A 1 + B');
    expect(out('#define f(a) a*g\n#define g(a) f(a)\nf(2)(9)')).toBe('2 * 9 * g');
  });

  it('stringizes with # and pastes with ##', () => {
    expect(out('#define S(x) #x\nS(a  +  "q\\n"  \'c\')')).toBe('"a + \\"q\\\\n\\" \'c\'"');
    expect(out('#define S(x) #x\n#define X(x) S(x)\n#define V 42\nS(V) X(V)')).toBe('"V" "42"');
    expect(out('#define CAT(a, b) a ## b\nCAT(x, 1) CAT(, y) CAT(z,) CAT(<, <=)')).toBe('x1 y z <<=');
    expect(out('#define hash_hash # ## #\n#define mkstr(a) # a\n#define in_between(a) mkstr(a)\n#define join(c, d) in_between(c hash_hash d)\njoin(x, y)'))
      .toBe('"x ## y"');
  });

  it('reports pasting that gives no valid token', () => {
    expect(messages('#define CAT(a, b) a ## b\nCAT(+, /)')).toEqual(['2:1: error: pasting "+" and "/" does not give a valid preprocessing token']);
  });

  it('handles variadic macros and the GNU comma swallowing', () => {
    expect(out('#define P(fmt, ...) printf(fmt, __VA_ARGS__)\nP("%d %d", 1, 2)')).toBe('printf ( "%d %d" , 1 , 2 )');
    expect(out('#define D(fmt, ...) f(fmt, ##__VA_ARGS__)\nD("a") D("b", 1)')).toBe('f ( "a" ) f ( "b" , 1 )');
    expect(out('#define E(...) #__VA_ARGS__\nE(a, b,c)')).toBe('"a, b,c"');
    expect(out('#define N(args...) g(args)\nN(1, 2)')).toBe('g ( 1 , 2 )');
  });

  it('reports wrong argument counts and unterminated calls', () => {
    expect(messages('#define F(a, b) a\nF(1)')).toEqual(['2:1: error: macro "F" requires 2 arguments, but only 1 given']);
    expect(messages('#define F(a) a\nF(1, 2)')).toEqual(['2:1: error: macro "F" passed 2 arguments, but takes just 1']);
    expect(messages('#define F(a) a\nint x = F(1;\n')).toEqual(['2:9: error: unterminated argument list invoking macro "F"']);
  });

  it('reports malformed definitions', () => {
    expect(messages('#define\n#define 3 x\n#define defined 1')).toEqual([
      '1:2: error: no macro name given in #define directive',
      '2:9: error: macro names must be identifiers',
      '3:9: error: "defined" cannot be used as a macro name',
    ]);
    expect(messages('#define F(x) #y\n#define G(x) ## x\n#define H(x, x) x')).toEqual([
      "1:14: error: '#' is not followed by a macro parameter",
      "2:14: error: '##' cannot appear at either end of a macro expansion",
      '3:14: error: duplicate macro parameter "x"',
    ]);
  });

  it('warns when a macro is redefined differently, not when identically', () => {
    expect(messages('#define A 1\n#define A 1\n#define A 2')).toEqual(['3:9: warning: "A" redefined']);
  });

  it('forgets a macro after #undef', () => {
    expect(out('#define A 1\nA\n#undef A\nA')).toBe('1 A');
  });
});

describe('predefined macros', () => {
  it('defines the gcc/Linux x86-64 macros', () => {
    expect(out('__STDC__ __STDC_VERSION__ __x86_64__ __linux__ __unix__ __LP64__ __GNUC__ __CHAR_BIT__ __SIZEOF_INT__ __SIZEOF_LONG__ __SIZEOF_POINTER__'))
      .toBe('1 201112L 1 1 1 1 12 8 4 8 8');
    expect(run('__DATE__ __TIME__').toks.slice(0, 2).map((t) => t.kind)).toEqual(['string', 'string']);
  });

  it('gives __LINE__ and __FILE__ of the use, also inside a macro', () => {
    expect(out('a __LINE__\n\nb __LINE__ __FILE__')).toBe('a 1 b 3 "prog.c"');
    expect(out('#define WHERE __LINE__\nint x;\n  WHERE')).toBe('int x ; 3');
  });

  it('accepts -D macros and the feature-test macros', () => {
    expect(out('#ifdef DEBUG\nLEVEL\n#endif', { predefined: { DEBUG: '1', LEVEL: '3' } })).toBe('3');
    expect(messages('#define _GNU_SOURCE\n#define _DEFAULT_SOURCE\n#define _POSIX_C_SOURCE 200809L\n#include <unistd.h>')).toEqual([]);
  });
});

describe('conditionals', () => {
  it('selects groups with #if, #elif, #else, #ifdef, #ifndef', () => {
    const src = '#define A 2\n#if A == 1\none\n#elif A == 2\ntwo\n#else\nother\n#endif\n#ifdef A\nyes\n#endif\n#ifndef A\nno\n#endif';
    expect(out(src)).toBe('two yes');
    expect(out('#if 0\na\n#elif 0\nb\n#else\nc\n#endif')).toBe('c');
    expect(out('#if 1\na\n#elif 1/0\nb\n#endif')).toBe('a');
  });

  it('evaluates defined, arithmetic and the C operators in #if', () => {
    const truths = [
      'defined A', 'defined(A) && !defined B', '1 + 2 * 3 == 7', '(1 << 4) == 16', '-1 < 0', '-1 > 0u',
      '0x10 == 16 && 010 == 8 && 0b11 == 3', "'a' == 97 && '\\n' == 10", '5 / 2 == 2 && 5 % 2 == 1',
      '(1 ? 2 : 3) == 2', '~0 == -1', '(3 & 5) == 1 && (3 | 5) == 7 && (3 ^ 5) == 6', 'UNKNOWN == 0',
      '1 || 1/0', '!(0 && 1/0)', '18446744073709551615 == -1', '(2, 3) == 3', '!0 >= 1 && 2 <= 3 && 2 != 3',
      '-9223372036854775807 - 1 < 0', '0x7fffffffffffffff + 1 < 0',
    ];
    for (const e of truths) expect(out(`#define A\n#if ${e}\nyes\n#else\nno\n#endif`), e).toBe('yes');
  });

  it('reports bad #if expressions and counts them false', () => {
    expect(messages('#if\n#endif')).toEqual(['1:2: error: #if with no expression']);
    expect(messages('#if 1 / 0\n#endif')).toEqual(['1:7: error: division by zero in #if']);
    expect(messages('#if 1 2\n#endif')).toEqual(['1:7: error: missing binary operator before token "2"']);
    expect(messages('#if (1\n#endif')).toEqual(["1:5: error: missing ')' in expression"]);
    expect(messages('#if 1.5\n#endif')).toEqual(['1:5: error: floating constant in preprocessor expression']);
    expect(out('#if 1 +\nyes\n#endif')).toBe('');
  });

  it('reports unbalanced conditionals naming the unterminated #if', () => {
    expect(messages('int a;\n#ifdef X\nint b;\n')).toEqual(['2:2: error: unterminated #ifdef']);
    const d = run('#if 1\n#if 0\n#endif\n').diags.items[0];
    expect(d).toMatchObject({ line: 1, message: 'unterminated #if' });
    expect(d.hint).toContain('line 1');
    expect(messages('#endif\n#else\n#elif 1')).toEqual(['1:2: error: #endif without #if', '2:2: error: #else without #if', '3:2: error: #elif without #if']);
    expect(messages('#if 1\n#else\n#else\n#endif')).toEqual(['3:2: error: #else after #else']);
  });

  it('ignores everything in skipped groups, except nesting', () => {
    expect(messages("#if 0\n#error no\n#include <nope.h>\ndon't @ 08\n#if 1\n#else\n#endif\n#foo\n#endif")).toEqual([]);
  });
});

describe('other directives', () => {
  it('#error reports its text, #warning warns', () => {
    expect(messages('#error this is  "bad"\n#warning careful')).toEqual(['1:2: error: #error this is "bad"', '2:2: warning: #warning careful']);
  });

  it('ignores #pragma, #line, #ident and the null directive', () => {
    expect(run('#pragma GCC poison x\n#line 10\n#\n#ident "x"\nint y;').diags.items).toEqual([]);
    expect(out('#pragma once\nint y;')).toBe('int y ;');
  });

  it('carries out directives inside the arguments of a macro call, as gcc does', () => {
    const src = '#define F(a, b) a + b\nF(1,\n#ifdef X\n  2\n#else\n  3\n#endif\n)';
    expect(out(src)).toBe('1 + 3');
    expect(out('#define X\n' + src)).toBe('1 + 2');
  });

  it('drops _Pragma operators, also from macros', () => {
    expect(out('#define NOWARN _Pragma("GCC diagnostic ignored \\"-Wall\\"") x\nNOWARN _Pragma("once") y')).toBe('x y');
  });

  it('reports unknown directives', () => {
    expect(messages('#inclde <stdio.h>')).toEqual(['1:2: error: invalid preprocessing directive #inclde']);
  });
});

describe('#include', () => {
  it('includes a lab header; an include guard makes the second one empty', () => {
    const once = run('#include <stdio.h>\n').toks.length;
    const twice = run('#include <stdio.h>\n#include <stdio.h>\n').toks.length;
    expect(once).toBeGreaterThan(50);
    expect(twice).toBe(once);
  });

  it('gives header tokens the header name as file', () => {
    const { toks } = run('#include <stdio.h>\nint x;');
    expect(toks[0].file).toBe('<stdio.h>');
    const printf = toks.find((t) => t.text === 'printf')!;
    expect(printf.file).toBe('<stdio.h>');
    expect(printf.line).toBeGreaterThan(1);
    expect(toks[toks.length - 2]).toMatchObject({ text: ';', file: 'prog.c', line: 2 });
  });

  it('reports an unknown header like gcc, with a hint listing the lab headers', () => {
    const { diags } = run('#include <stdoi.h>\n#include <complex.h>');
    expect(diags.items).toHaveLength(2);
    expect(diags.items[0]).toMatchObject({ severity: 'error', line: 1, column: 10, message: 'stdoi.h: No such file or directory' });
    expect(diags.items[0].hint).toMatch(/^did you mean <stdio\.h>\? the lab provides .*<unistd\.h>/);
    expect(diags.items[1].message).toBe('complex.h: No such file or directory');
    expect(diags.items[1].hint).toMatch(/^the lab provides <assert\.h> <ctype\.h>/);
  });

  it('rejects user headers but accepts lab headers written with quotes', () => {
    expect(messages('#include "util.h"')).toEqual(['1:10: error: cannot include "util.h": the lab compiles single files; put the code in this file']);
    expect(messages('#include "stdio.h"')).toEqual([]);
    expect(messages('#include stdio.h')).toEqual(['1:2: error: #include expects "FILENAME" or <FILENAME>']);
  });

  it('includes through a macro', () => {
    expect(messages('#define H <unistd.h>\n#include H\n')).toEqual([]);
  });
});

describe('positions', () => {
  it('gives each token the file, line and column where it was written', () => {
    const { toks } = run('int\n  main ( void )');
    expect(toks.map((t) => [t.text, t.line, t.column])).toEqual([['int', 1, 1], ['main', 2, 3], ['(', 2, 8], ['void', 2, 10], [')', 2, 15], ['', 2, 16]]);
    expect(toks.every((t) => t.file === 'prog.c' && t.expandedFrom === undefined)).toBe(true);
  });

  it('marks tokens from a macro with expandedFrom, and keeps argument tokens where written', () => {
    const { toks } = run('#define TWICE(x) ((x) * 2)\nint y =\n    TWICE(z);');
    const star = toks.find((t) => t.text === '*')!;
    expect(star).toMatchObject({ file: 'prog.c', line: 1, column: 23, expandedFrom: { file: 'prog.c', line: 3, column: 5, macro: 'TWICE' } });
    const z = toks.find((t) => t.text === 'z')!;
    expect(z).toMatchObject({ line: 3, column: 11 });
    expect(z.expandedFrom).toBeUndefined();
  });

  it('points nested expansions at the outermost use', () => {
    const { toks } = run('#define ONE 1\n#define TWO (ONE + ONE)\nTWO');
    expect(toks.filter((t) => t.text === '1').map((t) => t.expandedFrom)).toEqual([
      { file: 'prog.c', line: 3, column: 1, macro: 'TWO' }, { file: 'prog.c', line: 3, column: 1, macro: 'TWO' },
    ]);
  });

  it('reports lexical errors where the token is used, then carries on', () => {
    const { toks, diags } = run('int a = 08;\nint b @ = 1;\nchar *s = "abc;\nint c;');
    expect(diags.items.map((d) => `${d.line}:${d.column}: ${d.message}`)).toEqual([
      '1:9: invalid digit "8" in octal constant', "2:7: stray '@' in program", '3:11: missing terminating " character',
    ]);
    expect(toks.map((t) => t.text).join(' ')).toBe('int a = 0 ; int b = 1 ; char * s = "" int c ; ');
  });
});
