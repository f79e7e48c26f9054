/**
 * Detail mode (docs/trace.md): a `line` event each time a task reaches a new line of the user's
 * program, with its variables printed as C would print them, read without changing the run.
 */
import { describe, expect, it } from 'vitest';
import { formatValue } from '../../src-main/kernel/c-values.ts';
import { recordLayouts } from '../../src-main/vm/run.ts';
import { HEAD_LINES, eventsOf, run } from './helpers.ts';

const PROGRAM = [
  'struct pt { int a; char b; };',
  'int g = 5;',
  'char name[8] = "hi";',
  'struct pt gp = {1, \'x\'};',
  'int twice(int v) {',
  '  int r = 2 * v;',
  '  return r;',
  '}',
  'int main(void) {',
  '  int x = 3;',
  '  char c = \'a\';',
  '  int arr[3] = {1, 2, 3};',
  '  int *q = &x;',
  '  x = twice(x);',
  '  if (fork() == 0) { x = 100; _exit(0); }',
  '  wait(NULL);',
  '  printf("%d %c %d %d\\n", x, c, arr[2], *q);',
  '  return 0;',
  '}',
].join('\n');
const L = (n: number) => HEAD_LINES + n;

describe('detail mode', () => {
  it('records a line event per new line, with the function, depth and variables', () => {
    const r = run(PROGRAM, { detail: true });
    expect(r.stdout).toBe('6 a 3 6\n');
    const lines = eventsOf(r.trace, 'line');
    const main = lines.filter((e) => e.pid === 3 && e.fn === 'main');
    expect(main.map((e) => e.line)).toEqual(expect.arrayContaining([L(10), L(11), L(12), L(13), L(14), L(15), L(16), L(17)]));
    const inTwice = lines.find((e) => e.fn === 'twice' && e.line === L(7))!;
    expect(inTwice.depth).toBe(2);
    expect(inTwice.vars).toEqual(expect.arrayContaining([
      expect.objectContaining({ name: 'v', type: 'int', value: '3', scope: 'local' }),
      expect.objectContaining({ name: 'r', type: 'int', value: '6', scope: 'local' }),
    ]));
    const atPrintf = main.find((e) => e.line === L(17))!;
    expect(atPrintf.depth).toBe(1);
    const vars = Object.fromEntries((atPrintf.vars as { name: string; value: string }[]).map((v) => [v.name, v.value]));
    expect(vars).toMatchObject({
      x: '6', c: "'a' (97)", arr: '{1, 2, 3}', g: '5', name: '"hi"', gp: "{.a = 1, .b = 'x' (120)}",
    });
    expect(vars.q).toMatch(/^0x7fff/);
    const qVar = (atPrintf.vars as { name: string; address: number }[]).find((v) => v.name === 'x')!;
    expect(vars.q).toBe(`0x${qVar.address.toString(16)}`);
    // locals first, then globals
    const scopes = (atPrintf.vars as { scope: string }[]).map((v) => v.scope);
    expect(scopes.indexOf('global')).toBeGreaterThan(scopes.lastIndexOf('local'));
  });

  it('follows the child after fork: its own line events and its own copy of x', () => {
    const r = run(PROGRAM, { detail: true });
    const child = eventsOf(r.trace, 'line').filter((e) => e.pid === 4);
    expect(child.length).toBeGreaterThan(0);
    expect(child[0].line).toBe(L(15));
    expect(r.trace.every((e) => e.kind !== 'line' || e.line !== undefined)).toBe(true);
  });

  it('changes nothing about the run: same output, steps and memory statistics', () => {
    const plain = run(PROGRAM);
    const detailed = run(PROGRAM, { detail: true });
    expect(eventsOf(plain.trace, 'line')).toHaveLength(0);
    expect(detailed.stdout).toBe(plain.stdout);
    expect(detailed.stats).toEqual(plain.stats);
    expect(detailed.schedule).toBe(plain.schedule);
    const kernelKinds = (t: typeof plain.trace) => t.filter((e) => e.kind !== 'line').map((e) => e.kind);
    expect(kernelKinds(detailed.trace)).toEqual(kernelKinds(plain.trace));
  });

  it('stops at the budget with one detail-limit event, then runs at full speed', () => {
    const r = run('int main(void) {\n  long s = 0;\n  for (int i = 0; i < 100000; i++) {\n    s += i;\n  }\n  printf("%ld\\n", s);\n  return 0;\n}\n', { detail: true, detailLimit: 50 });
    expect(r.stdout).toBe('4999950000\n');
    expect(eventsOf(r.trace, 'line')).toHaveLength(50);
    expect(eventsOf(r.trace, 'detail-limit')).toEqual([expect.objectContaining({ limit: 50 })]);
  });

  it('reads untouched memory as zeros and memory outside every segment as <not mapped>', () => {
    const r = run('int big[5000];\nint main(void) {\n  int *bad = (int *)16;\n  int *p = bad;\n  return p == bad ? 0 : 1;\n}\n', { detail: true, pageSize: 256 });
    const last = eventsOf(r.trace, 'line').at(-1)!;
    const big = (last.vars as { name: string; value: string }[]).find((v) => v.name === 'big')!;
    expect(big.value).toBe('{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ...}');
    // looking did not fault the bss in: no page of it was touched by the program
    expect(r.stats.framesPeak).toBe(run('int big[5000];\nint main(void) {\n  int *bad = (int *)16;\n  int *p = bad;\n  return p == bad ? 0 : 1;\n}\n', { pageSize: 256 }).stats.framesPeak);
  });

  it('formats values as C would print them', () => {
    const none = () => null;
    const bytes = (...b: number[]) => Uint8Array.from(b);
    expect(formatValue('int', bytes(0xff, 0xff, 0xff, 0xff), none)).toBe('-1');
    expect(formatValue('unsigned int', bytes(0xff, 0xff, 0xff, 0xff), none)).toBe('4294967295');
    expect(formatValue('char', bytes(10), none)).toBe("'\\n' (10)");
    expect(formatValue('char *', new Uint8Array(8), none)).toBe('NULL');
    expect(formatValue('char [4]', bytes(97, 98, 0, 99), none)).toBe('"ab"');
    expect(formatValue('double', new Uint8Array(new Float64Array([2.5]).buffer), none)).toBe('2.5');
    expect(formatValue('int [2][2]', new Uint8Array(new Int32Array([1, 2, 3, 4]).buffer), none)).toBe('{{1, 2}, {3, 4}}');
    expect(formatValue('struct s', new Uint8Array(8), none)).toBe('{...}');
    expect(formatValue('long unsigned int', bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff), none)).toBe('18446744073709551615');
    expect(formatValue('short int', bytes(0xfe, 0xff), none)).toBe('-2');
    expect(formatValue('unsigned char', bytes(65), none)).toBe("'A' (65)");
    const records = recordLayouts('struct inner { char c; };\nstruct outer { int n; struct inner in; int *p; };\nint main(void) { struct outer o; return 0; }\n');
    const outer = new Uint8Array(24);
    outer[0] = 7;
    outer[4] = 65;
    expect(formatValue('struct outer', outer, records)).toBe("{.n = 7, .in = {.c = 'A' (65)}, .p = NULL}");
  });
});
