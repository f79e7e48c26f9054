/**
 * A hand-made ProgramImage for the memory manager's tests (no compiler needed): `codeWords`
 * words of code, some rodata and data bytes, and a bss, at the addresses a real image uses.
 */
import type { ProgramImage } from '../../lang/image.ts';

export interface TestImageOptions {
  codeWords?: number;
  rodata?: Uint8Array;
  data?: Uint8Array;
  bssSize?: number;
  /** where rodata starts; the other segments follow it, page aligned to `align` */
  rodataBase?: number;
  align?: number;
}

/** An image whose code word i is 0x1000 * i + 7 (so each word is recognisable). */
export function makeTestImage(options: TestImageOptions = {}): ProgramImage {
  const codeWords = options.codeWords ?? 2000;
  const code = new Int32Array(codeWords);
  for (let i = 0; i < codeWords; i++) code[i] = (0x1000 * i + 7) | 0;
  const rodata = options.rodata ?? new TextEncoder().encode('hello, world\n\0');
  const data = options.data ?? Uint8Array.from({ length: 100 }, (_, i) => i + 1);
  const align = options.align ?? 4096;
  const up = (x: number) => Math.ceil(x / align) * align;
  const rodataBase = options.rodataBase ?? up(0x401000 + codeWords * 4);
  const dataBase = up(rodataBase + rodata.length);
  const bssBase = up(dataBase + data.length);
  return {
    version: 1,
    name: 'test',
    code,
    f64Consts: new Float64Array(0),
    rodataBase,
    rodata,
    dataBase,
    data,
    bssBase,
    bssSize: options.bssSize ?? 10000,
    entryPc: 0,
    symbols: [],
    functions: [],
    lines: [],
    files: [],
    builtinsUsed: [],
  };
}
