/**
 * Looking at a task from outside, as a debugger would (ptrace's PEEKDATA): its memory read
 * through its own page table WITHOUT faulting (a page that is not present is not brought in,
 * so looking changes nothing), its call frames, and where it is in the user's source.
 *
 * Frames follow the calling convention of lang/isa.ts: mem64[fp] is the caller's fp and
 * mem64[fp + 8] the return address; fp is 0 in the outermost frame (_start's).
 */
import { lineEntryAt, type FunctionInfo, type ProgramImage } from '../lang/image.ts';
import { codeIndex } from '../lang/isa.ts';
import type { MmStruct } from './mm/mm.ts';
import { findVma } from './mm/vma.ts';
import { pteFrame } from './mm/pte.ts';

const TWO32 = 4294967296;
/** frames looked at before a walk gives up (a corrupted stack must not hang the kernel) */
const MAX_FRAMES = 256;

/** What a peek found: the bytes, or why there are none. */
export type Peek = { ok: true; bytes: Uint8Array } | { ok: false; why: 'not-mapped' };

/**
 * The `length` bytes at `address` of `mm`. Pages that are mapped (a VMA covers them) but not
 * present read as zeros, as their first touch would give; an address no VMA covers is
 * 'not-mapped'. Never allocates a frame or changes a page table.
 */
export function peekUser(mm: MmStruct, address: number, length: number): Peek {
  const out = new Uint8Array(length);
  const ps = mm.pageSize;
  for (let done = 0; done < length; ) {
    const at = address + done;
    if (!(at >= 0) || findVma(mm.vmas, at) === null) return { ok: false, why: 'not-mapped' };
    const vpn = Math.floor(at / ps);
    const offset = at - vpn * ps;
    const n = Math.min(ps - offset, length - done);
    const pte = mm.pageTable.get(vpn);
    if (pte !== 0) {
      const bytes = mm.phys.bytes[pteFrame(pte)];
      if (bytes) out.set(bytes.subarray(offset, offset + n), done);
    }
    done += n;
  }
  return { ok: true, bytes: out };
}

/** The 8-byte value at `address` as a signed 64-bit number, or null when not mapped. */
export function peekPointer(mm: MmStruct, address: number): number | null {
  const ps = mm.pageSize;
  const vpn = Math.floor(address / ps);
  const offset = address - vpn * ps;
  if (offset <= ps - 8 && address >= 0) {
    // the common case: 8 bytes inside one page
    if (findVma(mm.vmas, address) === null) return null;
    const pte = mm.pageTable.get(vpn);
    if (pte === 0) return 0;
    const view = mm.phys.views[pteFrame(pte)];
    return view ? view.getInt32(offset + 4, true) * TWO32 + view.getUint32(offset, true) : 0;
  }
  const p = peekUser(mm, address, 8);
  if (!p.ok) return null;
  const v = new DataView(p.bytes.buffer);
  return v.getInt32(4, true) * TWO32 + v.getUint32(0, true);
}

/** The index in image.files of the user's own source file (the one that defines main). */
export function userFileIndex(image: ProgramImage): number {
  let file = userFiles.get(image);
  if (file === undefined) {
    file = image.functions.find((f) => f.name === 'main')?.file ?? 0;
    userFiles.set(image, file);
  }
  return file;
}

const userFiles = new WeakMap<ProgramImage, number>();

/** The user's own functions (not the C runtime's), in code order. */
export function userFunctions(image: ProgramImage): FunctionInfo[] {
  const file = userFileIndex(image);
  return image.functions.filter((f) => f.file === file);
}

/** One call frame: the function, its frame pointer, and the pc in it. */
export interface Frame {
  fn: FunctionInfo | null;
  fp: number;
  pc: number;
}

/** The call frames of a task, innermost first (at most MAX_FRAMES). */
export function callFrames(mm: MmStruct, image: ProgramImage, pc: number, fp: number): Frame[] {
  const frames: Frame[] = [];
  const byPc = functionLookup(image);
  while (frames.length < MAX_FRAMES) {
    frames.push({ fn: byPc(pc), fp, pc });
    if (!fp) break;
    const ret = peekPointer(mm, fp + 8);
    const callerFp = peekPointer(mm, fp);
    if (ret === null || callerFp === null) break;
    const callerPc = codeIndex(ret, image.code.length);
    if (callerPc < 0) break;
    pc = callerPc;
    fp = callerFp;
  }
  return frames;
}

/** The line of `pc` when it is in the user's own file, else null. */
export function userLineAt(image: ProgramImage, pc: number, file = userFileIndex(image)): number | null {
  const entry = lineEntryAt(image, pc);
  return entry && entry.file === file ? entry.line : null;
}

/**
 * The user's source line a task is at: the line of pc when it is in the user's file, else the
 * line of the innermost user frame that called into the C runtime (exit() called from main is
 * at main's line). Null when no user frame is on the stack.
 */
export function userLine(mm: MmStruct | null, image: ProgramImage, pc: number, fp: number): number | null {
  const file = userFileIndex(image);
  const direct = userLineAt(image, pc, file);
  if (direct !== null || !mm) return direct;
  for (const frame of callFrames(mm, image, pc, fp).slice(1)) {
    // a return address points after the CALL: the call itself is on the line before it
    const line = userLineAt(image, frame.pc - 1, file);
    if (line !== null) return line;
  }
  return null;
}

const lookups = new WeakMap<ProgramImage, (pc: number) => FunctionInfo | null>();

/** A fast pc → function lookup for `image` (binary search over functions sorted by entry). */
function functionLookup(image: ProgramImage): (pc: number) => FunctionInfo | null {
  let lookup = lookups.get(image);
  if (!lookup) {
    const sorted = [...image.functions].sort((a, b) => a.entryPc - b.entryPc);
    lookup = (pc: number) => {
      let lo = 0;
      let hi = sorted.length - 1;
      let found: FunctionInfo | null = null;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (sorted[mid].entryPc <= pc) {
          found = sorted[mid];
          lo = mid + 1;
        } else hi = mid - 1;
      }
      return found && pc < found.endPc ? found : null;
    };
    lookups.set(image, lookup);
  }
  return lookup;
}

/** The function containing `pc`, or null. */
export function functionOf(image: ProgramImage, pc: number): FunctionInfo | null {
  return functionLookup(image)(pc);
}
