/**
 * stdlib.h functions implemented natively: number conversion (atoi, strtol…), abs, rand/srand
 * and the environment (getenv, setenv, unsetenv). malloc, exit and friends are C in the runtime
 * (crt.ts); abort is the kernel's (a signal). long and long long are both 64-bit (x86-64).
 */
import { native, type NativeCall, type NativeFunction, type NativeTable } from './native.ts';
import { parseDouble, parseInteger } from './strconv.ts';
import { roundToFloat } from './strtof.ts';
import { EINVAL, ERANGE } from './errno-names.ts';
import { nextRandom, seedRandom } from './random.ts';
import { getEnv, setEnv, unsetEnv, type EnvironmentAreas, type EnvResult } from './environ.ts';

/** Size of the runtime's `char __lab_envspace[]` (crt.ts). */
const ENVSPACE_SIZE = 4096;

/** Whether strtol accepts `base`: 0 (guess from the prefix) or 2..36. */
function isValidBase(base: number): boolean {
  return base === 0 || (base >= 2 && base <= 36);
}

/**
 * strtol and friends: converts the string argument 0 in base argument 2 (glibc's rules, see
 * strconv.ts), stores the end through argument 1 when it is not NULL, sets errno to ERANGE on
 * overflow; returns the value. A bad base sets EINVAL, returns 0 and leaves *endptr alone, as
 * glibc does.
 */
function strtoInteger(c: NativeCall, unsigned: boolean): bigint {
  const base = c.i32(2);
  if (!isValidBase(base)) {
    c.setErrno(EINVAL);
    return 0n;
  }
  const start = c.ptr(0);
  const parsed = parseInteger(c.mem.cString(start), 0, base, unsigned ? 'ulong' : 'long');
  const endptr = c.ptr(1);
  if (endptr !== 0) c.mem.setPointer(endptr, start + parsed.end);
  if (parsed.erange) c.setErrno(ERANGE);
  return parsed.value;
}

/** atol/atoll: strtol(s, NULL, 10), errno included (glibc's atoi is exactly that call). */
function decimal(c: NativeCall): bigint {
  const parsed = parseInteger(c.mem.cString(c.ptr(0)), 0, 10, 'long');
  if (parsed.erange) c.setErrno(ERANGE);
  return parsed.value;
}

/** labs/llabs on a 64-bit value: |LONG_MIN| wraps back to LONG_MIN, as on the hardware. */
function abs64(v: bigint): bigint {
  return BigInt.asIntN(64, v < 0n ? -v : v);
}

function environment(c: NativeCall): EnvironmentAreas {
  return { environ: c.staticBuffer('environ'), space: c.staticBuffer('envspace'), size: ENVSPACE_SIZE };
}

/** Sets errno from an environment operation and returns its C result. */
function envResult(c: NativeCall, r: EnvResult): number {
  if (r.errno) c.setErrno(r.errno);
  return r.result;
}

/**
 * strtod and strtof: the number at argument 0 (glibc's syntax, strconv.ts), the end stored
 * through argument 1 unless it is NULL, ERANGE on overflow and underflow.
 */
function strtoFloating(c: NativeCall, float: boolean): number {
  const start = c.ptr(0);
  const text = c.mem.cString(start);
  const parsed = parseDouble(text, 0);
  if (c.ptr(1) !== 0) c.mem.setPointer(c.ptr(1), start + parsed.end);
  if (!float) {
    if (parsed.erange) c.setErrno(ERANGE);
    return parsed.value;
  }
  const value = roundToFloat(text.subarray(0, parsed.end), parsed.value);
  if (parsed.erange || (value === 0 && parsed.value !== 0) || (!Number.isFinite(value) && Number.isFinite(parsed.value))) c.setErrno(ERANGE);
  return value;
}

const strtolNative: NativeFunction = native('i64', (c) => strtoInteger(c, false));
const strtoulNative: NativeFunction = native('i64', (c) => strtoInteger(c, true));
const atolNative: NativeFunction = native('i64', decimal);

/** The stdlib.h natives, keyed by C name (long and long long share one implementation). */
export const STDLIB_NATIVES: NativeTable = {
  atoi: native('i32', (c) => Number(BigInt.asIntN(32, decimal(c)))),
  atol: atolNative,
  atoll: atolNative,
  strtol: strtolNative,
  strtoll: strtolNative,
  strtoul: strtoulNative,
  strtoull: strtoulNative,
  strtod: native('f64', (c) => strtoFloating(c, false)),
  strtof: native('f64', (c) => strtoFloating(c, true)),
  atof: native('f64', (c) => parseDouble(c.mem.cString(c.ptr(0)), 0).value),
  abs: native('i32', (c) => Math.abs(c.i32(0)) | 0),
  labs: native('i64', (c) => abs64(c.i64(0))),
  llabs: native('i64', (c) => abs64(c.i64(0))),
  rand: native('i32', (c) => nextRandom(c.mem, c.staticBuffer('rand'))),
  srand: native('void', (c) => {
    seedRandom(c.mem, c.staticBuffer('rand'), c.u32(0));
    return undefined;
  }),
  getenv: native('ptr', (c) => getEnv(c.mem, environment(c), c.ptr(0))),
  setenv: native('i32', (c) => envResult(c, setEnv(c.mem, environment(c), c.ptr(0), c.ptr(1), c.i32(2) !== 0))),
  unsetenv: native('i32', (c) => envResult(c, unsetEnv(c.mem, environment(c), c.ptr(0)))),
};
