/**
 * The front end's one entry point: C source in, a program image (or diagnostics) out.
 *
 *   preprocess (preprocess.ts, headers.ts) → parse (parser.ts, ast.ts) → check types (sema.ts,
 *   types.ts) → generate bytecode (codegen.ts) → link the translation units (link.ts)
 */
import type { Diagnostic } from './diagnostics.ts';
import type { ProgramImage, SourceFile } from './image.ts';

export interface CompileOptions {
  /** The program's translation units; the first is the main file ("prog.c"). */
  files: SourceFile[];
  /**
   * More translation units linked into the program (the C runtime: _start, exit, malloc…). Their
   * diagnostics are internal errors, never shown to students as theirs.
   */
  runtime?: SourceFile[];
  /** argv[0] and image.name; default: the main file's name without ".c" */
  programName?: string;
  /**
   * false: compile the runtime together with the program instead of appending the runtime
   * compiled once (runtime-object.ts); both give the same image. Default true.
   */
  reuseRuntime?: boolean;
}

export interface CompileResult {
  ok: boolean;
  /** errors and warnings, in source order, errors and warnings of every file */
  diagnostics: Diagnostic[];
  /** null when there are errors */
  image: ProgramImage | null;
}

export { compile } from './compiler.ts';
