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

/**
 * The addresses of the strings `name` reads, given its `nargs` arguments (`arg(i)` is argument
 * i). NULL pointers are left out (printf prints "(null)"), and so is anything after a
 * conversion the walk does not follow (positional arguments).
 */
export function printedStrings(mm: MmStruct, name: string, nargs: number, arg: (i: number) => number): number[] {
  const single = STRING_ARG[name];
  if (single !== undefined) return nargs > single && arg(single) !== 0 ? [arg(single)] : [];
  const formatIndex = FORMAT_ARG[name];
  if (formatIndex === undefined || nargs <= formatIndex || arg(formatIndex) === 0) return [];
  const out = [arg(formatIndex)];
  const format = peekString(mm, arg(formatIndex), 4096);
  let next = formatIndex + 1;
  for (let i = 0; i < format.length; i++) {
    if (format[i] !== 0x25 /* % */) continue;
    i++;
    if (format[i] === 0x25) continue;
    // flags, width, precision, length: a '*' takes an argument; '$' (positional) ends the walk
    while (i < format.length && !isConversion(format[i])) {
      if (format[i] === 0x24 /* $ */) return out;
      if (format[i] === 0x2a /* * */) next++;
      i++;
    }
    if (i >= format.length) break;
    if (format[i] === 0x73 /* s */ && next < nargs && arg(next) !== 0) out.push(arg(next));
    if (format[i] !== 0x6d /* %m prints strerror(errno): no argument */) next++;
  }
  return out;
}

/** True for the letter that ends a conversion (d i u o x X c s p f F e E g G a A n m). */
function isConversion(byte: number): boolean {
  return 'diuoxXcspfFeEgGaAnm'.includes(String.fromCharCode(byte));
}
