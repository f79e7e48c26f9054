/**
 * Memcheck's shadow memory: what a program may do with each byte of its memory, kept beside the
 * physical frames the way Linux's KMSAN hangs shadow pages off each struct page.
 *
 * Only a run that asks for memcheck has shadows (PhysicalMemory.shadows is null otherwise, and
 * nothing here costs anything then). A frame's shadow is one byte per byte of the frame, made
 * the first time a byte of the frame becomes something other than DEFINED: a frame without one
 * is all DEFINED (globals, code, a fresh zeroed page, what the kernel wrote). A frame's shadow
 * follows the frame: a new frame starts without one (allocFrame), a copy-on-write copy or an
 * eager fork copies it with the bytes (PhysicalMemory.copyFrame), and frames shared after fork
 * share it, as they share their bytes.
 *
 * States (a byte's shadow is one of them; a value's taint is DEFINED, UNINIT and MISSING_RETURN
 * or-ed together):
 *   DEFINED          written by the program, the library or the kernel (or never marked)
 *   UNINIT           a fresh stack frame's slot or a byte malloc handed out, not written since
 *   MISSING_RETURN   copied from the value of a function that fell off its end without `return`
 *   FREED            a byte of a block the program gave back to free() and malloc has not handed out again
 */
import type { MmStruct } from './mm.ts';
import type { PhysicalMemory } from './frames.ts';
import { PTE_PRESENT } from './pte.ts';

export const DEFINED = 0;
export const UNINIT = 1;
export const MISSING_RETURN = 2;
export const FREED = 4;

/** Longest copy whose states copyShadow follows (a longer one was never made: it faulted first). */
const MAX_COPY = 1 << 28;

/** Gives `phys` shadows (a memcheck run), every frame starting all DEFINED. */
export function enableShadows(phys: PhysicalMemory): void {
  phys.shadows ??= [];
}

/** The frame behind `vpn` in `mm` when the page is present, else -1 (nothing there yet: all DEFINED). */
function presentFrame(mm: MmStruct, vpn: number): number {
  const pte = mm.pageTable.get(vpn);
  return (pte & PTE_PRESENT) !== 0 ? pte >>> 4 : -1;
}

/**
 * The states of the `length` bytes at `address` or-ed together (DEFINED when every byte is).
 * Reads no memory and takes no fault: a page not present is DEFINED.
 */
export function shadowOf(mm: MmStruct, address: number, length: number): number {
  const shadows = mm.phys.shadows;
  if (shadows === null) return DEFINED;
  const size = mm.pageSize;
  let state = DEFINED;
  for (let done = 0; done < length; ) {
    const a = address + done;
    const vpn = Math.floor(a / size);
    const offset = a - vpn * size;
    const n = Math.min(length - done, size - offset);
    const frame = presentFrame(mm, vpn);
    const shadow = frame >= 0 ? shadows[frame] : undefined;
    if (shadow !== undefined) for (let i = offset; i < offset + n; i++) state |= shadow[i];
    done += n;
  }
  return state;
}

/**
 * Sets the `length` bytes at `address` to `state`. `privateOnly`: leave frames that other page
 * tables share alone (a change of state without a write, such as free() marking a block, must
 * not show in the other process, and the lab never copies a page that nobody wrote).
 */
export function setShadow(mm: MmStruct, address: number, length: number, state: number, privateOnly: boolean): void {
  const phys = mm.phys;
  const shadows = phys.shadows;
  if (shadows === null) return;
  const size = mm.pageSize;
  for (let done = 0; done < length; ) {
    const a = address + done;
    const vpn = Math.floor(a / size);
    const offset = a - vpn * size;
    const n = Math.min(length - done, size - offset);
    done += n;
    const frame = presentFrame(mm, vpn);
    if (frame < 0 || (privateOnly && phys.refcount[frame] > 1)) continue;
    let shadow = shadows[frame];
    if (shadow === undefined) {
      if (state === DEFINED) continue;
      shadow = shadows[frame] = new Uint8Array(size);
    }
    shadow.fill(state, offset, offset + n);
  }
}

/** The state of one byte (DEFINED where there is no page or no shadow). */
function byteState(mm: MmStruct, address: number): number {
  const shadows = mm.phys.shadows;
  const vpn = Math.floor(address / mm.pageSize);
  const frame = shadows === null ? -1 : presentFrame(mm, vpn);
  const shadow = frame >= 0 ? shadows![frame] : undefined;
  return shadow === undefined ? DEFINED : shadow[address - vpn * mm.pageSize];
}

/**
 * Copies the states of `length` bytes from `src` to `dst` (memcpy copies definedness with the
 * bytes); a FREED source byte arrives DEFINED (the read was the mistake, and was reported).
 */
export function copyShadow(mm: MmStruct, dst: number, src: number, length: number): void {
  // (a length no address space holds: the copy faulted, nothing was written)
  if (mm.phys.shadows === null || !(length > 0 && length <= MAX_COPY)) return;
  const states = new Uint8Array(length);
  let any = false;
  for (let i = 0; i < length; i++) {
    const s = byteState(mm, src + i) & ~FREED;
    states[i] = s;
    if (s !== DEFINED) any = true;
  }
  if (!any) {
    setShadow(mm, dst, length, DEFINED, false);
    return;
  }
  // runs of one state at a time
  for (let i = 0; i < length; ) {
    let j = i + 1;
    while (j < length && states[j] === states[i]) j++;
    setShadow(mm, dst + i, j - i, states[i], false);
    i = j;
  }
}

/**
 * The bytes of `mm` at `address`, up to and without the first NUL or `max` bytes, read straight
 * from the frames (no fault, no TLB): stops at a page that is not present. For memcheck's look
 * at what a library call is about to read.
 */
export function peekString(mm: MmStruct, address: number, max: number): Uint8Array {
  const out: number[] = [];
  const size = mm.pageSize;
  while (out.length < max) {
    const a = address + out.length;
    const vpn = Math.floor(a / size);
    const frame = a >= 0 ? presentFrame(mm, vpn) : -1;
    if (frame < 0) break;
    const b = mm.phys.frameBytes(frame)[a - vpn * size];
    if (b === 0) break;
    out.push(b);
  }
  return Uint8Array.from(out);
}

/** A pointer-sized value of `mm` at `address` read from the frames, or null when its page is not present. */
export function peekPointer(mm: MmStruct, address: number): number | null {
  const size = mm.pageSize;
  const vpn = Math.floor(address / size);
  const offset = address - vpn * size;
  const frame = address >= 0 && offset <= size - 8 ? presentFrame(mm, vpn) : -1;
  if (frame < 0) return null;
  const view = mm.phys.view(frame);
  return view.getInt32(offset + 4, true) * 4294967296 + view.getUint32(offset, true);
}
