/**
 * Runs strtol/strtoul/strtod cases through glibc: one C program prints, per case, the value,
 * how far endptr moved and errno, one case a line.
 */
import { compileAndRun, cStringLiteral } from './gcc-printf.ts';
import type { IntegerCase } from './strconv-cases.ts';

/** glibc's answer for an integer case: value, end offset (-1 when endptr was not set), errno. */
export interface IntegerResult {
  value: string;
  end: number;
  errno: number;
}

/** glibc's answer for a strtod case: the result's bits in hex, end offset, whether ERANGE. */
export interface DoubleResult {
  bits: string;
  end: number;
  erange: boolean;
}

/** The C program for the cases. */
function strconvProgram(integers: IntegerCase[], doubles: string[]): string {
  const lines = [
    '#include <errno.h>', '#include <stdio.h>', '#include <stdlib.h>', '#include <string.h>',
    'static void l(const char *s, int base) { char *e = (char *)1; errno = 0; long v = strtol(s, &e, base);',
    '  printf("%ld %ld %d\\n", v, e == (char *)1 ? -1L : (long)(e - s), errno); }',
    'static void u(const char *s, int base) { char *e = (char *)1; errno = 0; unsigned long v = strtoul(s, &e, base);',
    '  printf("%lu %ld %d\\n", v, e == (char *)1 ? -1L : (long)(e - s), errno); }',
    'static void d(const char *s) { char *e; errno = 0; double v = strtod(s, &e); unsigned long long b; memcpy(&b, &v, 8);',
    '  printf("%016llx %ld %d\\n", b, (long)(e - s), errno == ERANGE); }',
    'int main(void) {',
  ];
  for (const c of integers) lines.push(`  ${c.kind === 'long' ? 'l' : 'u'}(${cStringLiteral(c.input)}, ${c.base});`);
  for (const input of doubles) lines.push(`  d(${cStringLiteral(input)});`);
  lines.push('  return 0;', '}');
  return lines.join('\n') + '\n';
}

/** glibc's results for the integer and double cases. */
export function glibcStrconv(integers: IntegerCase[], doubles: string[]): { integers: IntegerResult[]; doubles: DoubleResult[] } {
  const lines = compileAndRun(strconvProgram(integers, doubles)).trim().split('\n');
  const split = lines.map((line) => line.split(' '));
  return {
    integers: split.slice(0, integers.length).map(([value, end, errno]) => ({ value, end: Number(end), errno: Number(errno) })),
    doubles: split.slice(integers.length).map(([bits, end, erange]) => ({ bits, end: Number(end), erange: erange === '1' })),
  };
}
