/**
 * The linker: lays the assembled program out into a ProgramImage. Text at TEXT_BASE (4 bytes per
 * code word), then rodata, data and bss, each on a new 4096-byte page after the previous one;
 * then patches every address (PUSH_PTR operands, CALL targets, pointers inside data) and fills
 * the symbol tables the viewer and debugger read.
 */
import { codeAddress } from './isa.ts';
import type { ImageSymbol, ProgramImage } from './image.ts';
import type { Assembly, DataPiece, ObjectDef, RelocTarget } from './assembly.ts';
import type { DiagnosticBag } from './diagnostics.ts';
import type { Pos } from './ast.ts';

const PAGE = 4096;
const TWO32 = 4294967296;

function pageAlign(n: number): number {
  return Math.ceil(n / PAGE) * PAGE;
}

export interface LinkOptions {
  name: string;
  entry: string;
  /** reports an undefined reference (the caller decides how to word runtime ones) */
  undefinedReference(name: string, pos: Pos, unit: number): void;
}

/** Lays out and patches the program. Returns null when a reference could not be resolved. */
export function link(asm: Assembly, diags: DiagnosticBag, opts: LinkOptions): ProgramImage | null {
  const errorsBefore = diags.items.filter((d) => d.severity === 'error').length;
  internDataStrings(asm);
  const textEnd = codeAddress(asm.code.length);
  const rodataBase = pageAlign(textEnd);

  // rodata: string literals, then const objects
  const addresses = new Map<string, number>();
  const stringAddr: number[] = [];
  const sections: Record<'rodata' | 'data' | 'bss', ObjectDef[]> = { rodata: [], data: [], bss: [] };
  for (const o of asm.objects.values()) sections[o.section].push(o);

  let rodataSize = 0;
  const stringOffsets: number[] = [];
  for (const s of asm.strings) {
    stringOffsets.push(rodataSize);
    rodataSize += s.length + 1;
  }
  rodataSize = placeObjects(sections.rodata, rodataSize, rodataBase, addresses);
  for (const off of stringOffsets) stringAddr.push(rodataBase + off);
  const dataBase = pageAlign(rodataBase + Math.max(rodataSize, 1));
  const dataSize = placeObjects(sections.data, 0, dataBase, addresses);
  const bssBase = pageAlign(dataBase + Math.max(dataSize, 1));
  const bssSize = placeObjects(sections.bss, 0, bssBase, addresses);

  for (const f of asm.functions.values()) addresses.set(f.linkName, codeAddress(f.entryPc));

  const resolve = (t: RelocTarget, pos: Pos, unit: number): number | undefined => {
    if ('str' in t) return stringAddr[t.str];
    const a = addresses.get(t.sym);
    if (a === undefined) opts.undefinedReference(t.sym.replace(/@\d+$/, ''), pos, unit);
    return a;
  };

  const code = Int32Array.from(asm.code);
  for (const r of asm.codeRelocs) {
    if (r.kind === 'call') {
      const name = 'sym' in r.target ? r.target.sym : '';
      const f = asm.functions.get(name);
      if (!f) {
        opts.undefinedReference(name.replace(/@\d+$/, ''), r.pos, r.unit);
        continue;
      }
      code[r.at] = f.entryPc;
    } else {
      const a = resolve(r.target, r.pos, r.unit);
      if (a === undefined) continue;
      writeAddressOperand(code, r.at, a + r.addend);
    }
  }

  const rodata = new Uint8Array(rodataSize);
  asm.strings.forEach((s, i) => rodata.set(s, stringOffsets[i]));
  const data = new Uint8Array(dataSize);
  const fill = (objs: ObjectDef[], buf: Uint8Array, base: number): void => {
    const view = new DataView(buf.buffer);
    for (const o of objs) writeObject(o, view, addresses.get(o.linkName)! - base, (t) => resolve(t, o.pos, o.unit), asm);
  };
  fill(sections.rodata, rodata, rodataBase);
  fill(sections.data, data, dataBase);

  const entry = asm.functions.get(opts.entry);
  if (!entry) opts.undefinedReference(opts.entry, { file: asm.files[0] ?? 'prog.c', line: 1, column: 1 }, 0);
  if (diags.items.filter((d) => d.severity === 'error').length > errorsBefore || !entry) return null;

  return {
    version: 1,
    name: opts.name,
    code,
    f64Consts: asm.f64Consts,
    rodataBase,
    rodata,
    dataBase,
    data,
    bssBase,
    bssSize,
    entryPc: entry.entryPc,
    symbols: symbolTable(asm, addresses),
    functions: asm.functionOrder.map((f) => ({
      name: f.symbol.name, entryPc: f.entryPc, endPc: f.endPc, frameSize: f.frameSize, file: asm.fileIndex(f.file),
      line: f.line, locals: f.locals, returnsVoid: f.returnsVoid, ...(f.fallOffPc !== undefined ? { fallOffPc: f.fallOffPc } : {}),
    })),
    lines: asm.lines,
    files: asm.files,
    builtinsUsed: [...asm.builtinsUsed].sort(),
    callsAsWritten: [...asm.callsAsWritten].sort((a, b) => a.pc - b.pc),
  };
}

/** String literals whose addresses initialise data must be in rodata before layout. */
function internDataStrings(asm: Assembly): void {
  for (const o of asm.objects.values()) {
    for (const p of o.pieces) {
      if (p.k === 'address' && 'bytes' in p.target) asm.string(p.target.bytes);
    }
  }
}

function placeObjects(objs: ObjectDef[], start: number, base: number, addresses: Map<string, number>): number {
  let off = start;
  for (const o of objs) {
    off = Math.ceil(off / o.align) * o.align;
    addresses.set(o.linkName, base + off);
    off += o.size;
  }
  return off;
}

function writeAddressOperand(code: Int32Array, at: number, address: number): void {
  code[at] = (address % TWO32) | 0;
  code[at + 1] = Math.floor(address / TWO32) | 0;
}

/** Writes an object's initialiser pieces into its section. */
function writeObject(o: ObjectDef, view: DataView, offset: number, resolve: (t: RelocTarget) => number | undefined, asm: Assembly): void {
  for (const p of o.pieces) {
    const at = offset + p.offset;
    if (p.k === 'bytes') {
      new Uint8Array(view.buffer).set(p.bytes, at);
      continue;
    }
    if (p.k === 'address') {
      const target: RelocTarget = 'sym' in p.target ? p.target : { str: asm.string(p.target.bytes) };
      const base = resolve(target);
      if (base === undefined) continue;
      writeScalar(view, at, p, BigInt(base + p.addend));
      continue;
    }
    writeScalar(view, at, p, p.value);
  }
}

function writeScalar(view: DataView, at: number, p: Exclude<DataPiece, { k: 'bytes' }>, v: bigint | number): void {
  if (p.float === 32) return view.setFloat32(at, Number(v), true);
  if (p.float === 64) return view.setFloat64(at, Number(v), true);
  const n = typeof v === 'bigint' ? v : BigInt(Math.trunc(v));
  switch (p.size) {
    case 1: return view.setUint8(at, Number(BigInt.asUintN(8, n)));
    case 2: return view.setUint16(at, Number(BigInt.asUintN(16, n)), true);
    case 4: return view.setUint32(at, Number(BigInt.asUintN(32, n)), true);
    case 8: return view.setBigUint64(at, BigInt.asUintN(64, n), true);
  }
}

function symbolTable(asm: Assembly, addresses: Map<string, number>): ImageSymbol[] {
  const out: ImageSymbol[] = [];
  for (const f of asm.functionOrder) {
    const { name, type, binding } = f.symbol;
    out.push({
      name, kind: 'function', address: codeAddress(f.entryPc), size: (f.endPc - f.entryPc) * 4, type, binding,
      file: asm.fileIndex(f.file), line: f.line,
    });
  }
  for (const o of asm.objects.values()) {
    const { name, type, binding, file, line, scope } = o.symbol;
    const s: ImageSymbol = { name, kind: 'object', address: addresses.get(o.linkName)!, size: o.size, type, binding, file: asm.fileIndex(file), line };
    if (scope) s.scope = scope;
    out.push(s);
  }
  return out;
}
