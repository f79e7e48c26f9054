/**
 * printf's argument list seen by argument number: either "the next one" in order (the usual
 * case), or numbered (`%2$d`), where every argument's type is learned from the whole format
 * first and all arguments are read up front, in order, as glibc's printf_positional does.
 */
import type { PrintfArgs } from './format.ts';
import { Length, parseSpec } from './printf-spec.ts';

/** Argument readers by 1-based number; 0 means "the next argument". */
export interface ArgumentSource {
  int32(index: number): number;
  int64(index: number): bigint;
  double(index: number): number;
  pointer(index: number): number;
}

/** Arguments read in order, ignoring numbers. */
class SequentialSource implements ArgumentSource {
  constructor(private readonly args: PrintfArgs) {}
  int32(): number { return this.args.int32(); }
  int64(): bigint { return this.args.int64(); }
  double(): number { return this.args.double(); }
  pointer(): number { return this.args.pointer(); }
}

/** Arguments read in order, ignoring numbers. */
export function sequentialSource(args: PrintfArgs): ArgumentSource {
  return new SequentialSource(args);
}

type ArgumentType = 'int32' | 'int64' | 'double' | 'pointer';
type ArgumentValue = number | bigint;

/** The type of argument a conversion reads, or null for %% and unknown conversions. */
function argumentType(conversion: number, length: Length): ArgumentType | null {
  switch (conversion) {
    case 0x64: case 0x69: case 0x75: case 0x6f: case 0x78: case 0x58: case 0x62: case 0x42: // d i u o x X b B
      return length === Length.Long ? 'int64' : 'int32';
    case 0x63: case 0x43: // c C
      return 'int32';
    case 0x66: case 0x46: case 0x65: case 0x45: case 0x67: case 0x47: case 0x61: case 0x41:
      return 'double';
    case 0x73: case 0x53: case 0x70: case 0x6e: // s S p n
      return 'pointer';
    default:
      return null;
  }
}

/** The type of every argument the format uses, by 1-based number (unused numbers: int). */
function argumentTypes(fmt: Uint8Array): ArgumentType[] {
  const types: ArgumentType[] = [];
  let next = 1;
  const use = (index: number, type: ArgumentType): void => {
    const n = index === 0 ? next++ : index;
    types[n] = type;
  };
  for (let i = fmt.indexOf(0x25); i >= 0; i = fmt.indexOf(0x25, i)) {
    const spec = parseSpec(fmt, i);
    if (spec.conversion === 0) break;
    if (spec.width?.kind === 'argument') use(spec.width.index, 'int32');
    if (spec.precision?.kind === 'argument') use(spec.precision.index, 'int32');
    const type = argumentType(spec.conversion, spec.length);
    if (type) use(spec.argIndex, type);
    i = spec.end;
  }
  for (let n = 1; n < types.length; n++) types[n] ??= 'int32';
  return types;
}

/** Reads all arguments the format numbers, in order, then serves them by number. */
export function positionalSource(fmt: Uint8Array, args: PrintfArgs): ArgumentSource {
  const types = argumentTypes(fmt);
  const values: ArgumentValue[] = [];
  for (let n = 1; n < types.length; n++) values[n] = args[types[n]]();
  let next = 1;
  const take = (index: number): ArgumentValue => values[index === 0 ? next++ : index] ?? 0;
  return {
    int32: (index) => Number(take(index)) | 0,
    int64: (index) => BigInt(take(index)),
    double: (index) => Number(take(index)),
    pointer: (index) => Number(take(index)),
  };
}
