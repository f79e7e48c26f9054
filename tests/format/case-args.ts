/**
 * A PrintfArgs over a test case's typed argument list: strings live at fake addresses 1, 2, ...
 * (0 is NULL), and reading an argument with the wrong reader fails the test.
 */
import type { PrintfArgs } from '../../src-main/vm/libc/format.ts';
import type { CaseArg, DoubleValue, PrintfCase } from './printf-cases.ts';

/** The double a case argument stands for. */
export function doubleValue(v: DoubleValue): number {
  switch (v) {
    case 'nan': return NaN;
    case '-nan': return new Float64Array(new BigUint64Array([0xfff8000000000000n]).buffer)[0];
    case '-0': return -0;
    case 'inf': return Infinity;
    case '-inf': return -Infinity;
    default: return v;
  }
}

/** Printf arguments for `c`, checking that each is read as the type it was passed with. */
export function caseArgs(c: PrintfCase): PrintfArgs {
  const strings: Uint8Array[] = [];
  let next = 0;
  const take = (expected: CaseArg['t'][]): CaseArg => {
    const arg = c.args[next++];
    if (!arg || !expected.includes(arg.t)) throw new Error(`${JSON.stringify(c.fmt)}: argument ${next} read as ${expected.join('/')} but is ${arg?.t}`);
    return arg;
  };
  return {
    int32: () => (take(['int']) as { v: number }).v | 0,
    int64: () => BigInt((take(['long']) as { v: string }).v),
    double: () => doubleValue((take(['double', 'ldouble']) as { v: DoubleValue }).v),
    pointer: () => {
      const arg = take(['str', 'ptr']);
      if (arg.t === 'ptr') return arg.v;
      if (arg.t !== 'str' || arg.v === null) return 0;
      strings.push(new TextEncoder().encode(arg.v));
      return strings.length;
    },
    cString: (address, maxLen) => {
      const bytes = strings[address - 1];
      return maxLen >= 0 ? bytes.subarray(0, maxLen) : bytes;
    },
  };
}
