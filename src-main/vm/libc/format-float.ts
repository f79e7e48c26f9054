/**
 * Floating point conversions of printf (%f %F %e %E %g %G %a %A) with glibc's exact digits and
 * layout: inf/nan words, sign, 0x prefix for %a, zero or space padding.
 */
import type { ByteWriter } from './byte-writer.ts';
import type { ResolvedSpec } from './printf-spec.ts';
import { fixedDigits, hexDigits, longDoubleHexDigits, scientificDigits, signBit } from './float-decimal.ts';

const SPACE = 0x20;
const ZERO = 0x30;

/** "e+05" style exponent: sign and at least two digits. */
function exponentText(letter: string, exponent: number): string {
  const digits = Math.abs(exponent).toString();
  return letter + (exponent < 0 ? '-' : '+') + (digits.length < 2 ? '0' + digits : digits);
}

/** Digits with a point only when there is a fraction or # asks for it. */
function joinPoint(integer: string, fraction: string, alt: boolean): string {
  return fraction.length > 0 || alt ? integer + '.' + fraction : integer;
}

/** %f body of |x|. */
function fixedStyle(x: number, precision: number, alt: boolean): string {
  const { integer, fraction } = fixedDigits(x, precision);
  return joinPoint(integer, fraction, alt);
}

/** %e body of |x|. */
function scientificStyle(x: number, precision: number, alt: boolean): string {
  const { digits, exponent } = scientificDigits(x, precision);
  return joinPoint(digits[0], digits.slice(1), alt) + exponentText('e', exponent);
}

/** Drops trailing zeros of the fraction, and the point if nothing is left after it (%g). */
function trimFraction(body: string): string {
  const point = body.indexOf('.');
  if (point < 0) return body;
  let end = body.length;
  while (end > point + 1 && body.charCodeAt(end - 1) === ZERO) end--;
  if (end === point + 1) end = point;
  return body.slice(0, end);
}

/**
 * %g body of |x|: %e style when the exponent is < -4 or >= the precision, else %f style.
 * glibc quirk: when %f style was chosen but rounding carries to 10^precision (999999.5 with
 * %#g), glibc switches to %e style keeping only the fraction digits %f style had (none), so
 * %#g prints "1.e+06" where C asks for "1.00000e+06".
 */
function generalStyle(x: number, requested: number, alt: boolean): string {
  const precision = requested < 0 ? 6 : requested === 0 ? 1 : requested;
  const { exponent, carried } = scientificDigits(x, precision - 1);
  if (alt && carried && exponent === precision) return '1.' + exponentText('e', exponent);
  let body: string;
  if (exponent < precision && exponent >= -4) body = fixedStyle(x, precision - 1 - exponent, alt);
  else body = scientificStyle(x, precision - 1, alt);
  if (alt) return body;
  const e = body.indexOf('e');
  return e < 0 ? trimFraction(body) : trimFraction(body.slice(0, e)) + body.slice(e);
}

/** %a body of |x| without the 0x prefix (%La: as an x87 long double). */
function hexStyle(x: number, precision: number, alt: boolean, longDouble: boolean): string {
  const { leading, fraction, exponent } = longDouble ? longDoubleHexDigits(x, precision) : hexDigits(x, precision);
  return joinPoint(leading.toString(16), fraction, alt) + (exponent < 0 ? 'p-' : 'p+') + Math.abs(exponent);
}

/** The conversion's text for |x| (finite), lower case, without sign and without %a's 0x. */
function bodyOf(x: number, spec: ResolvedSpec, lower: number): string {
  switch (lower) {
    case 0x66: return fixedStyle(x, spec.precision < 0 ? 6 : spec.precision, spec.alt); // f
    case 0x65: return scientificStyle(x, spec.precision < 0 ? 6 : spec.precision, spec.alt); // e
    case 0x67: return generalStyle(x, spec.precision, spec.alt); // g
    default: return hexStyle(x, spec.precision, spec.alt, spec.longDouble); // a
  }
}

/** Writes one floating point conversion (spec.conversion is one of f F e E g G a A). */
export function writeFloat(out: ByteWriter, spec: ResolvedSpec, x: number): void {
  const lower = spec.conversion | 0x20;
  const upper = spec.conversion !== lower;
  const sign = signBit(x) ? '-' : spec.plus ? '+' : spec.space ? ' ' : '';
  const finite = Number.isFinite(x);
  let body = finite ? bodyOf(x, spec, lower) : Number.isNaN(x) ? 'nan' : 'inf';
  let prefix = finite && lower === 0x61 ? '0x' : '';
  if (upper) {
    body = body.toUpperCase();
    prefix = prefix.toUpperCase();
  }
  const zeroPad = spec.zero && finite;
  const padding = spec.width - (sign.length + prefix.length + body.length);
  if (!spec.left && !zeroPad) out.repeat(SPACE, padding);
  out.ascii(sign);
  out.ascii(prefix);
  if (!spec.left && zeroPad) out.repeat(ZERO, padding);
  out.ascii(body);
  if (spec.left) out.repeat(SPACE, padding);
}
