/**
 * The program image: what the compiler produces and what exec loads. It is plain data (it can be
 * serialised to JSON except for the typed arrays, and is never mutated after compilation), so one
 * image is shared by every process that runs the program.
 *
 * Address space layout of a process (x86-64 Linux without PIE, so addresses look familiar):
 *   text     TEXT_BASE (0x401000)            code words, 4 bytes each, read-only
 *   rodata   image.rodataBase                string literals and const data, read-only
 *   data     image.dataBase                  initialised globals and statics, read-write
 *   bss      image.bssBase                   zero-initialised globals, read-write, pages on first touch
 *   heap     page-aligned after bss          grows with brk (malloc)
 *   stack    below STACK_TOP                 grows down, at most STACK_LIMIT bytes
 */

export const STACK_TOP = 0x7ffffffff000;
export const STACK_LIMIT = 8 * 1024 * 1024;
/** Largest bytes of a program's initial arguments and environment (E2BIG beyond). */
export const ARG_MAX = 128 * 1024;

export interface SourceFile {
  /** Name shown in diagnostics and the viewer, e.g. "prog.c" or "<stdio.h>". */
  name: string;
  text: string;
}

/** Where one instruction came from. */
export interface LineEntry {
  /** first code word of the run */
  pc: number;
  /** index into image.files */
  file: number;
  line: number;
}

/**
 * A library call that the compiler, as gcc -O0 does, replaced by its value or by a simpler call
 * (`printf("%s\n", s)` runs as `puts(s)`): the name the program wrote, at the pc where the
 * replacement starts (its CALL_BUILTIN, or the code that follows when no call is left).
 */
export interface CallAsWritten {
  pc: number;
  name: string;
  /** the library function called at pc instead; absent when no call is left (a folded strcmp) */
  compiledAs?: string;
}

/** A named object or function of the program, for the viewer and the debugger. */
export interface ImageSymbol {
  name: string;
  kind: 'function' | 'object';
  /** virtual address (for functions, the text address of the first instruction) */
  address: number;
  size: number;
  /** type as C would write it, e.g. "int [10]", "struct node *", "int (int, char **)" */
  type: string;
  /** 'global' | 'static' (file or function scope) */
  binding: 'global' | 'static';
  /** for statics inside a function: that function's name */
  scope?: string;
  /** index into image.files and the line of the definition */
  file: number;
  line: number;
}

/** A local variable or parameter, at a frame offset while the pc is in [startPc, endPc). */
export interface LocalSymbol {
  name: string;
  type: string;
  /** byte size, and the scalar kind when it is a scalar ('i8','u8','i16','u16','i32','u32','i64','u64','f32','f64','ptr') */
  size: number;
  scalar?: string;
  frameOffset: number;
  startPc: number;
  endPc: number;
}

export interface FunctionInfo {
  name: string;
  entryPc: number;
  endPc: number;
  frameSize: number;
  file: number;
  line: number;
  locals: LocalSymbol[];
  /** true when the function returns void */
  returnsVoid: boolean;
  /**
   * For a function that must return a value: the pc of the value it makes up when it reaches
   * its closing brace without `return` (memcheck warns when the caller uses that value).
   * Absent for void functions, struct returns and main.
   */
  fallOffPc?: number;
}

export interface ProgramImage {
  /** format version of this structure */
  version: 1;
  /** the program's name as exec sees it (argv[0] default), e.g. "prog" */
  name: string;
  code: Int32Array;
  /** constants for PUSH_F64 */
  f64Consts: Float64Array;
  rodataBase: number;
  rodata: Uint8Array;
  dataBase: number;
  data: Uint8Array;
  bssBase: number;
  bssSize: number;
  /** pc of _start (the C runtime's entry, which calls main and then exit) */
  entryPc: number;
  symbols: ImageSymbol[];
  functions: FunctionInfo[];
  /** sorted by pc; the line of pc p is the last entry with entry.pc <= p */
  lines: LineEntry[];
  files: string[];
  /** Builtins (library functions, system calls) the program calls, by name: the loader checks them. */
  builtinsUsed: string[];
  /** the library calls compiled as something else, sorted by pc (absent in images made before) */
  callsAsWritten?: CallAsWritten[];
}

/**
 * The name the program wrote for the library call whose CALL_BUILTIN is at code word `pc`:
 * `printf` for a printf compiled as puts (image.callsAsWritten), else `compiled`.
 */
export function callNameAsWritten(image: ProgramImage, pc: number, compiled: string): string {
  const calls = image.callsAsWritten;
  if (!calls) return compiled;
  let lo = 0;
  let hi = calls.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (calls[mid].pc < pc) lo = mid + 1;
    else hi = mid - 1;
  }
  for (let i = lo; i < calls.length && calls[i].pc === pc; i++) if (calls[i].compiledAs === compiled) return calls[i].name;
  return compiled;
}

/** The line-table entry that covers code word `pc` (binary search over image.lines), or null. */
export function lineEntryAt(image: ProgramImage, pc: number): LineEntry | null {
  const lines = image.lines;
  let lo = 0;
  let hi = lines.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid].pc <= pc) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found < 0 ? null : lines[found];
}

/** Finds the source position of code word `pc`. */
export function lineOf(image: ProgramImage, pc: number): { file: string; line: number } | null {
  const entry = lineEntryAt(image, pc);
  return entry ? { file: image.files[entry.file], line: entry.line } : null;
}

/** The function that contains code word `pc`, or null. */
export function functionAt(image: ProgramImage, pc: number): FunctionInfo | null {
  for (const f of image.functions) if (pc >= f.entryPc && pc < f.endPc) return f;
  return null;
}
