/**
 * Small string functions students use, as glibc gives them: strcasecmp and strncasecmp
 * (<strings.h>, also in <string.h>), strsep, strsignal, and psignal (<signal.h>).
 */
import { native, type NativeCall, type NativeTable } from './native.ts';
import { signalDescription, strsignalText } from './signal-names.ts';
import { writeFile } from './stdio.ts';

const encoder = new TextEncoder();

/** The C locale's tolower of a byte. */
function lower(b: number): number {
  return b >= 65 && b <= 90 ? b + 32 : b;
}

/**
 * strncasecmp (strcasecmp with no limit): the difference of the first bytes that differ once
 * both are lower case, as glibc returns it ('[' against 'a' is -6), 0 when equal.
 */
function caseCompare(c: NativeCall, limit: number): number {
  const mem = c.mem;
  const a = c.ptr(0);
  const b = c.ptr(1);
  for (let i = 0; i < limit; i++) {
    const x = lower(mem.byte(a + i));
    const y = lower(mem.byte(b + i));
    if (x !== y || x === 0) return x - y;
  }
  return 0;
}

/**
 * strsep(&s, delims): the token at *s; *s moves past the delimiter that ended it (which becomes
 * NUL), or becomes NULL at the last token. NULL when *s is NULL. Empty tokens are returned too.
 */
function strsep(c: NativeCall): number {
  const mem = c.mem;
  const where = c.ptr(0);
  const start = mem.pointer(where);
  if (start === 0) return 0;
  const delims = new Set(mem.cString(c.ptr(1)));
  for (let p = start; ; p++) {
    const b = mem.byte(p);
    if (b === 0) {
      mem.setPointer(where, 0);
      return start;
    }
    if (delims.has(b)) {
      mem.setByte(p, 0);
      mem.setPointer(where, p + 1);
      return start;
    }
  }
}

/** strsignal: the text, in the runtime's buffer for it; returns its address. */
function strsignal(c: NativeCall): number {
  const buffer = c.staticBuffer('strsignal');
  c.mem.writeCString(buffer, encoder.encode(strsignalText(c.i32(0))).subarray(0, 255));
  return buffer;
}

/** psignal: "s: description\n" on stderr ("Unknown signal N" beyond the standard signals; no "s: " when s is NULL or empty). */
function psignal(c: NativeCall): undefined {
  const s = c.ptr(1);
  const prefix = s !== 0 && c.mem.byte(s) !== 0 ? `${new TextDecoder().decode(c.mem.cString(s))}: ` : '';
  const sig = c.i32(0);
  const text = `${prefix}${signalDescription(sig) ?? `Unknown signal ${sig}`}\n`;
  const stderrVariable = c.symbolAddress('stderr');
  if (stderrVariable) writeFile(c, c.mem.pointer(stderrVariable), encoder.encode(text));
  return undefined;
}

export const STRINGS_NATIVES: NativeTable = {
  strcasecmp: native('i32', (c) => caseCompare(c, Infinity)),
  strncasecmp: native('i32', (c) => caseCompare(c, c.size(2))),
  strsep: native('ptr', strsep),
  strsignal: native('ptr', strsignal),
  psignal: native('void', psignal),
};
