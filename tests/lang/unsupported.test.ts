/**
 * The functions the lab lacks are named as such (issue 12: "Anything still refused is named as
 * unsupported, never as an implicit declaration"). For every function glibc declares in a header
 * the lab provides (lang/headers/glibc-functions.ts, measured with gcc -E), a program that
 * includes that header and calls it either compiles the call against the lab's own declaration
 * (and then the lab implements it: a native, a function of the C runtime, or a macro) or gets
 * "'f' is not supported in the lab", whose note names a header that declares f on Linux; never
 * "implicit declaration" or "undeclared". And the notes of the table of functions the lab lacks
 * name only headers that declare the function.
 */
import { describe, expect, it } from 'vitest';
import { BUILTIN_NAMES } from '../../src-main/lang/builtins.ts';
import { headerText } from '../../src-main/lang/headers.ts';
import { GLIBC_FUNCTION_LISTS, glibcHeadersDeclaring } from '../../src-main/lang/headers/glibc-functions.ts';
import { NOT_IN_THE_LAB } from '../../src-main/lang/sema.ts';
import { CRT } from '../../src-main/vm/libc/crt.ts';
import { compileProgram } from '../../src-main/vm/run.ts';

/** Functions the C runtime defines (a definition starts a line: `type name(…) {`). */
const RUNTIME_FUNCTIONS = new Set([...CRT.text.matchAll(/^[A-Za-z_][\w \t*]*?\b([A-Za-z_]\w*)\s*\([^;{]*\)\s*\{/gm)].map((m) => m[1]));
const IMPLEMENTED = new Set<string>([...BUILTIN_NAMES, ...RUNTIME_FUNCTIONS]);

/** Names the program text defines as macros once `header` is included (a function-like macro is an implementation too). */
function macrosOf(header: string, names: readonly string[]): Set<string> {
  const probe = [`#include <${header}>`, ...names.map((n, i) => `#ifdef ${n}\nint __macro_${i};\n#endif`), 'int main(void) { return 0; }'].join('\n');
  const r = compileProgram(probe);
  const defined = new Set<string>();
  for (const [i, n] of names.entries()) if (r.image?.symbols.some((s) => s.name === `__macro_${i}`)) defined.add(n);
  return defined;
}

const PROVIDED = GLIBC_FUNCTION_LISTS.filter(([header]) => headerText(header) !== undefined);

describe('functions of the headers the lab provides', () => {
  it('has headers to check', () => expect(PROVIDED.length).toBeGreaterThan(15));

  for (const [header, names] of PROVIDED) {
    it(`<${header}>: each is implemented or reported as not supported, with a header that declares it`, () => {
      const source = [`#include <${header}>`, 'int main(void) {', ...names.map((n) => `  ${n}();`), '  return 0;', '}'].join('\n');
      const r = compileProgram(source);
      const byLine = new Map<number, string[]>();
      for (const d of r.diagnostics) {
        if (d.file !== 'prog.c') continue;
        byLine.set(d.line, [...(byLine.get(d.line) ?? []), `${d.message}${d.hint ? ` | note: ${d.hint}` : ''}`]);
      }
      const macros = macrosOf(header, names);
      const problems: string[] = [];
      names.forEach((name, i) => {
        const messages = byLine.get(i + 3) ?? [];
        const text = messages.join(' / ');
        if (/implicit declaration|undeclared/.test(text)) {
          problems.push(`${name}: ${text}`);
          return;
        }
        const refused = messages.find((m) => m.startsWith(`'${name}' is not supported in the lab`));
        if (refused) {
          const named = [...refused.matchAll(/<([\w/.]+\.h)>/g)].map((m) => m[1]);
          const wrong = named.filter((h) => !glibcHeadersDeclaring(name).includes(h));
          if (named.length === 0 || wrong.length > 0) problems.push(`${name}: the note names <${wrong.join('>, <') || 'no header'}>: ${refused}`);
          return;
        }
        // the lab declares it: it must have it
        if (!IMPLEMENTED.has(name) && !macros.has(name)) problems.push(`${name}: declared by the lab's <${header}> but implemented nowhere`);
      });
      expect(problems).toEqual([]);
    });
  }

  it('notes of the table of functions the lab lacks name only headers that declare the function', () => {
    const wrong: string[] = [];
    for (const [name, note] of Object.entries(NOT_IN_THE_LAB)) {
      for (const m of note.matchAll(/<([\w/.]+\.h)>/g)) if (!glibcHeadersDeclaring(name).includes(m[1])) wrong.push(`${name}: <${m[1]}>`);
      // the functions a note suggests are ones the lab has
      for (const m of note.matchAll(/\b([a-z_][a-z0-9_]*)\(/g)) if (!IMPLEMENTED.has(m[1])) wrong.push(`${name}: suggests ${m[1]}()`);
      expect(glibcHeadersDeclaring(name).length, name).toBeGreaterThan(0);
    }
    expect(wrong).toEqual([]);
  });
});
