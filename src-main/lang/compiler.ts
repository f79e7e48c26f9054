/**
 * compile(): preprocess and parse every translation unit, generate code for all of them into one
 * assembly, and link it into a ProgramImage. Never throws on bad input: everything wrong is a
 * diagnostic. The runtime's own diagnostics are internal errors, never the student's.
 */
import type { CompileOptions, CompileResult } from './compile.ts';
import { DiagnosticBag, type Diagnostic } from './diagnostics.ts';
import type { SourceFile } from './image.ts';
import type { InitPiece, Pos, Sym, Unit } from './ast.ts';
import { preprocess } from './preprocess.ts';
import { parseUnit } from './parser.ts';
import { Assembly, symbolInfo, type DataPiece, type ObjectDef } from './assembly.ts';
import { constValue } from './consteval.ts';
import { generateFunction } from './codegen.ts';
import { BuiltinWrappers } from './builtin-wrappers.ts';
import { link } from './link.ts';
import { PREBUILT_RUNTIME_OBJECTS } from './prebuilt-runtime.ts';
import { addRuntimeObjects, appendRuntimeCode, deserializeRuntimeObject, runtimeKey, runtimeObjectOf, usable, type RuntimeObject } from './runtime-object.ts';
import { headerDeclaring } from './headers.ts';
import { builtinId } from './builtins.ts';
import { sizeOf, alignOf, type CType } from './types.ts';
import { CompileCancelledError, CompileLimitError, isStackOverflow, timedCompilation, untimed } from './limits.ts';

const INTERNAL = "internal error in the lab's C runtime: ";

interface ParsedUnit {
  unit: Unit;
  runtime: boolean;
  bag: DiagnosticBag;
}

/**
 * Compiles and links a program. See CompileOptions and CompileResult (compile.ts). Within its
 * time limit (limits.ts MAX_COMPILE_MS: beyond it, a diagnostic); throws CompileCancelledError
 * when the job that asked for it is cancelled.
 */
export function compile(options: CompileOptions): CompileResult {
  return timedCompilation(() => compileTimed(options));
}

function compileTimed(options: CompileOptions): CompileResult {
  const userBag = new DiagnosticBag();
  const runtimeBag = new DiagnosticBag();
  const runtime = options.runtime ?? [];
  const parsed: ParsedUnit[] = [];
  options.files.forEach((file, index) => parseInto(parsed, file, index, false, userBag));
  // the runtime compiled once (runtime-object.ts), unless this program could change how it compiles
  const object = runtime.length > 0 && options.reuseRuntime !== false ? runtimeObjectFor(runtime, options.files.length) : null;
  const useObject = object !== null && usable(object, definedFunctions(parsed), definedObjects(parsed));
  if (!useObject && !(object && userBag.hasErrors)) {
    runtime.forEach((file, i) => parseInto(parsed, file, options.files.length + i, true, runtimeBag));
  }

  const mainFile = options.files[0]?.name ?? 'prog.c';
  let image = null;
  if (!userBag.hasErrors && !runtimeBag.hasErrors) {
    try {
      image = build(parsed, useObject ? object : null, userBag, runtimeBag, mainFile, options);
    } catch (e) {
      reportFailure(userBag, mainFile, e, 'program');
    }
  }
  const diagnostics = [...sortDiagnostics(userBag.items, options.files.map((f) => f.name)), ...internalErrors(runtimeBag)];
  const ok = !diagnostics.some((d) => d.severity === 'error') && image !== null;
  return { ok, diagnostics, image: ok ? image : null };
}

/**
 * A compilation that stopped: a budget that ran out (limits.ts) or a program nested beyond the
 * compiler's stack is the program's diagnostic; anything else is the lab's own failure.
 */
function reportFailure(bag: DiagnosticBag, fileName: string, e: unknown, what: 'file' | 'program'): void {
  if (e instanceof CompileCancelledError) throw e;
  if (e instanceof CompileLimitError) {
    bag.error(e.at.file, e.at.line, e.at.column, 1, e.message);
  } else if (isStackOverflow(e)) {
    bag.error(fileName, 1, 1, 1, `this ${what} is nested too deeply for the lab's compiler (expressions or statements inside each other thousands of levels deep)`);
  } else {
    bag.error(fileName, 1, 1, 1, `the compiler failed on this ${what} (${(e as Error).message}); please report it`);
  }
}

/** Preprocesses and parses one translation unit into `parsed` (a compiler failure is a diagnostic). */
function parseInto(parsed: ParsedUnit[], file: SourceFile, index: number, runtime: boolean, bag: DiagnosticBag): void {
  try {
    const tokens = preprocess(file, bag);
    parsed.push({ unit: parseUnit(tokens, index, file.name, bag), runtime, bag });
  } catch (e) {
    reportFailure(bag, file.name, e, 'file');
  }
}

/** Runtime objects by runtimeKey (null: the runtime does not compile alone). */
const runtimeObjects = new Map<string, RuntimeObject | null>();

/** The runtime compiled once: built at build time (prebuilt-runtime.ts), else on first use in this process. */
function runtimeObjectFor(runtime: SourceFile[], firstUnit: number): RuntimeObject | null {
  const key = runtimeKey(runtime, firstUnit);
  let object = runtimeObjects.get(key);
  if (object === undefined) {
    const prebuilt = PREBUILT_RUNTIME_OBJECTS.find((json) => json.startsWith(`{"key":${JSON.stringify(key)},`));
    object = prebuilt ? deserializeRuntimeObject(prebuilt) : untimed(() => compileRuntimeObject(runtime, firstUnit));
    runtimeObjects.set(key, object);
  }
  return object;
}

/**
 * Compiles the runtime's units on their own, as units firstUnit, firstUnit + 1, …; null when
 * they do not compile alone into something appendRuntimeCode can place (errors, or addresses of
 * library functions, whose wrappers the whole program shares).
 */
export function compileRuntimeObject(runtime: SourceFile[], firstUnit: number): RuntimeObject | null {
  const bag = new DiagnosticBag();
  const parsed: ParsedUnit[] = [];
  runtime.forEach((file, i) => parseInto(parsed, file, firstUnit + i, true, bag));
  if (bag.hasErrors) return null;
  const asm = new Assembly();
  for (const f of runtime) asm.fileIndex(f.name);
  const definedBy = new Map<string, number>();
  for (const p of parsed) for (const fn of p.unit.functions) if (!definedBy.has(fn.sym.linkName)) definedBy.set(fn.sym.linkName, p.unit.index);
  for (const p of parsed) registerObjects(asm, p, bag);
  const asked: string[] = [];
  let wrappers = false;
  try {
    for (const p of parsed) {
      for (const fn of p.unit.functions) {
        if (definedBy.get(fn.sym.linkName) !== p.unit.index) continue;
        generateFunction(fn, {
          asm, unit: p.unit.index, diags: bag,
          isDefinedFunction: (linkName) => (asked.push(linkName), definedBy.has(linkName)),
          builtinAddress: () => ((wrappers = true), undefined),
        });
      }
    }
  } catch {
    return null;
  }
  if (bag.hasErrors || wrappers) return null;
  // the answer changes the code only for library functions: a call to one goes to the library unless a unit defines it
  return runtimeObjectOf(asm, runtimeKey(runtime, firstUnit), firstUnit, asked.filter((name) => builtinId(name) >= 0));
}

/** Link names of the functions the units define. */
function definedFunctions(parsed: ParsedUnit[]): string[] {
  return parsed.flatMap((p) => p.unit.functions.map((fn) => fn.sym.linkName));
}

/** Link names of the objects the units define (what registerObjects places). */
function definedObjects(parsed: ParsedUnit[]): string[] {
  const names: string[] = [];
  for (const p of parsed) {
    for (const sym of [...p.unit.globals, ...p.unit.statics, ...p.unit.functions.flatMap((fn) => fn.statics)]) {
      if (definesObject(sym)) names.push(sym.linkName);
    }
  }
  return names;
}

function internalErrors(bag: DiagnosticBag): Diagnostic[] {
  return bag.items.filter((d) => d.severity === 'error').map((d) => ({ ...d, message: INTERNAL + d.message }));
}

/** Errors and warnings in source order (stable: same place keeps the order found). */
function sortDiagnostics(items: Diagnostic[], files: string[]): Diagnostic[] {
  const rank = (f: string): number => {
    const i = files.indexOf(f);
    return i < 0 ? files.length : i;
  };
  return items
    .map((d, i) => ({ d, i }))
    .sort((a, b) => rank(a.d.file) - rank(b.d.file) || a.d.line - b.d.line || a.d.column - b.d.column || a.i - b.i)
    .map((x) => x.d);
}

/** Generates and links the program: the parsed units, then the runtime (parsed with them, or its compiled `object`). */
function build(parsed: ParsedUnit[], object: RuntimeObject | null, userBag: DiagnosticBag, runtimeBag: DiagnosticBag, mainFile: string, options: CompileOptions) {
  const asm = new Assembly();
  for (const f of options.files) asm.fileIndex(f.name);
  for (const f of options.runtime ?? []) asm.fileIndex(f.name);

  // which unit's definition of each function is linked (the program's own wins over the runtime's)
  const definedBy = new Map<string, number>();
  for (const p of parsed) {
    for (const fn of p.unit.functions) {
      const name = fn.sym.linkName;
      const prior = definedBy.get(name);
      if (prior === undefined) definedBy.set(name, p.unit.index);
      else if (!parsed.find((q) => q.unit.index === prior)!.runtime && !p.runtime) {
        const pos = fn.pos;
        userBag.error(pos.file, pos.line, pos.column, pos.length ?? 1, `multiple definition of \`${fn.sym.name}'`);
      }
    }
  }
  for (const f of object?.functions ?? []) if (!definedBy.has(f.linkName)) definedBy.set(f.linkName, f.unit);
  // the runtime's units come after the program's
  const bagOf = (unit: number): DiagnosticBag => (unit >= options.files.length ? runtimeBag : userBag);

  for (const p of parsed) registerObjects(asm, p, userBag);
  if (object) addRuntimeObjects(asm, object);

  const wrappers = new BuiltinWrappers();
  for (const p of parsed) {
    for (const fn of p.unit.functions) {
      if (definedBy.get(fn.sym.linkName) !== p.unit.index) continue;
      generateFunction(fn, {
        asm, unit: p.unit.index, diags: p.bag,
        isDefinedFunction: (linkName) => definedBy.has(linkName),
        builtinAddress: (sym) => wrappers.request(sym),
      });
    }
  }
  if (object) appendRuntimeCode(asm, object);
  wrappers.emit(asm);

  const reported = new Set<string>();
  const hasStart = parsed.some((p) => p.runtime && p.unit.functions.some((f) => f.sym.name === '_start')) || !!object?.functions.some((f) => f.symbol.name === '_start');
  const image = link(asm, userBag, {
    name: options.programName ?? mainFile.replace(/\.c$/, '').replace(/^.*\//, ''),
    entry: hasStart ? '_start' : 'main',
    undefinedReference: (name: string, pos: Pos, unit: number) => {
      if (reported.has(name)) return;
      reported.add(name);
      const runtime = bagOf(unit) === runtimeBag;
      if (name === 'main' && (runtime || unit === 0)) {
        if (reported.has('main!')) return;
        reported.add('main!');
        userBag.error(mainFile, 1, 1, 1, "undefined reference to `main'", 'every program needs a function int main(void) where it starts');
      } else if (runtime) {
        runtimeBag.error(pos.file, pos.line, pos.column, pos.length ?? 1, `undefined reference to \`${name}'`);
      } else {
        const header = headerDeclaring(name);
        userBag.error(pos.file, pos.line, pos.column, pos.length ?? name.length, `undefined reference to \`${name}'`,
          header
            ? `<${header}> declares '${name}' but the lab's C library does not provide it`
            : `'${name}' is declared but no definition was found; write the function, or check its spelling`);
      }
    },
  });
  if (!parsed.some((p) => !p.runtime && p.unit.functions.some((f) => f.sym.name === 'main')) && !reported.has('main!')) {
    userBag.error(mainFile, 1, 1, 1, "undefined reference to `main'", 'every program needs a function int main(void) where it starts');
    return null;
  }
  if (userBag.hasErrors || runtimeBag.hasErrors) return null;
  return image;
}

/** Puts every object with static storage in rodata, data or bss (one definition per name). */
function registerObjects(asm: Assembly, p: ParsedUnit, userBag: DiagnosticBag): void {
  const add = (sym: Sym): void => {
    if (!definesObject(sym)) return;
    const existing = asm.objects.get(sym.linkName);
    const pieces = sym.pieces ?? [];
    if (existing) {
      if (existing.pieces.length > 0 && pieces.length > 0 && existing.sym !== sym) {
        const pos = sym.pos;
        if (!p.runtime) userBag.error(pos.file, pos.line, pos.column, pos.length ?? 1, `multiple definition of \`${sym.name}'`);
        return;
      }
      if (pieces.length === 0) return;
    }
    let type = sym.type;
    if (type.kind === 'array' && type.length === undefined) type = { ...type, length: 1 };
    const def: ObjectDef = {
      sym, symbol: symbolInfo(sym), pos: sym.pos, linkName: sym.linkName, size: Math.max(1, sizeOf(type)), align: Math.max(1, alignOf(type)),
      section: pieces.length === 0 ? 'bss' : isReadOnly(type) ? 'rodata' : 'data', pieces: dataPieces(pieces), unit: p.unit.index,
    };
    asm.objects.set(sym.linkName, def);
  };
  for (const g of p.unit.globals) add(g);
  for (const s of p.unit.statics) add(s);
  for (const fn of p.unit.functions) for (const s of fn.statics) add(s);
}

/** True when `sym` is an object with static storage this unit defines (a definition, or a tentative one). */
function definesObject(sym: Sym): boolean {
  if (sym.kind !== 'var' || sym.poisoned) return false;
  if (sym.storage === 'extern' && !sym.defined) return false;
  return sym.defined === true || sym.storage === 'static' || sym.storage === 'global';
}

/** An initialiser's pieces as the linker writes them: constant expressions evaluated (a piece that is not constant is left out). */
function dataPieces(pieces: InitPiece[]): DataPiece[] {
  const out: DataPiece[] = [];
  for (const p of pieces) {
    if (p.k === 'bytes') {
      out.push(p);
      continue;
    }
    const v = constValue(p.expr);
    if (!v) continue;
    const layout = { offset: p.offset, size: sizeOf(p.type), float: p.type.kind === 'float' ? 32 : p.type.kind === 'double' ? 64 : 0 } as const;
    if (v.k === 'addr') {
      const target = v.sym ? { sym: v.sym.linkName } : { bytes: v.str! };
      out.push({ k: 'address', ...layout, target, addend: v.offset });
    } else {
      out.push({ k: 'number', ...layout, value: v.value });
    }
  }
  return out;
}

function isReadOnly(t: CType): boolean {
  let x = t;
  while (x.kind === 'array') x = x.base!;
  return !!x.isConst;
}
