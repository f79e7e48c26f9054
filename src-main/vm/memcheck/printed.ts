/**
 * Which strings a printing call is about to read: the string of puts/fputs/perror, and for the
 * printf family the format and the argument of each %s it holds. For memcheck, which checks
 * those bytes before the call runs (the lab's library reads them natively).
 */
import type { MmStruct } from '../../kernel/mm/mm.ts';
import { peekString } from '../../kernel/mm/shadow.ts';

/** Index of the format argument of each printf-family function. */
const FORMAT_ARG: Record<string, number> = { printf: 0, fprintf: 1, dprintf: 1, sprintf: 1, snprintf: 2 };
const STRING_ARG: Record<string, number> = { puts: 0, fputs: 0, perror: 0 };
/** the longest string looked at */
const MAX = 4096;

/** A string a printing call reads: its address and the most bytes it reads (a precision, as in %.3s). */
export interface PrintedString {
  address: number;
  max: number;
}

/**
 * The strings `name` reads, given its `nargs` arguments (`pointer(i)` is argument i as a
 * pointer, `int(i)` as an int). NULL pointers are left out (printf prints "(null)"), and so is
 * anything after a conversion the walk does not follow (positional arguments).
 */
export function printedStrings(mm: MmStruct, name: string, nargs: number, pointer: (i: number) => number, int: (i: number) => number): PrintedString[] {
  const single = STRING_ARG[name];
  if (single !== undefined) return nargs > single && pointer(single) !== 0 ? [{ address: pointer(single), max: MAX }] : [];
  const formatIndex = FORMAT_ARG[name];
  if (formatIndex === undefined || nargs <= formatIndex || pointer(formatIndex) === 0) return [];
  const out = [{ address: pointer(formatIndex), max: MAX }];
  const format = peekString(mm, pointer(formatIndex), MAX);
  let next = formatIndex + 1;
  for (let i = 0; i < format.length; i++) {
    if (format[i] !== 0x25 /* % */) continue;
    i++;
    if (format[i] === 0x25) continue;
    // flags, width, precision, length: a '*' takes an argument; '$' (positional) ends the walk
    let precision = -1;
    let inPrecision = false;
    while (i < format.length && !isConversion(format[i])) {
      const c = format[i];
      if (c === 0x24 /* $ */) return out;
      if (c === 0x2e /* . */) {
        inPrecision = true;
        precision = 0;
      } else if (c === 0x2a /* * */) {
        if (inPrecision && next < nargs) precision = int(next);
        next++;
      } else if (inPrecision && c >= 0x30 && c <= 0x39) precision = precision * 10 + (c - 0x30);
      i++;
    }
    if (i >= format.length) break;
    if (format[i] === 0x73 /* s */ && next < nargs && pointer(next) !== 0) out.push({ address: pointer(next), max: precision >= 0 ? precision : MAX });
    if (format[i] !== 0x6d /* %m prints strerror(errno): no argument */) next++;
  }
  return out;
}

/** True for the letter that ends a conversion (d i u o x X c s p f F e E g G a A n m). */
function isConversion(byte: number): boolean {
  return 'diuoxXcspfFeEgGaAnm'.includes(String.fromCharCode(byte));
}
