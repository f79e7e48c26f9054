/**
 * The program being assembled: code of every translation unit in one array, the objects that
 * go into rodata, data and bss, string literals, and the relocations the linker patches once
 * addresses are known. Code generation fills it; link.ts lays it out into a ProgramImage.
 */
import type { CallAsWritten, LineEntry, LocalSymbol } from './image.ts';
import type { Pos, Sym } from './ast.ts';
import { typeToString } from './types.ts';

/** What a relocation points at: a symbol by link name, or a string literal by index. */
export type RelocTarget = { sym: string } | { str: number };

export interface CodeReloc {
  /** index of the first operand word to patch */
  at: number;
  /** 'addr': PUSH_PTR lo/hi gets an address; 'call': CALL's entry operand gets the entry pc */
  kind: 'addr' | 'call';
  target: RelocTarget;
  addend: number;
  /** where the reference was written (for "undefined reference") */
  pos: Pos;
  unit: number;
}

/** What the image's symbol table says of a function or an object (ImageSymbol, without the address). */
export interface SymbolInfo {
  name: string;
  /** the C type, as typeToString writes it */
  type: string;
  binding: 'global' | 'static';
  file: string;
  line: number;
  /** for statics inside a function: that function's name */
  scope?: string;
}

/** The symbol-table facts of a function or an object symbol. */
export function symbolInfo(sym: Sym): SymbolInfo {
  const info: SymbolInfo = {
    name: sym.name, type: typeToString(sym.type), binding: sym.storage === 'static' ? 'static' : 'global',
    file: sym.pos.file, line: sym.pos.line,
  };
  if (sym.scopeFunction) info.scope = sym.scopeFunction;
  return info;
}

/**
 * A piece of an object's initial contents, as the linker writes it: bytes, or a scalar of `size`
 * bytes (a float or double when `float` says so) holding a number or an address (of a symbol
 * or of a string literal, plus `addend`).
 */
export type DataPiece =
  | { k: 'bytes'; offset: number; bytes: Uint8Array }
  | { k: 'number'; offset: number; size: number; float: 32 | 64 | 0; value: bigint | number }
  | { k: 'address'; offset: number; size: number; float: 32 | 64 | 0; target: { sym: string } | { bytes: Uint8Array }; addend: number };

export interface ObjectDef {
  /** the definition's symbol (null for an object of a precompiled runtime, runtime-object.ts) */
  sym: Sym | null;
  symbol: SymbolInfo;
  /** where it is defined (an undefined reference in its initialiser is reported there) */
  pos: Pos;
  linkName: string;
  size: number;
  align: number;
  section: 'rodata' | 'data' | 'bss';
  pieces: DataPiece[];
  unit: number;
}

export interface FunctionCode {
  symbol: SymbolInfo;
  linkName: string;
  unit: number;
  entryPc: number;
  endPc: number;
  frameSize: number;
  locals: LocalSymbol[];
  file: string;
  line: number;
  returnsVoid: boolean;
  /** see FunctionInfo.fallOffPc */
  fallOffPc?: number;
}

const bitsView = new Float64Array(1);
const bitsWords = new Uint32Array(bitsView.buffer);

export class Assembly {
  readonly code: number[] = [];
  /** constants for PUSH_F64, kept as their bit patterns (a JS array would lose a NaN's sign) */
  private f64Values = new Float64Array(16);
  private f64Count = 0;
  private readonly f64Index = new Map<string, number>();
  readonly strings: Uint8Array[] = [];
  private readonly stringIndex = new Map<string, number>();
  readonly codeRelocs: CodeReloc[] = [];
  readonly objects = new Map<string, ObjectDef>();
  readonly functions = new Map<string, FunctionCode>();
  readonly functionOrder: FunctionCode[] = [];
  readonly lines: LineEntry[] = [];
  readonly files: string[] = [];
  readonly builtinsUsed = new Set<string>();
  /** library calls compiled as something else (gcc-folding.ts), by the pc of what replaced them */
  readonly callsAsWritten: CallAsWritten[] = [];

  fileIndex(name: string): number {
    let i = this.files.indexOf(name);
    if (i < 0) {
      i = this.files.length;
      this.files.push(name);
    }
    return i;
  }

  /** Index of a constant in f64Consts (shared by constants with the same bits: -0, NaNs kept distinct). */
  f64(value: number): number {
    bitsView[0] = value;
    const key = `${bitsWords[1]}:${bitsWords[0]}`;
    let i = this.f64Index.get(key);
    if (i === undefined) {
      i = this.f64Count++;
      if (i === this.f64Values.length) {
        const bigger = new Float64Array(2 * i);
        bigger.set(this.f64Values);
        this.f64Values = bigger;
      }
      this.f64Values[i] = value;
      this.f64Index.set(key, i);
    }
    return i;
  }

  /** The PUSH_F64 constants, bit for bit. */
  get f64Consts(): Float64Array {
    return this.f64Values.slice(0, this.f64Count);
  }

  /** Index of a string literal (its bytes without the NUL; one copy of each distinct string). */
  string(bytes: Uint8Array): number {
    const key = Array.from(bytes).join(',');
    let i = this.stringIndex.get(key);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(bytes);
      this.stringIndex.set(key, i);
    }
    return i;
  }

  /** Records that code word `pc` starts a statement on `line`. */
  line(pc: number, file: string, line: number): void {
    const f = this.fileIndex(file);
    const last = this.lines[this.lines.length - 1];
    if (last && last.pc === pc) {
      last.file = f;
      last.line = line;
      return;
    }
    if (last && last.file === f && last.line === line) return;
    this.lines.push({ pc, file: f, line });
  }
}
