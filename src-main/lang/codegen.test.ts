import { describe, expect, it } from 'vitest';
import { runProgram, runImage } from '../vm/run.ts';
import { CRT } from '../vm/libc/crt.ts';
import { compile } from './compile.ts';
import { disassembleFunction } from './disasm.ts';

/** Programs and their output recorded with gcc -O0 on x86-64 Linux. */
const FEATURES = "#include <stdio.h>\n#include <string.h>\n#include <stdlib.h>\nstruct pt { int x, y; double w; };\nstruct pt mk(int x, int y) { struct pt p = { x, y, x * 1.5 }; return p; }\nstruct pt addp(struct pt a, struct pt b) { a.x += b.x; a.y += b.y; return a; }\ntypedef int (*binop)(int, int);\nstatic int add(int a, int b) { return a + b; }\nstatic int mul(int a, int b) { return a * b; }\nbinop ops[] = { add, mul };\nconst char *names[] = { \"add\", \"mul\" };\nint grid[3][4] = { [1] = { 1, 2 }, [2][3] = 9 };\nstruct { char tag; short s; long l; } mixed = { 'a', -2, 1L << 40 };\nchar greet[] = \"hello\";\nint counter(void) { static int n = 10; return n++; }\nunion u { int i; float f; unsigned char b[4]; };\nint main(int argc, char **argv) {\n    struct pt a = mk(1, 2), b = mk(3, 4);\n    struct pt c = addp(a, b);\n    printf(\"%d %d %.2f\\n\", c.x, c.y, c.w);\n    for (int i = 0; i < 2; i++) printf(\"%s=%d \", names[i], ops[i](6, 7));\n    printf(\"\\n\");\n    for (int i = 0; i < 3; i++) { for (int j = 0; j < 4; j++) printf(\"%d\", grid[i][j]); printf(\"|\"); }\n    printf(\"\\n%c %d %ld %zu\\n\", mixed.tag, mixed.s, mixed.l, sizeof mixed);\n    greet[0] = 'j'; printf(\"%s %zu\\n\", greet, sizeof greet);\n    counter(); counter(); printf(\"%d\\n\", counter());\n    union u x; x.f = 1.0f; printf(\"%08x %d\\n\", x.i, x.b[3]);\n    unsigned char uc = 250; uc += 10; printf(\"%d\\n\", uc);\n    char ch = 127; ch++; printf(\"%d\\n\", ch);\n    float f = 0.1f; f *= 3; printf(\"%.10f\\n\", f);\n    double d = 1e300; d *= 1e10; printf(\"%f\\n\", d);\n    int arr[5] = {5, 3, 1, 4, 2}; int *p = arr; int *q = &arr[4];\n    printf(\"%ld %d %d\\n\", q - p, *(p + 2), p[3]);\n    long big = 0x7fffffffffffffffL; big++; printf(\"%ld\\n\", big);\n    unsigned u = 0; u--; printf(\"%u %d\\n\", u, u > 0);\n    int neg = -7; printf(\"%d %d %u\\n\", neg / 2, neg % 3, (unsigned)neg >> 28);\n    char buf[32]; sprintf(buf, \"%s-%d\", \"x\", 42); printf(\"%s %zu\\n\", buf, strlen(buf));\n    int *h = malloc(10 * sizeof *h); for (int i = 0; i < 10; i++) h[i] = i * i; printf(\"%d\\n\", h[9]); free(h);\n    struct pt *pp = &c; pp->x = 100; printf(\"%d\\n\", c.x);\n    int k = 0; k = k++ + ++k; printf(\"%d\\n\", k);\n    printf(\"%d %d\\n\", argc, argv[0] != NULL);\n    _Bool bb = 5; printf(\"%d\\n\", bb);\n    int w = 3; w <<= 2; w |= 1; w ^= 0xff; printf(\"%d\\n\", w);\n    short sh = -1; unsigned short us = sh; printf(\"%d %d\\n\", sh, us);\n    double dd = 3.99; int di = (int)dd; printf(\"%d %d\\n\", di, (int)-dd);\n    switch (w) { case 242: printf(\"242\\n\"); default: printf(\"def\\n\"); break; case 1: printf(\"one\\n\"); }\n    struct pt z = {0}; z = (struct pt){ .y = 5 }; printf(\"%d %d\\n\", z.x, z.y);\n    printf(\"%s\\n\", __func__);\n    return 0;\n}\n";
const FEATURES_OUT = "4 6 1.50\nadd=13 mul=42 \n0000|1200|0009|\na -2 1099511627776 16\njello 6\n12\n3f800000 63\n4\n-128\n0.3000000119\ninf\n4 1 4\n-9223372036854775808\n4294967295 1\n-3 -1 15\nx-42 4\n81\n100\n2\n1 1\n1\n242\n-1 65535\n3 -3\n242\ndef\n0 5\nmain\n";
const DATA_STRUCTURES = "#include <stdio.h>\n#include <string.h>\n#include <stdlib.h>\nstruct node { int v; struct node *next; };\nstruct node *push(struct node *h, int v) { struct node *n = malloc(sizeof *n); n->v = v; n->next = h; return n; }\nint cmp(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }\nlong fact(int n) { return n <= 1 ? 1 : n * fact(n - 1); }\nstatic int depth;\nvoid rec(int n) { if (n > 0) { depth++; rec(n - 1); } }\ntypedef struct { double re, im; } cplx;\ncplx cmul(cplx a, cplx b) { cplx r = { a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re }; return r; }\nint main(void) {\n    struct node *h = 0;\n    for (int i = 0; i < 5; i++) h = push(h, i * 10);\n    for (struct node *p = h; p; p = p->next) printf(\"%d \", p->v);\n    printf(\"\\n\");\n    int a[] = { 9, 3, 7, 1, 5 };\n    qsort(a, 5, sizeof a[0], cmp);\n    for (unsigned i = 0; i < sizeof a / sizeof *a; i++) printf(\"%d,\", a[i]);\n    printf(\"\\n%ld\\n\", fact(20));\n    rec(100); printf(\"%d\\n\", depth);\n    cplx x = { 1, 2 }, y = { 3, -1 };\n    cplx z = cmul(x, y); printf(\"%.1f %.1f\\n\", z.re, z.im);\n    char s[20] = \"abc\"; strcat(s, \"def\"); printf(\"%s %d\\n\", s, (int)strlen(s));\n    char *t = s; while (*t) { *t = *t - 32; t++; } printf(\"%s\\n\", s);\n    int m[2][3] = { {1, 2, 3}, {4, 5, 6} }; int (*row)[3] = m; printf(\"%d %d\\n\", row[1][2], *(*(m + 1) + 1));\n    int i = 0, total = 0;\n    do { if (i % 2) continue; total += i; } while (++i < 10);\n    printf(\"%d\\n\", total);\n    int x1 = 5, *px = &x1, **ppx = &px; **ppx = 8; printf(\"%d\\n\", x1);\n    unsigned long long big = 18446744073709551615ULL; printf(\"%llu %llx\\n\", big, big / 3);\n    printf(\"%d %d %d\\n\", 7 / -2, -7 % 2, (-8) >> 1);\n    printf(\"%g %g\\n\", 1.0 / 3, (float)(1.0 / 3));\n    int c = 0; for (;;) { if (++c == 3) break; } printf(\"%d\\n\", c);\n    i = 3; label: if (i-- > 0) goto label; printf(\"%d\\n\", i);\n    int arr2[4] = {0}; int *q = arr2; *q++ = 1; *q++ = 2; printf(\"%d %d %d\\n\", arr2[0], arr2[1], (int)(q - arr2));\n    printf(\"%d\\n\", (int)sizeof(struct node));\n    return 3;\n}\n";
const DATA_STRUCTURES_OUT = "40 30 20 10 0 \n1,3,5,7,9,\n2432902008176640000\n100\n5.0 5.0\nabcdef 6\nABCDEF\n6 5\n20\n8\n18446744073709551615 5555555555555555\n-3 -1 -4\n0.333333 0.333333\n3\n-1\n1 2 2\n16\n";

const CONVERSIONS = "#include <stdio.h>\nint main(void) {\n    signed char sc = -1; unsigned char uc = sc; short s = 40000; unsigned short us = -2;\n    int i = -123456789; unsigned u = i; long l = i; unsigned long ul = i; long long ll = 1LL << 62;\n    float f = 3.75f; double d = -2.5e9;\n    printf(\"%d %d %d %d\\n\", sc, uc, s, us);\n    printf(\"%d %u %ld %lu %lld\\n\", i, u, l, ul, ll);\n    printf(\"%d %d %u %ld\\n\", (int)f, (int)-f, (unsigned)f, (long)d);\n    printf(\"%d %d\\n\", (char)300, (unsigned char)-3);\n    printf(\"%d %d\\n\", (short)70000, (unsigned short)70000);\n    printf(\"%.1f %.1f %.1f\\n\", (float)i, (double)u, (double)ul);\n    printf(\"%f %f\\n\", (float)ll, (double)(unsigned long)-1);\n    printf(\"%d %d %d\\n\", (_Bool)0.5, (_Bool)-3, (_Bool)(void *)&i);\n    printf(\"%ld %d\\n\", (long)(int)0x80000000u, (int)(long)0x1234567890L);\n    printf(\"%u %lu\\n\", (unsigned)(unsigned char)255 * 2, (unsigned long)u * 2);\n    char c = 'A'; c += 200; printf(\"%d\\n\", c);\n    unsigned char b = 10; b -= 20; printf(\"%d\\n\", b);\n    short sh = 32767; sh++; printf(\"%d\\n\", sh);\n    float acc = 0; for (int k = 0; k < 10; k++) acc += 0.1f; printf(\"%.9f\\n\", acc);\n    double dd = 0; for (int k = 0; k < 10; k++) dd += 0.1; printf(\"%.17f\\n\", dd);\n    printf(\"%d\\n\", (int)(0.1f + 0.2f == 0.3f));\n    printf(\"%lld %llu\\n\", -9223372036854775807LL - 1, 18446744073709551615ULL);\n    printf(\"%d %d\\n\", -17 / 5, -17 % 5);\n    printf(\"%ld %ld\\n\", -17L / 5, -17L % 5);\n    printf(\"%u %u\\n\", 17u / 5, 4000000000u % 7);\n    printf(\"%d\\n\", (int)3000000000.0 == (int)0x80000000);\n    return 0;\n}\n";
const CONVERSIONS_OUT = "-1 255 -25536 65534\n-123456789 4171510507 -123456789 18446744073586094827 4611686018427387904\n3 -3 3 -2500000000\n44 253\n4464 4464\n-123456792.0 4171510507.0 18446744073586094080.0\n4611686018427387904.000000 18446744073709551616.000000\n1 1 1\n-2147483648 878082192\n510 8343021014\n9\n246\n-32768\n1.000000119\n0.99999999999999989\n1\n-9223372036854775808 18446744073709551615\n-3 -2\n-3 -2\n3 3\n0\n";

const STUDENT = "#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n#include <ctype.h>\n#define N 4\ntypedef struct { char name[16]; int balance; } account_t;\nstatic const char *src;\nstatic int expr(void);\nstatic int number(void) { int v = 0; while (isdigit((unsigned char)*src)) v = v * 10 + (*src++ - '0'); return v; }\nstatic int factor(void) { if (*src == '(') { src++; int v = expr(); src++; return v; } if (*src == '-') { src++; return -factor(); } return number(); }\nstatic int term(void) { int v = factor(); while (*src == '*' || *src == '/') { char op = *src++; int r = factor(); v = op == '*' ? v * r : v / r; } return v; }\nstatic int expr(void) { int v = term(); while (*src == '+' || *src == '-') { char op = *src++; int r = term(); if (op == '+') v += r; else v -= r; } return v; }\nint eval(const char *s) { src = s; return expr(); }\nvoid matmul(double a[N][N], double b[N][N], double c[N][N]) {\n    for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) { c[i][j] = 0; for (int k = 0; k < N; k++) c[i][j] += a[i][k] * b[k][j]; }\n}\nint by_balance(const void *x, const void *y) { const account_t *a = x, *b = y; return (a->balance > b->balance) - (a->balance < b->balance); }\nchar *reverse_words(char *s) {\n    static char out[128]; out[0] = '\\0';\n    char *words[16]; int n = 0;\n    for (char *w = strtok(s, \" \"); w; w = strtok(NULL, \" \")) words[n++] = w;\n    while (n-- > 0) { strcat(out, words[n]); if (n) strcat(out, \" \"); }\n    return out;\n}\nint main(void) {\n    printf(\"%d %d %d\\n\", eval(\"1+2*3\"), eval(\"(1+2)*3\"), eval(\"-4*(2-7)/3\"));\n    double a[N][N], b[N][N], c[N][N];\n    for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) { a[i][j] = i + j; b[i][j] = i == j ? 2 : 0.5; }\n    matmul(a, b, c);\n    for (int i = 0; i < N; i++) { for (int j = 0; j < N; j++) printf(\"%6.2f\", c[i][j]); putchar('\\n'); }\n    account_t accts[] = { { \"alice\", 50 }, { \"bob\", -20 }, { \"carol\", 75 }, { \"dave\", 0 } };\n    int n = sizeof accts / sizeof accts[0];\n    qsort(accts, n, sizeof(account_t), by_balance);\n    for (int i = 0; i < n; i++) printf(\"%-6s|%5d|\\n\", accts[i].name, accts[i].balance);\n    char line[] = \"the quick brown fox\";\n    printf(\"%s\\n\", reverse_words(line));\n    int *fibs = calloc(20, sizeof(int)); fibs[0] = 0; fibs[1] = 1;\n    for (int i = 2; i < 20; i++) fibs[i] = fibs[i - 1] + fibs[i - 2];\n    fibs = realloc(fibs, 40 * sizeof *fibs);\n    for (int i = 20; i < 40; i++) fibs[i] = fibs[i - 1] + fibs[i - 2];\n    printf(\"%d %d\\n\", fibs[19], fibs[39]); free(fibs);\n    unsigned hash = 5381; for (const char *p = \"hello world\"; *p; p++) hash = hash * 33 + *p; printf(\"%u\\n\", hash);\n    char hex[32]; int len = 0; unsigned v = 0xC0FFEE; do { hex[len++] = \"0123456789abcdef\"[v % 16]; v /= 16; } while (v);\n    for (int i = len - 1; i >= 0; i--) putchar(hex[i]); putchar('\\n');\n    return 0;\n}\n";
const STUDENT_OUT = "7 9 6\n  3.00  4.50  6.00  7.50\n  6.50  8.00  9.50 11.00\n 10.00 11.50 13.00 14.50\n 13.50 15.00 16.50 18.00\nbob   |  -20|\ndave  |    0|\nalice |   50|\ncarol |   75|\nfox brown quick the\n4181 63245986\n894552257\nc0ffee\n";
const DECLARATORS = "#include <stdio.h>\ntypedef int T;\ntypedef struct pair { int a, b; } pair;\ntypedef void (*cb)(int);\nstatic int hits;\nstatic void bump(int n) { hits += n; }\nvoid apply(cb f, int n) { f(n); }\nint main(void) {\n    T x = 2;\n    { T T = 3; printf(\"%d\\n\", T * x); }\n    T *p = &x; *p = 5;\n    pair q = { 1, 2 }; pair *pp = &q;\n    printf(\"%d %zu %zu %d\\n\", x, sizeof(T), sizeof(pair), pp->b);\n    apply(bump, 4); apply(&bump, 1); printf(\"%d\\n\", hits);\n    void (*fp)(int) = (void (*)(int))bump; fp(10); printf(\"%d\\n\", hits);\n    int (*arr)[2] = (int (*)[2])&q; printf(\"%d\\n\", (*arr)[1]);\n    unsigned long n = (unsigned long)sizeof(int[3][4]); printf(\"%lu\\n\", n);\n    return 0;\n}\n";
const DECLARATORS_OUT = "6\n5 4 8 2\n5\n15\n2\n48\n";

const INITIALIZERS = "#include <stdio.h>\nstruct A { int a[2]; int b; };\nstruct B { struct A x; char s[4]; double d; };\nunion U { int i; float f; };\nstruct A g1 = { 1, 2, 3 };\nstruct B g2 = { { { 4, 5 }, 6 }, \"hi\", 1.5 };\nstruct B g3 = { .s = \"yo\", .x.b = 9, .x.a[1] = 8 };\nunion U g4 = { .f = 2.0f };\nint g5[2][3] = { 1, 2, 3, 4 };\nint g6[] = { [3] = 7, 8, [1] = 2 };\nstruct A g7[] = { 1, 2, 3, { {4}, 5 } };\nchar *g8[] = { \"a\", \"bc\", 0 };\nint main(void) {\n    struct A l1 = { 1, 2, 3 };\n    struct B l2 = { { { 4, 5 }, 6 }, \"hi\", 1.5 };\n    struct B l3 = { .s = \"yo\", .x.b = 9, .x.a[1] = 8 };\n    union U l4 = { .f = 2.0f };\n    int l5[2][3] = { 1, 2, 3, 4 };\n    int l6[] = { [3] = 7, 8, [1] = 2 };\n    struct A l7[] = { 1, 2, 3, { {4}, 5 } };\n    char l9[10] = \"abc\";\n    printf(\"%d %d %d | %d %d %d %s %.1f | %d %d %s | %.1f\\n\", g1.a[0], g1.a[1], g1.b, g2.x.a[0], g2.x.a[1], g2.x.b, g2.s, g2.d, g3.x.b, g3.x.a[1], g3.s, g4.f);\n    printf(\"%d %d %d %d %d %d | %zu %d %d %d %d | %zu %d %d %d\\n\", g5[0][0], g5[0][2], g5[1][0], g5[1][1], g5[1][2], g5[0][1], sizeof g6, g6[0], g6[1], g6[3], g6[4], sizeof g7 / sizeof g7[0], g7[1].a[0], g7[1].a[1], g7[1].b); printf(\"%s %s\\n\", g8[0], g8[1]);\n    printf(\"%d %d %d | %d %d %d %s %.1f | %d %d %s | %.1f\\n\", l1.a[0], l1.a[1], l1.b, l2.x.a[0], l2.x.a[1], l2.x.b, l2.s, l2.d, l3.x.b, l3.x.a[1], l3.s, l4.f);\n    printf(\"%d %d %d %d %d %d | %zu %d %d %d %d | %zu %d %d %d | %d %d\\n\", l5[0][0], l5[0][2], l5[1][0], l5[1][1], l5[1][2], l5[0][1], sizeof l6, l6[0], l6[1], l6[3], l6[4], sizeof l7 / sizeof l7[0], l7[1].a[0], l7[1].a[1], l7[1].b, l9[2], l9[9]);\n    return 0;\n}\n";
const INITIALIZERS_OUT = "1 2 3 | 4 5 6 hi 1.5 | 9 8 yo | 2.0\n1 3 4 0 0 2 | 20 0 2 7 8 | 2 4 0 5\na bc\n1 2 3 | 4 5 6 hi 1.5 | 9 8 yo | 2.0\n1 3 4 0 0 2 | 20 0 2 7 8 | 2 4 0 5 | 99 0\n";

function run(source: string) {
  const r = runProgram({ source, args: [] });
  expect(r.diagnosticsText).not.toMatch(/error:/);
  return r;
}

describe('generated code runs like gcc -O0', () => {
  it('structs by value, function pointers, initialisers, statics, conversions', () => {
    const r = run(FEATURES);
    expect(r.stdout).toBe(FEATURES_OUT);
    expect(r.exit).toEqual({ code: 0, signal: null });
  });

  it('lists, qsort callbacks, recursion, strings, 2-D arrays, goto', () => {
    const r = run(DATA_STRUCTURES);
    expect(r.stdout).toBe(DATA_STRUCTURES_OUT);
    expect(r.exit).toEqual({ code: 3, signal: null });
  });

  it('converts between every pair of arithmetic types and wraps like x86-64', () => {
    const r = run(CONVERSIONS);
    expect(r.diagnosticsText).toBe('');
    expect(r.stdout).toBe(CONVERSIONS_OUT);
  });

  it('runs a typical student program: recursive descent, matrices, qsort, strtok, realloc', () => {
    expect(run(STUDENT).stdout).toBe(STUDENT_OUT);
  });

  it('parses typedef names, shadowing, casts to function and array pointer types', () => {
    expect(run(DECLARATORS).stdout).toBe(DECLARATORS_OUT);
  });

  it('initialises globals and locals alike: brace elision, designators, strings, unknown lengths', () => {
    expect(run(INITIALIZERS).stdout).toBe(INITIALIZERS_OUT);
  });

  it('takes the address of a library function with a fixed parameter list', () => {
    const r = run('#include <stdio.h>\n#include <string.h>\nint main(void) { int (*p)(const char *) = puts; size_t (*len)(const char *) = &strlen; p("hi"); printf("%zu\\n", len("abcd")); return 0; }');
    expect(r.stdout).toBe('hi\n4\n');
  });

  it('evaluates call arguments right to left, as gcc on x86-64', () => {
    const r = run('#include <stdio.h>\nint n;\nint next(void) { return ++n; }\nint main(void) { printf("%d %d %d\\n", next(), next(), next()); return 0; }');
    expect(r.stdout).toBe('3 2 1\n');
  });

  it('dies with SIGSEGV on a null pointer write and SIGFPE on division by zero', () => {
    expect(run('int main(void) { int *p = 0; *p = 1; return 0; }').exit.signal).toBe('SIGSEGV');
    expect(run('int z; int main(void) { return 10 / z; }').exit.signal).toBe('SIGFPE');
  });

  it('falls off the end of main with status 0 and of other functions with 0', () => {
    expect(run('int f(void) { } int main(void) { if (f()) return 5; }').exit).toEqual({ code: 0, signal: null });
  });
});

describe('code shape', () => {
  function body(source: string, fn: string): string[] {
    const r = compile({ files: [{ name: 'prog.c', text: source }] });
    expect(r.ok).toBe(true);
    return disassembleFunction(r.image!, fn);
  }

  it('compiles a counting loop to local forms and one conditional jump per iteration', () => {
    const code = body('int f(int n) { int t = 0; for (int i = 0; i < n; i++) t += i; return t; } int main(void) { return f(3); }', 'f');
    const loop = code.slice(code.findIndex((l) => l.startsWith('JMP')) + 1);
    expect(loop.slice(0, 8)).toEqual([
      'LOAD_LOCAL_I32 -8', 'LOAD_LOCAL_I32 -12', 'ADD_I32', 'STORE_LOCAL_I32 -8',
      'ADD_LOCAL_I32 -12 1', 'LOAD_LOCAL_I32 -12', 'LOAD_LOCAL_I32 -4', 'LT_I32',
    ]);
    expect(loop[8]).toMatch(/^JNZ /);
  });

  it('pops parameters in order and calls library functions as builtins', () => {
    const code = body('#include <stdio.h>\nint f(int a, double b) { return printf("%d %f", a, b); } int main(void) { return f(1, 2); }', 'f');
    expect(code.slice(0, 3)).toEqual(['ENTER 16 2', 'STORE_LOCAL_I32 -4', 'STORE_LOCAL_F64 -16']);
    expect(code).toContain('CALL_BUILTIN printf 3 35');
    const main = body('int f(int a, double b) { return a; } int main(void) { return f(1, 2); }', 'main');
    expect(main.slice(1, 4)).toEqual(['PUSH_F64 2', 'PUSH_I32 1', 'CALL f 2']);
  });

  it('records a line for every statement and does not emit LINE', () => {
    const r = compile({ files: [{ name: 'prog.c', text: 'int main(void) {\n  int a = 1;\n  a++;\n  return a;\n}\n' }] });
    const lines = r.image!.lines.map((l) => l.line);
    expect(lines).toEqual([1, 2, 3, 4, 5]);
    expect(disassembleFunction(r.image!, 'main').some((l) => l.startsWith('LINE'))).toBe(false);
  });

  it('lays out text, rodata, data and bss on separate pages', () => {
    const r = compile({ files: [{ name: 'prog.c', text: 'const int k = 7; int d = 3; int z[100]; const char *s = "hi"; int main(void) { return k + d + z[0] + s[0]; }' }] });
    const img = r.image!;
    expect(img.rodataBase % 4096).toBe(0);
    expect(img.dataBase).toBeGreaterThan(img.rodataBase);
    expect(img.bssBase).toBeGreaterThan(img.dataBase);
    expect(img.bssSize).toBe(400);
    const d = img.symbols.find((s) => s.name === 'd')!;
    expect(new DataView(img.data.buffer).getInt32(d.address - img.dataBase, true)).toBe(3);
    const k = img.symbols.find((s) => s.name === 'k')!;
    expect(k.address).toBeGreaterThanOrEqual(img.rodataBase);
    expect(k.address).toBeLessThan(img.dataBase);
    const s = img.symbols.find((x) => x.name === 's')!;
    const ptr = Number(new DataView(img.data.buffer).getBigUint64(s.address - img.dataBase, true));
    expect(String.fromCharCode(img.rodata[ptr - img.rodataBase], img.rodata[ptr - img.rodataBase + 1])).toBe('hi');
  });
});

describe('debug information', () => {
  it('describes locals and parameters with their frame slots and scopes', () => {
    const src = 'int f(int n, char *s) {\n  long total = n;\n  for (int i = 0; i < 2; i++) { double d = i; total += d; }\n  static int calls;\n  return total + calls + s[0];\n}\nint main(void) { return f(1, "x"); }\n';
    const img = compile({ files: [{ name: 'prog.c', text: src }] }).image!;
    const f = img.functions.find((x) => x.name === 'f')!;
    const byName = new Map(f.locals.map((l) => [l.name, l]));
    expect(byName.get('n')).toMatchObject({ type: 'int', size: 4, scalar: 'i32' });
    expect(byName.get('s')).toMatchObject({ type: 'char *', size: 8, scalar: 'ptr' });
    expect(byName.get('total')).toMatchObject({ type: 'long int', scalar: 'i64' });
    const d = byName.get('d')!;
    expect(d.startPc).toBeGreaterThan(f.entryPc);
    expect(d.endPc).toBeLessThan(f.endPc);
    for (const l of f.locals) expect(l.frameOffset).toBeLessThan(0);
    const calls = img.symbols.find((s) => s.name === 'calls')!;
    expect(calls).toMatchObject({ kind: 'object', binding: 'static', scope: 'f', type: 'int' });
    expect(img.symbols.find((s) => s.name === 'f')).toMatchObject({ kind: 'function', type: 'int (int, char *)' });
  });

  it('reports problems in the runtime as internal errors, and warnings alone do not stop a build', () => {
    const r = compile({ files: [{ name: 'prog.c', text: 'int main(void) { return 0; }' }], runtime: [{ name: '<crt>', text: 'void _start(void) { undefined_thing(); }' }] });
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0].message).toMatch(/^internal error in the lab's C runtime: /);
    const w = compile({ files: [{ name: 'prog.c', text: 'int main(void) { int *p = 5; return p != 0; }' }] });
    expect(w.ok).toBe(true);
    expect(w.diagnostics.map((x) => x.severity)).toEqual(['warning']);
  });
});

describe('linking translation units', () => {
  it('resolves externs by name and keeps statics private to their unit', () => {
    const a = '#include <stdio.h>\nextern int shared;\nstatic int hidden = 1;\nint helper(int);\nint main(void) { shared += 5; printf("%d %d %d\\n", helper(2), shared, hidden); return 0; }\n';
    const b = 'int shared = 10;\nstatic int hidden = 100;\nstatic int twice(int x) { return 2 * x + hidden; }\nint helper(int x) { return twice(x); }\n';
    const r = compile({ files: [{ name: 'a.c', text: a }, { name: 'b.c', text: b }], runtime: [CRT] });
    expect(r.diagnostics).toEqual([]);
    expect(runImage(r.image!, {}).stdout).toBe('104 15 1\n');
  });

  it('reports two definitions of one global', () => {
    const r = compile({ files: [{ name: 'a.c', text: 'int x = 1; int main(void) { return x; }' }, { name: 'b.c', text: 'int x = 2;' }] });
    expect(r.diagnostics.map((d) => `${d.file}:${d.message}`)).toEqual(["b.c:multiple definition of `x'"]);
  });
});
