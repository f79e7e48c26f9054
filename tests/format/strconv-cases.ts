/**
 * strtol / strtoul / strtod inputs compared with glibc: bases, prefixes, signs, white space,
 * overflow, "0x" without digits, inf/nan spellings, hex floats, rounding ties, underflow.
 */

export interface IntegerCase {
  input: string;
  base: number;
  kind: 'long' | 'ulong';
}

const INTEGER_INPUTS = [
  '0', '42', '-42', '+42', '  \t\n\v\f\r 17xyz', '   ', '', '+', '-', ' - 5', '0x', '0X', '0x1f', '0X1F', '0xg', '-0x1f',
  '  +0x7fffffffffffffff', '077', '08', '0', '00', '-0', '0b101', '1010', 'z', 'Z', 'zz', '123abc', '1e5', '9.5',
  '9223372036854775807', '9223372036854775808', '-9223372036854775808', '-9223372036854775809',
  '18446744073709551615', '18446744073709551616', '-18446744073709551615', '-18446744073709551616',
  '99999999999999999999999999999999999999999999x', '0x8000000000000000', '0xffffffffffffffff', '0x10000000000000000',
  '2147483647', '2147483648', '-2147483649', '4294967296', '0777777777777777777777', '01777777777777777777777',
  '02000000000000000000000', 'ZZZZZZZZZZZZZ', '1y2', '\u00a0 5',
];
const BASES = [0, 10, 16, 8, 2, 36, 1, 37, -1, 7];

/** Every integer input with the usual bases, for both strtol and strtoul. */
export function integerCases(): IntegerCase[] {
  const cases: IntegerCase[] = [];
  for (const input of INTEGER_INPUTS) {
    for (const base of BASES) {
      for (const kind of ['long', 'ulong'] as const) cases.push({ input, base, kind });
    }
  }
  return cases;
}

/** Decimal and hex spellings of pseudo-random values near and below DBL_MIN, where strtod's
 *  rounding and ERANGE rules are subtle; plus ordinary random values. Fixed seed. */
function randomDoubleInputs(): string[] {
  let state = 0x2545f4914f6cdd1dn;
  const view = new DataView(new ArrayBuffer(8));
  const inputs: string[] = [];
  for (let n = 0; n < 80; n++) {
    state ^= (state << 13n) & 0xffffffffffffffffn;
    state ^= state >> 7n;
    state ^= (state << 17n) & 0xffffffffffffffffn;
    const exponentField = n % 2 === 0 ? BigInt(n % 3) : (state >> 52n) & 0x7ffn;
    view.setBigUint64(0, (state & 0x800fffffffffffffn) | (exponentField << 52n));
    const v = view.getFloat64(0);
    if (!Number.isFinite(v)) continue;
    inputs.push(v.toPrecision(17), v.toPrecision(4), v.toExponential());
    const hex = (state & 0xfffffffffffffn).toString(16);
    inputs.push(`0x${n % 5}.${hex.slice(0, n % 14)}p-${1000 + (n % 80)}`);
  }
  return inputs;
}

/** strtod inputs. */
export function doubleCases(): string[] {
  return [...randomDoubleInputs(),
    '0', '-0', '+0.0', '1', '1.5', '-1.5e3', '1.5E+3x', '.5', '5.', '.', '-.', '.e1', 'e1', '1e', '1e+', '1e-x', '1.e2',
    '  \t\n 3.25', '0.1', '0.30000000000000004', '123456789012345678901234567890', '1e23', '8.5e-1', '9007199254740993',
    '9007199254740995', '2.5e-1', '1.7976931348623157e308', '1.7976931348623158e308', '1.7976931348623159e308', '1e309',
    '-1e309', '1e-400', '-1e-400', '2.2250738585072014e-308', '2.2250738585072013e-308', '2.2250738585072012e-308',
    '2.2250738585072011e-308', '4.9406564584124654e-324', '5e-324', '2.4703282292062327e-324', '2.4703282292062328e-324',
    '2.4703282292062327208828439643411068618252990130716238221279284125033775363510437593264991818081799618989828234772285886546332835517796989819938739800539093906315035659515570226392290858392449105184435931802849936536152500319370457678249219365623669863658480757001585769269903706311928279558551332927834338409351978015531246597263579574622766465272827220056374006485499977096599470454020828166226237857393450736339007967761930577506740176324673600968951340535537458516661134223766678604162159680461914467291840300530057530849048765391711386591646239524912623653881879636239373280423891018672348497668235089863388587925628302755995657524455507255189313690836254779186948667994968324049705821028513185451396213837722826145437693412532098591327667236328125e-324',
    '1e-320', '4e-320', '0x1p-1074', '0x1.8p-1074', '0x1p-1075', '0x1.0000000000001p-1075', '0x3p-1076', '0x1.fffffffffffffp-1023',
    '0x1.fffffffffffff8p-1023', '0x1.fffffffffffff7p-1023', '0x1p-1022', '0x1p1023', '0x1p1024', '0x1.fffffffffffffp1023',
    '0x1.fffffffffffff8p1023', '0x', '0X', '0x.', '0x.p1', '0x.8p1', '0xp1', '0x1P+', '0x1p', '0x1.8', '0X1.8P1', '-0x10',
    '0x1.00000000000008p0', '0x1.000000000000081p0', '0x1.00000000000018p0', '0x123456789abcdef0123p-20', '0x0.0000001p-1000',
    'inf', 'INF', '-inf', 'infinity', '-Infinity', 'infinit', 'infx', 'in', 'nan', 'NaN', '-nan', 'nan()', 'nan(123)x',
    'nan(abc_DEF)', 'nan(abc', 'nan(a-b)', 'nanx', 'n', '+', '-', '', '   ', 'x1', '1e99999999999999999999',
    '1e-99999999999999999999', '0e99999999', '000000000000000000000000001.5', '0.000000000000000000000000000001e30',
  ];
}
