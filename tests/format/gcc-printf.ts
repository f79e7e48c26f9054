/**
 * Runs printf cases through the real gcc/glibc: writes one C program that formats each case with
 * fprintf into an open_memstream buffer and prints the bytes in hex, one case a line.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { doubleValue } from './case-args.ts';
import type { CaseArg, DoubleValue, PrintfCase } from './printf-cases.ts';

/** A C string literal for text (bytes 0..255), every unusual byte as an octal escape. */
export function cStringLiteral(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const plain = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x20 || c === 0x25;
    out += plain ? text[i] : '\\' + c.toString(8).padStart(3, '0');
  }
  return out + '"';
}

/** The raw bits of a double as a C unsigned long long literal. */
function doubleBits(v: DoubleValue): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, doubleValue(v));
  return '0x' + view.getBigUint64(0).toString(16) + 'ULL';
}

/** The C expression passing one argument with its declared type. */
function cArgument(arg: CaseArg): string {
  switch (arg.t) {
    case 'int': return `(int)${arg.v}LL`;
    case 'long': return `(long)0x${BigInt.asUintN(64, BigInt(arg.v)).toString(16)}ULL`;
    case 'double': return `D(${doubleBits(arg.v)})`;
    case 'ldouble': return `(long double)D(${doubleBits(arg.v)})`;
    case 'str': return arg.v === null ? '(char *)0' : cStringLiteral(arg.v);
    case 'ptr': return `(void *)0x${arg.v.toString(16)}UL`;
  }
}

/** The whole C program for the cases. */
export function printfProgram(cases: PrintfCase[]): string {
  const lines = [
    '#include <stdio.h>',
    '#include <stdlib.h>',
    '#include <string.h>',
    'static double D(unsigned long long b) { double d; memcpy(&d, &b, 8); return d; }',
    'static void emit(char *buf, size_t n) { for (size_t i = 0; i < n; i++) printf("%02x", (unsigned char)buf[i]); putchar(\'\\n\'); }',
    '#define CASE(...) do { char *buf = NULL; size_t n = 0; FILE *f = open_memstream(&buf, &n); fprintf(f, __VA_ARGS__); fclose(f); emit(buf, n); free(buf); } while (0)',
  ];
  const perFunction = 500;
  const functions: string[] = [];
  for (let start = 0; start < cases.length; start += perFunction) {
    const name = `cases${functions.length}`;
    functions.push(name);
    lines.push(`static void ${name}(void) {`);
    for (const c of cases.slice(start, start + perFunction)) {
      lines.push(`  CASE(${[cStringLiteral(c.fmt), ...c.args.map(cArgument)].join(', ')});`);
    }
    lines.push('}');
  }
  lines.push('int main(void) {', ...functions.map((f) => `  ${f}();`), '  return 0;', '}');
  return lines.join('\n') + '\n';
}

/** Whether gcc can be run here. */
export function hasGcc(): boolean {
  try {
    execFileSync('gcc', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Compiles and runs `program`; returns its standard output. */
export function compileAndRun(program: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'forklab-printf-'));
  try {
    const source = join(dir, 'cases.c');
    const binary = join(dir, 'cases');
    writeFileSync(source, program);
    execFileSync('gcc', ['-O0', '-w', '-fno-builtin', '-o', binary, source]);
    return execFileSync(binary, { maxBuffer: 256 * 1024 * 1024 }).toString('latin1');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What glibc prints for each case, as a latin1 string (one char per byte). */
export function glibcPrintf(cases: PrintfCase[]): string[] {
  const lines = compileAndRun(printfProgram(cases)).split('\n');
  return cases.map((_, i) => Buffer.from(lines[i], 'hex').toString('latin1'));
}
