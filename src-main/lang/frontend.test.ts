import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from './diagnostics.ts';
import { preprocess } from './preprocess.ts';
import { parseUnit } from './parser.ts';
import { compile } from './compile.ts';
import { sizeOf, alignOf, findMember, typeToString, commonType, INT, UINT, LONG, ULONG, CHAR, UCHAR, SHORT, FLOAT, DOUBLE, LLONG } from './types.ts';
import type { Sym } from './ast.ts';

function parse(text: string): { globals: Map<string, Sym>; diags: DiagnosticBag } {
  const diags = new DiagnosticBag();
  const tokens = preprocess({ name: 't.c', text }, diags);
  const unit = parseUnit(tokens, 0, 't.c', diags);
  return { globals: new Map(unit.globals.map((g) => [g.name, g])), diags };
}

function typeOf(text: string, name: string) {
  const { globals, diags } = parse(text);
  expect(diags.items.filter((d) => d.severity === 'error')).toEqual([]);
  return globals.get(name)!.type;
}

function errors(text: string): string[] {
  const r = compile({ files: [{ name: 't.c', text }] });
  return r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line}:${d.column}: ${d.message}`);
}

function warnings(text: string): string[] {
  const r = compile({ files: [{ name: 't.c', text }] });
  return r.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.message);
}

describe('layout (gcc x86-64)', () => {
  it('pads struct members to their alignment and the struct to its largest member', () => {
    const t = typeOf('struct s { char c; int i; char d; double x; short h; } v;', 'v');
    expect(sizeOf(t)).toBe(32);
    expect(alignOf(t)).toBe(8);
    expect(findMember(t.record!, 'i')!.offset).toBe(4);
    expect(findMember(t.record!, 'd')!.offset).toBe(8);
    expect(findMember(t.record!, 'x')!.offset).toBe(16);
    expect(findMember(t.record!, 'h')!.offset).toBe(24);
  });

  it('sizes unions, arrays and nested structs', () => {
    expect(sizeOf(typeOf('union u { char c[5]; int i; } v;', 'v'))).toBe(8);
    expect(sizeOf(typeOf('int v[3][4];', 'v'))).toBe(48);
    const t = typeOf('struct in { char a; long b; }; struct out { char c; struct in i; int n[3]; } v;', 'v');
    expect(sizeOf(t)).toBe(40);
    expect(findMember(t.record!, 'n')!.offset).toBe(24);
    expect(sizeOf(typeOf('struct { char a, b, c; } v;', 'v'))).toBe(3);
    expect(sizeOf(typeOf('char *v[4];', 'v'))).toBe(32);
  });

  it('finds members of anonymous structs and unions', () => {
    const t = typeOf('struct s { int tag; union { int i; double d; }; } v;', 'v');
    expect(findMember(t.record!, 'd')!.offset).toBe(8);
    expect(sizeOf(t)).toBe(16);
  });

  it('takes array lengths from initialisers', () => {
    expect(sizeOf(typeOf('int v[] = { 1, 2, 3 };', 'v'))).toBe(12);
    expect(sizeOf(typeOf('char v[] = "hello";', 'v'))).toBe(6);
    expect(sizeOf(typeOf('int v[] = { [9] = 1 };', 'v'))).toBe(40);
  });

  it('writes types as gcc does', () => {
    expect(typeToString(typeOf('int (*v)(int, char **);', 'v'))).toBe('int (*)(int, char **)');
    expect(typeToString(typeOf('const char *v[3];', 'v'))).toBe('const char *[3]');
    expect(typeToString(typeOf('unsigned long v;', 'v'))).toBe('long unsigned int');
    expect(typeToString(typeOf('struct node { struct node *next; } *v;', 'v'))).toBe('struct node *');
  });
});

describe('types of expressions', () => {
  it('applies the usual arithmetic conversions', () => {
    expect(commonType(CHAR, SHORT)).toEqual(INT);
    expect(commonType(INT, UINT)).toEqual(UINT);
    expect(commonType(UINT, LONG)).toEqual(LONG);
    expect(commonType(ULONG, LLONG).unsigned).toBe(true);
    expect(commonType(UCHAR, FLOAT)).toEqual(FLOAT);
    expect(commonType(FLOAT, DOUBLE)).toEqual(DOUBLE);
  });

  it('gives integer constants the type their value and suffix need', () => {
    const size = (e: string): number => sizeOf(typeOf(`__typeof__(${e}) v;`, 'v'));
    const unsigned = (e: string): boolean => !!typeOf(`__typeof__(${e}) v;`, 'v').unsigned;
    expect(size('2147483647')).toBe(4);
    expect(size('2147483648')).toBe(8);
    expect(size('0xffffffff')).toBe(4);
    expect(unsigned('0xffffffff')).toBe(true);
    expect(unsigned('4294967295')).toBe(false);
    expect(size('1L')).toBe(8);
    expect(unsigned('1u')).toBe(true);
    expect(size("'a'")).toBe(4);
    expect(size('sizeof(int)')).toBe(8);
  });

  it('folds constant expressions in array sizes, enums and case labels', () => {
    expect(sizeOf(typeOf('enum { A = 3, B, C = B * 2 }; int v[C + (1 << 2) - sizeof(short)];', 'v'))).toBe(4 * 10);
    expect(sizeOf(typeOf('int v[(unsigned char)300];', 'v'))).toBe(4 * 44);
    expect(sizeOf(typeOf('int v[-1 < 0u ? 1 : 2];', 'v'))).toBe(8);
    expect(sizeOf(typeOf('int v[__builtin_offsetof(struct { char a; int b[4]; }, b[2])];', 'v'))).toBe(48);
  });
});

describe('error recovery and messages', () => {
  it('reports every syntax error of a file in one pass', () => {
    const e = errors('int main(void) {\n  int a = 1\n  int b = ;\n  return a +;\n}\n');
    expect(e).toEqual([
      "2:12: expected ';' before 'int'",
      "3:11: expected expression before ';' token",
      "4:13: expected expression before ';' token",
    ]);
  });

  it('names unsupported C by name', () => {
    const cases: [string, string][] = [
      ['int n = 3; int a[n]; int main(void) { return 0; }', 'variable-length arrays are not supported outside functions'],
      ['int main(void) { int n = 3; static int a[n]; return 0; }', 'variable-length arrays are supported only as local variables of one variable dimension'],
      ['int main(void) { int n = 3; int a[n][n]; return 0; }', 'variable-length arrays are supported only as local variables of one variable dimension'],
      ['int main(void) { int n = 3; int (*p)[n]; return 0; }', "'p' has a variable size inside another type"],
      ['struct s { int a : 3; }; int main(void) { return 0; }', 'bit-fields are not supported in the lab'],
      ['int main(void) { _Complex double z; return 0; }', '_Complex (complex numbers) is not supported in the lab'],
      ['int main(void) { return _Generic(1, int: 0); }', '_Generic selections are not supported in the lab'],
      ['int main(void) { __asm__("nop"); return 0; }', 'inline assembly (asm) is not supported in the lab'],
      ['int f(a) int a; { return a; } int main(void) { return 0; }', 'K&R-style function definitions'],
      ['_Thread_local int x; int main(void) { return 0; }', '_Thread_local (thread-local storage) is not supported in the lab'],
      ['_Atomic int x; int main(void) { return 0; }', '_Atomic types are not supported in the lab'],
    ];
    for (const [src, message] of cases) expect(errors(src).join('\n')).toContain(message);
    expect(errors('int main(void) { int f(void) { return 1; } return f(); }')).toEqual([
      "1:22: nested functions (defining 'f' inside another function) are not supported in the lab; define it at file scope",
    ]);
  });

  it('accepts variadic functions and variable-length arrays, and says what is wrong with them', () => {
    expect(errors('#include <stdarg.h>\nint f(int n, ...) { va_list ap; va_start(ap, n); int x = va_arg(ap, int); va_end(ap); return x; } int main(void) { return f(1, 2); }')).toEqual([]);
    expect(errors('#include <stdarg.h>\nint f(int n) { va_list ap; va_start(ap, n); return 0; } int main(void) { return f(1); }'))
      .toEqual(["2:28: 'va_start' used in function with fixed arguments"]);
    expect(warnings('#include <stdarg.h>\nint f(int n, ...) { va_list ap; va_start(ap, n); char c = va_arg(ap, char); return c; } int main(void) { return f(1, 2); }'))
      .toEqual(["'char' is promoted to 'int' when passed through '...'"]);
    expect(errors('int main(void) { int n = 2; int a[n]; int b[n] = { 1 }; return sizeof a + sizeof b; }')).toEqual(['1:48: variable-sized object may not be initialized']);
    expect(errors('int main(void) { double d = 2; int a[d]; return 0; }')).toEqual(['1:38: size of array has non-integer type']);
  });

  it('names a function of an included header that the lab lacks as unsupported, not as an implicit declaration', () => {
    const r = compile({ files: [{ name: 't.c', text: '#include <unistd.h>\n#include <math.h>\nint main(void) { symlink("f", "g"); return (int)tan(1.0); }' }] });
    expect(r.diagnostics.map((d) => d.message)).toEqual(["'symlink' is not supported in the lab", "'tan' is not supported in the lab"]);
    expect(r.diagnostics[1].hint).toBe("<math.h> declares 'tan' on Linux, but the lab's C library does not provide it");
    const without = compile({ files: [{ name: 't.c', text: 'int main(void) { return (int)tan(1.0); }' }] });
    expect(without.diagnostics.map((d) => [d.message, d.hint])).toEqual([
      ["implicit declaration of function 'tan'", "'tan' is declared in <math.h> on Linux, but the lab does not support it"],
    ]);
    const supported = compile({ files: [{ name: 't.c', text: 'int main(void) { return (int)sqrt(4.0); }' }] });
    expect(supported.diagnostics[0].hint).toBe("'sqrt' is declared in <math.h>; add '#include <math.h>'");
  });

  it('accepts what only looks unsupported: array parameters sized by another parameter', () => {
    expect(errors('int sum(int n, int a[n]) { return a[n - 1]; } int main(void) { int v[2] = { 1, 2 }; return sum(2, v); }')).toEqual([]);
  });

  it('checks assignments, calls and returns like gcc', () => {
    expect(errors('int main(void) { const int k = 1; k++; return 0; }')).toEqual(["1:36: increment of read-only variable 'k'"]);
    expect(errors('int f(int a, int b); int main(void) { return f(1); } int f(int a, int b) { return a; }')[0]).toContain("too few arguments to function 'f'");
    expect(warnings('int main(void) { long *p = 0; int *q = p; return q != 0; }')).toEqual(["initialization of 'int *' from incompatible pointer type 'long int *'"]);
    expect(warnings('int main(void) { int *p = 0; int n = p; return n; }')).toEqual(["initialization of 'int' from 'int *' makes integer from pointer without a cast"]);
    expect(warnings('void f(void) { return 1; } int main(void) { f(); return 0; }')).toEqual(["'return' with a value, in function returning void"]);
    expect(warnings('char *s(void) { const char *c = "x"; return c; } int main(void) { return 0; }')).toEqual(["return discards 'const' qualifier from pointer target type"]);
  });

  it('reports undeclared names once per function, with the header that declares them', () => {
    const r = compile({ files: [{ name: 't.c', text: 'int main(void) { int p = fork(); p = fork(); return x + x; }' }] });
    const msgs = r.diagnostics.map((d) => d.message);
    expect(msgs).toEqual(["implicit declaration of function 'fork'", "'x' undeclared (first use in this function)"]);
    expect(r.diagnostics[0].hint).toBe("'fork' is declared in <unistd.h>; add '#include <unistd.h>'");
  });

  it('reports link errors: a missing main and an undefined function', () => {
    expect(errors('int f(void) { return 1; }')).toEqual(["1:1: undefined reference to `main'"]);
    expect(errors('int g(void);\nint main(void) { return g(); }')).toEqual(["2:25: undefined reference to `g'"]);
    expect(errors('int f(void) { return 1; }\nint f(void) { return 2; }\nint main(void) { return f(); }')).toEqual(["2:5: redefinition of 'f'"]);
  });

  it('never throws on garbage', () => {
    const r = compile({ files: [{ name: 't.c', text: '}}} int ( ( [ ; struct { = ; main ) "x' }] });
    expect(r.ok).toBe(false);
    expect(r.diagnostics.length).toBeGreaterThan(0);
  });
});
