/**
 * Runtime objects: the runtime's translation units (the lab's C runtime, src-main/vm/libc/crt.ts)
 * compiled once, on their own, into code and data ready to be appended to any program, as a C
 * library's object file is to gcc's linker. compile() appends one after the program's own code
 * instead of compiling the runtime again with every program; the image is the same, word for
 * word, as when everything is compiled together (tests/engine/runtime-object.test.ts checks it
 * on the whole corpus). When a program could change how the runtime compiles (it defines a
 * function or an object the runtime defines, or a library function the runtime calls),
 * compile() compiles everything together instead (usable()).
 *
 * A runtime object is plain data: the build serialises the C runtime's (scripts/build-node.mjs,
 * prebuilt-runtime.ts), so the command line starts without compiling it.
 */
import { OPERANDS, Op } from './isa.ts';
import type { Assembly, CodeReloc, DataPiece, FunctionCode, ObjectDef } from './assembly.ts';
import type { LineEntry, SourceFile } from './image.ts';

export interface RuntimeObject {
  /** runtimeKey() of the sources it was compiled from, and the unit index of the first of them */
  key: string;
  firstUnit: number;
  /** code words; operands that depend on where the code lands are fixed by appendRuntimeObject */
  code: number[];
  /** constants, string literals and file names, in the order the code first used them */
  f64Consts: number[];
  strings: Uint8Array[];
  files: string[];
  /** pcs from 0; `file` indexes `files` */
  lines: LineEntry[];
  /** `str` targets index `strings` */
  codeRelocs: CodeReloc[];
  functions: FunctionCode[];
  objects: ObjectDef[];
  builtinsUsed: string[];
  /**
   * The library functions the runtime's code generator asked about ("does a unit define it?"):
   * a program defining one of them would have changed the runtime's code (a call to the
   * program's function instead of the library's).
   */
  asked: string[];
}

/** A key for the runtime's sources and where they are placed among the units (two 26-bit FNV-1a lanes). */
export function runtimeKey(runtime: readonly SourceFile[], firstUnit: number): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  let length = 0;
  for (const file of runtime) {
    for (const text of [file.name, '\0', file.text, '\0']) {
      length += text.length;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        a = Math.imul(a ^ c, 0x01000193) >>> 0;
        b = Math.imul(b ^ c, 0x000193af) >>> 0;
      }
    }
  }
  return `${firstUnit}:${length}:${a.toString(36)}:${b.toString(36)}`;
}

/**
 * True when appending `object` to a program gives the image compiling everything together
 * gives: the program defines no function the runtime defines or asked about, and no object the
 * runtime defines. `functions` and `objects` are the link names the program's units define.
 */
export function usable(object: RuntimeObject, functions: Iterable<string>, objects: Iterable<string>): boolean {
  const taken = new Set([...object.asked, ...object.functions.map((f) => f.linkName)]);
  for (const name of functions) if (taken.has(name)) return false;
  const data = new Set(object.objects.map((o) => o.linkName));
  for (const name of objects) if (data.has(name)) return false;
  return true;
}

/** The runtime's objects, in definition order, for the assembly before code generation. */
export function addRuntimeObjects(asm: Assembly, object: RuntimeObject): void {
  for (const o of object.objects) asm.objects.set(o.linkName, o);
}

/**
 * Appends the runtime's code after the program's (its objects went in with addRuntimeObjects):
 * constants, strings and files interned as its code generator would have interned them, jump
 * targets and code positions moved to where the code lands, relocations kept for the linker.
 */
export function appendRuntimeCode(asm: Assembly, object: RuntimeObject): void {
  const base = asm.code.length;
  const f64 = object.f64Consts.map((v) => asm.f64(v));
  const str = object.strings.map((s) => asm.string(s));
  for (const name of object.files) asm.fileIndex(name);
  const code = object.code;
  for (let pc = 0; pc < code.length; pc += 1 + OPERANDS[code[pc]]) {
    const op = code[pc];
    let word = code[pc + 1];
    if (op === Op.JMP || op === Op.JZ || op === Op.JNZ) word += base;
    else if (op === Op.PUSH_F64) word = f64[word];
    asm.code.push(op);
    if (OPERANDS[op] > 0) asm.code.push(word);
    for (let i = 2; i <= OPERANDS[op]; i++) asm.code.push(code[pc + i]);
  }
  object.lines.forEach((l, i) => {
    const file = object.files[l.file];
    // the first entry meets the program's last as the code generator's line() would; the rest are as compiled
    if (i === 0) asm.line(l.pc + base, file, l.line);
    else asm.lines.push({ pc: l.pc + base, file: asm.fileIndex(file), line: l.line });
  });
  for (const r of object.codeRelocs) {
    asm.codeRelocs.push({ ...r, at: r.at + base, target: 'str' in r.target ? { str: str[r.target.str] } : r.target });
  }
  for (const f of object.functions) {
    const moved: FunctionCode = {
      ...f, entryPc: f.entryPc + base, endPc: f.endPc + base, ...(f.fallOffPc !== undefined ? { fallOffPc: f.fallOffPc + base } : {}),
      locals: f.locals.map((l) => ({ ...l, startPc: l.startPc + base, endPc: l.endPc + base })),
    };
    asm.functions.set(moved.linkName, moved);
    asm.functionOrder.push(moved);
  }
  for (const name of object.builtinsUsed) asm.builtinsUsed.add(name);
}

/** The runtime part of an assembly that holds nothing else: the runtime compiled alone (compiler.ts). */
export function runtimeObjectOf(asm: Assembly, key: string, firstUnit: number, asked: Iterable<string>): RuntimeObject {
  return {
    key, firstUnit,
    code: [...asm.code],
    f64Consts: [...asm.f64Consts],
    strings: [...asm.strings],
    files: [...asm.files],
    lines: asm.lines.map((l) => ({ ...l })),
    codeRelocs: asm.codeRelocs.map((r) => ({ ...r })),
    functions: [...asm.functionOrder],
    objects: [...asm.objects.values()].map((o) => ({ ...o, sym: null })),
    builtinsUsed: [...asm.builtinsUsed],
    asked: [...new Set(asked)].sort(),
  };
}

/** JSON text of a runtime object (byte arrays as base64, 64-bit integers as decimal text). */
export function serializeRuntimeObject(object: RuntimeObject): string {
  return JSON.stringify(object, (_key, value: unknown) => {
    if (value instanceof Uint8Array) return { $bytes: bytesToBase64(value) };
    if (typeof value === 'bigint') return { $bigint: value.toString() };
    return value;
  });
}

/**
 * The runtime object serializeRuntimeObject wrote. JSON.parse without a reviver, then one walk:
 * a reviver calls back into JavaScript for each of the object's tens of thousands of values,
 * which made this a fifth of the time of compiling a small program.
 */
export function deserializeRuntimeObject(json: string): RuntimeObject {
  return revive(JSON.parse(json)) as RuntimeObject;
}

/** `value` with each { $bytes } in it replaced by its bytes and each { $bigint } by its BigInt (in place). */
function revive(value: object): unknown {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (item !== null && typeof item === 'object') value[i] = revive(item);
    }
    return value;
  }
  const v = value as Record<string, unknown>;
  if (typeof v.$bytes === 'string') return base64ToBytes(v.$bytes);
  if (typeof v.$bigint === 'string') return BigInt(v.$bigint);
  for (const key of Object.keys(v)) {
    const item = v[key];
    if (item !== null && typeof item === 'object') v[key] = revive(item);
  }
  return v;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function bytesToBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += BASE64[(n >> 18) & 63] + BASE64[(n >> 12) & 63];
    out += i + 1 < bytes.length ? BASE64[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? BASE64[n & 63] : '=';
  }
  return out;
}

function base64ToBytes(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let at = 0;
  for (const ch of clean) {
    value = (value << 6) | BASE64.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (value >> bits) & 0xff;
    }
  }
  return out;
}

export type { DataPiece };
