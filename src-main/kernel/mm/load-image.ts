/**
 * Building the address space of a program (what exec does, as load_elf_binary in Linux):
 *
 *   text     code words at TEXT_BASE                 read-only, populated now
 *   rodata   string literals                         read-only, populated now
 *   data     initialised globals                     read-write private, populated now
 *   bss      zeroed globals                          read-write, a zero page on first touch
 *   heap     [startBrk, brk), empty at first         grows with brk
 *   stack    [stackLimit, stackTop)                  grows down, a zero page on first touch
 *
 * Segments are placed on whole pages. When two segments share a page (the compiler does not
 * know the page size), the page belongs to the writable one if either is writable, and holds
 * the bytes of both.
 */
import type { ProgramImage } from '../../lang/image.ts';
import { STACK_LIMIT, STACK_TOP } from '../../lang/image.ts';
import { TEXT_BASE } from '../../lang/isa.ts';
import type { MmEventSink } from './events.ts';
import type { ImageFrameCache } from './frame-cache.ts';
import type { PhysicalMemory } from './frames.ts';
import { NO_FRAME } from './frames.ts';
import { MmStruct, STACK_GUARD_GAP, mmput } from './mm.ts';
import { PTE_PRESENT, PTE_USER, PTE_WRITABLE, makePte } from './pte.ts';
import type { Vma, VmaKind } from './vma.ts';
import { pageAlignDown, pageAlignUp } from './vma.ts';

export interface CreateMmOptions {
  /** largest stack in bytes (RLIMIT_STACK); default STACK_LIMIT (8 MiB) */
  stackLimit?: number;
  /** share text and rodata frames between processes running the same image */
  frameCache?: ImageFrameCache | null;
  /** events of the new address space (default: the physical memory's sink) */
  sink?: MmEventSink | null;
}

/** One segment of the image, byte-exact, before it is placed on pages. */
interface Segment {
  kind: VmaKind;
  start: number;
  end: number;
  writable: boolean;
  /** initial contents (null: zeroes, demand-paged) */
  bytes: Uint8Array | null;
}

/**
 * A new address space for `image`: VMAs for every segment, text/rodata/data pages populated
 * (text and rodata frames read-only), bss/heap/stack left to demand paging. Returns
 * { error: 'ENOMEM' } (having released everything it took) when the frames run out.
 */
export function createMmFromImage(phys: PhysicalMemory, image: ProgramImage, options: CreateMmOptions = {}): MmStruct | { error: 'ENOMEM' } {
  const mm = new MmStruct(phys);
  mm.label = image.name;
  if (options.sink) mm.sink = options.sink;
  const segments = imageSegments(image);
  mm.vmas = placeSegments(segments, phys.pageSize);
  setUpHeapAndStack(mm, segments, options.stackLimit ?? STACK_LIMIT);
  if (!populateImagePages(mm, image, segments, options.frameCache ?? null)) {
    mmput(mm);
    return { error: 'ENOMEM' };
  }
  return mm;
}

/** The image's non-empty segments, in address order. */
function imageSegments(image: ProgramImage): Segment[] {
  const text = codeBytes(image.code);
  const all: Segment[] = [
    { kind: 'text', start: TEXT_BASE, end: TEXT_BASE + text.length, writable: false, bytes: text },
    { kind: 'rodata', start: image.rodataBase, end: image.rodataBase + image.rodata.length, writable: false, bytes: image.rodata },
    { kind: 'data', start: image.dataBase, end: image.dataBase + image.data.length, writable: true, bytes: image.data },
    { kind: 'bss', start: image.bssBase, end: image.bssBase + image.bssSize, writable: true, bytes: null },
  ];
  return all.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
}

const codeBytesCache = new WeakMap<Int32Array, Uint8Array>();

/** The code words as little-endian bytes (computed once per image). */
function codeBytes(code: Int32Array): Uint8Array {
  let bytes = codeBytesCache.get(code);
  if (bytes === undefined) {
    bytes = new Uint8Array(code.length * 4);
    const view = new DataView(bytes.buffer);
    for (let i = 0; i < code.length; i++) view.setInt32(i * 4, code[i], true);
    codeBytesCache.set(code, bytes);
  }
  return bytes;
}

/** Page-aligned VMAs for the segments; a shared page goes to the writable side. */
function placeSegments(segments: Segment[], pageSize: number): Vma[] {
  const vmas: Vma[] = [];
  for (const seg of segments) {
    let start = pageAlignDown(seg.start, pageSize);
    const end = pageAlignUp(seg.end, pageSize);
    const prev = vmas.length > 0 ? vmas[vmas.length - 1] : null;
    if (prev !== null && start < prev.end) {
      if (seg.writable && !prev.writable) {
        prev.end = start;
        if (prev.end <= prev.start) vmas.pop();
      } else {
        start = prev.end;
      }
    }
    if (start >= end) continue;
    vmas.push({ kind: seg.kind, name: seg.kind, start, end, readable: true, writable: seg.writable, growsDown: false });
  }
  return vmas;
}

/** Adds the (empty) heap after the last segment and the stack below stackTop. */
function setUpHeapAndStack(mm: MmStruct, segments: Segment[], stackSize: number): void {
  const ps = mm.pageSize;
  const imageEnd = segments.reduce((end, s) => Math.max(end, s.end), TEXT_BASE);
  mm.startBrk = pageAlignUp(imageEnd, ps);
  mm.brk = mm.startBrk;
  mm.vmas.push({ kind: 'heap', name: '[heap]', start: mm.startBrk, end: mm.startBrk, readable: true, writable: true, growsDown: false });
  mm.stackTop = pageAlignUp(STACK_TOP, ps);
  mm.stackLimit = pageAlignDown(STACK_TOP - stackSize, ps);
  mm.mmapBase = pageAlignDown(mm.stackLimit - STACK_GUARD_GAP, ps);
  mm.vmas.push({ kind: 'stack', name: '[stack]', start: mm.stackLimit, end: mm.stackTop, readable: true, writable: true, growsDown: true });
}

/** Maps a frame for every page of text, rodata and data with its initial bytes. False: out of frames. */
function populateImagePages(mm: MmStruct, image: ProgramImage, segments: Segment[], cache: ImageFrameCache | null): boolean {
  const ps = mm.pageSize;
  for (const vma of mm.vmas) {
    if (vma.kind !== 'text' && vma.kind !== 'rodata' && vma.kind !== 'data') continue;
    for (let addr = vma.start; addr < vma.end; addr += ps) {
      const vpn = addr / ps;
      const frame = vma.writable ? newPageWithBytes(mm, segments, addr) : sharedReadOnlyPage(mm, image, segments, addr, cache);
      if (frame === NO_FRAME) return false;
      mm.pageTable.set(vpn, makePte(frame, PTE_PRESENT | PTE_USER | (vma.writable ? PTE_WRITABLE : 0)));
    }
  }
  return true;
}

/** A read-only page of the image: from the cache when it has it (taking a reference), else new. */
function sharedReadOnlyPage(mm: MmStruct, image: ProgramImage, segments: Segment[], addr: number, cache: ImageFrameCache | null): number {
  const vpn = addr / mm.pageSize;
  const cached = cache?.lookup(image, vpn);
  if (cached !== undefined) {
    mm.phys.getFrame(cached);
    return cached;
  }
  const frame = newPageWithBytes(mm, segments, addr);
  if (frame !== NO_FRAME && cache) cache.store(image, vpn, frame);
  return frame;
}

/** A new frame holding the bytes every segment has in the page at `pageStart`. */
function newPageWithBytes(mm: MmStruct, segments: Segment[], pageStart: number): number {
  const frame = mm.phys.allocFrame(mm.id);
  if (frame === NO_FRAME) return NO_FRAME;
  const page = mm.phys.frameBytes(frame);
  const pageEnd = pageStart + mm.pageSize;
  for (const seg of segments) {
    if (seg.bytes === null || seg.end <= pageStart || seg.start >= pageEnd) continue;
    const from = Math.max(seg.start, pageStart);
    const to = Math.min(seg.end, pageEnd);
    page.set(seg.bytes.subarray(from - seg.start, to - seg.start), from - pageStart);
  }
  return frame;
}
