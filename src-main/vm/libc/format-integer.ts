/**
 * Integer conversions of printf (%d %i %u %o %x %X %b %B, and %p for non-null pointers), laid out as
 * glibc's vfprintf does: sign, 0x prefix, precision zeros, digits, padded to the width.
 */
import type { ByteWriter } from './byte-writer.ts';
import type { ResolvedSpec } from './printf-spec.ts';

const SPACE = 0x20;
const ZERO = 0x30;

/**
 * Writes one integer conversion. `magnitude` is |value| written in `base` (upper case for %X),
 * "0" for zero. `signed` says whether the + and space flags apply (d, i and p; not u o x X).
 * `hexPrefix` is what # puts before a non-zero value: "0x" "0X" "0b" "0B", or "" (octal's
 * extra leading 0 is handled here from `base`).
 */
export function writeInteger(
  out: ByteWriter, spec: ResolvedSpec, magnitude: string, negative: boolean,
  base: number, signed: boolean, hexPrefix: string,
): void {
  const isZero = magnitude === '0';
  let precision = spec.precision;
  let zeroPad = spec.zero;
  if (precision < 0) precision = 1;
  else zeroPad = false; // a precision cancels the 0 flag for integers
  let digits = precision === 0 && isZero ? '' : magnitude;
  if (spec.alt && base === 8 && (isZero ? digits === '' : precision <= digits.length)) digits = '0' + digits;
  const zeros = Math.max(0, precision - digits.length);
  const sign = negative ? '-' : signed && spec.plus ? '+' : signed && spec.space ? ' ' : '';
  const prefix = spec.alt && !isZero ? hexPrefix : '';
  const padding = spec.width - (sign.length + prefix.length + zeros + digits.length);
  if (!spec.left && !zeroPad) out.repeat(SPACE, padding);
  out.ascii(sign);
  out.ascii(prefix);
  out.repeat(ZERO, zeros + (!spec.left && zeroPad ? padding : 0));
  out.ascii(digits);
  if (spec.left) out.repeat(SPACE, padding);
}
