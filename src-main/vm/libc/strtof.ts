/**
 * strtof's rounding: a decimal number rounded once, to the nearest float (ties to even), which
 * is not always the double nearest to it rounded again to a float. The two differ only when the
 * double lands exactly halfway between two floats; then the decimal itself decides.
 */
import { powerOfTen } from './float-decimal.ts';

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);

/** x (a finite double) as m × 2^e with integer m. */
function binaryParts(x: number): { m: bigint; e: number } {
  f64[0] = Math.abs(x);
  const bits = u64[0];
  const exponent = Number(bits >> 52n);
  const fraction = bits & ((1n << 52n) - 1n);
  return exponent === 0 ? { m: fraction, e: -1074 } : { m: fraction | (1n << 52n), e: exponent - 1075 };
}

/** The float `steps` places away from the (positive) float f. */
function neighbourFloat(f: number, steps: 1 | -1): number {
  const a = new Float32Array([f]);
  new Uint32Array(a.buffer)[0] += steps;
  return a[0];
}

/** The digits and power of ten of a decimal number's text (sign ignored), or null for other syntaxes. */
function decimalParts(text: Uint8Array): { digits: bigint; exponent: number } | null {
  let i = 0;
  if (text[i] === 0x2b || text[i] === 0x2d) i++;
  let digits = '';
  let exponent = 0;
  let point = false;
  for (; i < text.length; i++) {
    const b = text[i];
    if (b >= 0x30 && b <= 0x39) {
      digits += String.fromCharCode(b);
      if (point) exponent--;
    } else if (b === 0x2e && !point) point = true;
    else break;
  }
  if (digits === '') return null;
  if (i < text.length && (text[i] | 0x20) === 0x65) {
    const m = /^[eE]([+-]?\d+)/.exec(new TextDecoder().decode(text.subarray(i)));
    if (m) exponent += Math.max(-100000, Math.min(100000, Number(m[1])));
  }
  return { digits: BigInt(digits), exponent };
}

/**
 * The float nearest to the number written in `text` (decimal or hex, as strtod parsed it), given
 * `nearest`, the double nearest to it.
 */
export function roundToFloat(text: Uint8Array, nearest: number): number {
  const f = Math.fround(nearest);
  if (!Number.isFinite(nearest) || nearest === 0 || f === nearest) return f;
  const magnitude = Math.abs(nearest);
  let low = Math.fround(magnitude);
  if (low > magnitude) low = neighbourFloat(low, -1);
  const high = neighbourFloat(low, 1);
  const middle = (low + high) / 2;
  if (magnitude !== middle) return f;
  const parts = decimalParts(text);
  if (!parts) return f;
  // compare the decimal with the midpoint, exactly: digits × 10^exponent vs m × 2^e
  const { m, e } = binaryParts(middle);
  let left = parts.digits;
  let right = m;
  if (parts.exponent >= 0) left *= powerOfTen(parts.exponent);
  else right *= powerOfTen(-parts.exponent);
  if (e >= 0) right <<= BigInt(e);
  else left <<= BigInt(-e);
  const sign = nearest < 0 ? -1 : 1;
  if (left < right) return sign * low;
  if (left > right) return sign * high;
  // exactly halfway: ties to even
  const even = new Uint32Array(new Float32Array([low]).buffer)[0] % 2 === 0 ? low : high;
  return sign * even;
}
