/**
 * The lab's system headers: the declarations of its C library, written as real C.
 *
 * The texts live in headers/*.ts, one file per family. Values and layouts are those of glibc on
 * x86-64 Linux; the FILE and struct sigaction layouts are shared with the VM's native code.
 * Headers under bits/ are private helpers that public headers include.
 */
import { lex, type PPToken } from './lexer.ts';
import { DiagnosticBag } from './diagnostics.ts';
import { STDIO_HEADERS } from './headers/stdio.ts';
import { PROCESS_HEADERS } from './headers/process.ts';
import { BASIC_HEADERS } from './headers/basic.ts';
import { LIBRARY_HEADERS } from './headers/library.ts';
import { STDARG_HEADERS } from './headers/stdarg.ts';
import { MATH_HEADERS } from './headers/math.ts';
import { SYSTEM_HEADERS } from './headers/system.ts';

/** Text of each system header the lab provides, keyed by the name inside <>: 'stdio.h'. */
export const HEADERS: Readonly<Record<string, string>> = Object.freeze({
  ...BASIC_HEADERS,
  ...STDIO_HEADERS,
  ...LIBRARY_HEADERS,
  ...PROCESS_HEADERS,
  ...STDARG_HEADERS,
  ...MATH_HEADERS,
  ...SYSTEM_HEADERS,
});

/**
 * The text of the lab header `name` ('stdio.h'), or undefined when the lab has no such header.
 * An own-property lookup: `<constructor>` or `<__proto__>` name no header.
 */
export function headerText(name: string): string | undefined {
  return Object.hasOwn(HEADERS, name) ? HEADERS[name] : undefined;
}

/**
 * The order in which headers are suggested when several declare a name: the header a student
 * is taught to include comes first ('pid_t' → unistd.h, 'NULL' → stdio.h).
 */
const SUGGESTION_ORDER = [
  'stdio.h', 'unistd.h', 'sys/wait.h', 'stdlib.h', 'string.h', 'signal.h', 'sched.h', 'fcntl.h',
  'pthread.h', 'errno.h', 'time.h', 'sys/types.h', 'stdint.h', 'stddef.h', 'limits.h', 'ctype.h',
  'sys/prctl.h', 'sys/resource.h', 'stdbool.h', 'assert.h', 'strings.h', 'inttypes.h', 'stdarg.h', 'math.h',
];

let declaredIn: Map<string, string> | undefined;

/** The header that declares a function, type, macro or variable, for hints: 'fork' → 'unistd.h'. */
export function headerDeclaring(name: string): string | undefined {
  declaredIn ??= buildIndex();
  return declaredIn.get(name);
}

/** Maps every name the public headers declare (their bits/ helpers included) to its header. */
function buildIndex(): Map<string, string> {
  const index = new Map<string, string>();
  const publicHeaders = Object.keys(HEADERS).filter((h) => !h.startsWith('bits/'));
  const ordered = [...SUGGESTION_ORDER.filter((h) => headerText(h) !== undefined), ...publicHeaders.filter((h) => !SUGGESTION_ORDER.includes(h))];
  for (const header of ordered) {
    for (const name of namesDeclaredBy(header, new Set())) if (!index.has(name)) index.set(name, header);
  }
  return index;
}

/** Names one header declares: its own declarations and those of the bits/ headers it includes. */
function namesDeclaredBy(header: string, seen: Set<string>): string[] {
  if (seen.has(header)) return [];
  seen.add(header);
  const toks = lex({ name: header, text: HEADERS[header] }, new DiagnosticBag());
  const names: string[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (!(t.bol && t.text === '#')) continue;
    if (toks[i + 1]?.text === 'define' && toks[i + 2]?.kind === 'ident') names.push(toks[i + 2].text);
    const included = includedBitsHeader(toks, i);
    if (included) names.push(...namesDeclaredBy(included, seen));
  }
  names.push(...declaredNames(toks));
  return names;
}

/** The bits/ header an `#include <bits/…>` at toks[i] names, if it is one. */
function includedBitsHeader(toks: PPToken[], i: number): string | undefined {
  if (toks[i + 1]?.text !== 'include' || toks[i + 2]?.text !== '<') return undefined;
  let name = '';
  for (let j = i + 3; j < toks.length && toks[j].text !== '>'; j++) name += toks[j].text;
  return name.startsWith('bits/') && headerText(name) !== undefined ? name : undefined;
}

const NOT_NAMES = new Set(['struct', 'union', 'enum', 'typedef', 'extern', 'const', 'unsigned', 'signed', 'int', 'char',
  'long', 'short', 'void', 'double', 'float', '_Bool', 'static', 'inline', 'volatile', 'restrict', '__restrict',
  '_Noreturn', '__attribute__', 'noreturn', '__extension__']);

/**
 * Names declared by the C declarations of a header (directives skipped): functions, variables,
 * typedefs, struct/union/enum tags and enumerators at file scope.
 */
function declaredNames(toks: PPToken[]): string[] {
  const names: string[] = [];
  let braces = 0;
  let parens = 0;
  let line = -1;
  let enumBody = -1;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.bol && t.text === '#') line = t.line;
    if (t.line === line) continue; // directive lines
    if (t.text === '{') {
      if (toks[i - 2]?.text === 'enum' || toks[i - 1]?.text === 'enum') enumBody = braces;
      braces++;
    } else if (t.text === '}') {
      braces--;
      if (braces === enumBody) enumBody = -1;
    } else if (t.text === '(') parens++;
    else if (t.text === ')') parens--;
    if (t.kind !== 'ident' || NOT_NAMES.has(t.text)) continue;
    const next = toks[i + 1]?.text;
    const prev = toks[i - 1]?.text;
    if (braces === enumBody + 1 && enumBody >= 0 && (next === ',' || next === '=' || next === '}')) names.push(t.text);
    if (braces !== 0) continue;
    if ((prev === 'struct' || prev === 'union' || prev === 'enum') && next === '{') names.push(t.text);
    else if (parens === 0 && next !== undefined && ['(', ';', ',', '[', '='].includes(next)) names.push(t.text);
    else if (parens === 1 && prev === '*' && toks[i - 2]?.text === '(' && next === ')' && toks[i + 2]?.text === '(') names.push(t.text); // (*name)(…)
  }
  return names;
}
