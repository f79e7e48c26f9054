/**
 * ctype.h in the C locale, returning exactly what glibc returns.
 *
 * glibc classifies characters with a table of bit masks, and each is* function returns the
 * character's entry ANDed with its class's bit, so the "true" values are not 1: on x86-64
 * isdigit('5') is 2048 and isalpha('a') is 1024. Programs that print these values print the same
 * numbers in the lab. The argument is an int holding an unsigned char or EOF (-1); glibc's table
 * also covers -128..-2 (signed chars), which are unclassified in the C locale. Other values are
 * undefined behaviour in C; here they are simply unclassified.
 */
import { native, type NativeCall, type NativeFunction, type NativeTable } from './native.ts';

/** glibc's class bits (<ctype.h>, little-endian layout of the table). */
export const CTYPE_BITS = {
  blank: 1,
  cntrl: 2,
  punct: 4,
  alnum: 8,
  upper: 256,
  lower: 512,
  alpha: 1024,
  digit: 2048,
  xdigit: 4096,
  space: 8192,
  print: 16384,
  graph: 32768,
} as const;

type CtypeClass = keyof typeof CTYPE_BITS;

/** The classes of byte `c` (0..255) in the C locale, as glibc's table lists them. */
function classesOf(c: number): CtypeClass[] {
  const classes: CtypeClass[] = [];
  const upper = c >= 65 && c <= 90;
  const lower = c >= 97 && c <= 122;
  const digit = c >= 48 && c <= 57;
  const graph = c >= 33 && c <= 126;
  if (c === 32 || c === 9) classes.push('blank');
  if (c < 32 || c === 127) classes.push('cntrl');
  if (graph && !upper && !lower && !digit) classes.push('punct');
  if (upper || lower || digit) classes.push('alnum');
  if (upper) classes.push('upper');
  if (lower) classes.push('lower');
  if (upper || lower) classes.push('alpha');
  if (digit) classes.push('digit');
  if (digit || (c >= 65 && c <= 70) || (c >= 97 && c <= 102)) classes.push('xdigit');
  if (c === 32 || (c >= 9 && c <= 13)) classes.push('space');
  if (graph || c === 32) classes.push('print');
  if (graph) classes.push('graph');
  return classes;
}

/** The C locale's classification table for bytes 0..127 (128..255 are unclassified). */
const TABLE: Uint16Array = (() => {
  const table = new Uint16Array(256);
  for (let c = 0; c < 128; c++) for (const k of classesOf(c)) table[c] |= CTYPE_BITS[k];
  return table;
})();

/** glibc's table entry for the int `c` (0 for EOF and anything that is not a byte). */
export function ctypeMask(c: number): number {
  return c >= 0 && c <= 255 ? TABLE[c] : 0;
}

/** is<class>(c): non-zero (the class's bit, as glibc returns it) when `c` belongs to the class. */
export function isClass(c: number, cls: CtypeClass): number {
  return ctypeMask(c) & CTYPE_BITS[cls];
}

/**
 * glibc's case tables map a signed char -128..-2 to the same byte as unsigned char (c + 256),
 * so toupper((char)0xE9) is 233; EOF and values outside the table come back unchanged.
 */
function asUnsignedChar(c: number): number {
  return c >= -128 && c <= -2 ? c + 256 : c;
}

/** toupper in the C locale: 'a'..'z' become 'A'..'Z'; other values as glibc's table gives them. */
export function toUpper(c: number): number {
  return c >= 97 && c <= 122 ? c - 32 : asUnsignedChar(c);
}

/** tolower in the C locale: 'A'..'Z' become 'a'..'z'; other values as glibc's table gives them. */
export function toLower(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : asUnsignedChar(c);
}

function classifier(cls: CtypeClass): NativeFunction {
  return native('i32', (c: NativeCall) => isClass(c.i32(0), cls));
}

/** The ctype.h natives, keyed by C name; all take and return an int. */
export const CTYPE_NATIVES: NativeTable = {
  isdigit: classifier('digit'),
  isalpha: classifier('alpha'),
  isalnum: classifier('alnum'),
  isspace: classifier('space'),
  isupper: classifier('upper'),
  islower: classifier('lower'),
  ispunct: classifier('punct'),
  isprint: classifier('print'),
  isxdigit: classifier('xdigit'),
  toupper: native('i32', (c) => toUpper(c.i32(0))),
  tolower: native('i32', (c) => toLower(c.i32(0))),
};
