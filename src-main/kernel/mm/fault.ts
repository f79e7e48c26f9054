/**
 * The page fault handler (handle_mm_fault). The VM calls it when its TLB has no translation for
 * a page, or has one that does not allow a write. It either returns the frame to use, after
 * fixing the page table (demand-zero, copy-on-write), or says which signal the access deserves.
 *
 *   address < 4096                       → SIGSEGV 'null-pointer'
 *   no VMA contains the address          → SIGSEGV 'unmapped' ('stack-overflow' just below the stack)
 *   write to a read-only VMA             → SIGSEGV 'write-to-read-only'
 *   any access to a VMA that allows none → SIGSEGV 'no-access' (mmap's PROT_NONE)
 *   page not present                     → do_anonymous_page: a new zeroed frame
 *   write to a copy-on-write page        → do_wp_page: reuse it if we are alone, else copy it
 *   no free frame when one is needed     → SIGKILL 'out-of-memory' (the OOM killer)
 */
import type { MmStruct } from './mm.ts';
import { ADDRESS_LIMIT, NULL_PAGE_LIMIT, STACK_GUARD_GAP, bumpGeneration, emitMmEvent, mmTraced } from './mm.ts';
import { NO_FRAME } from './frames.ts';
import { PTE_PRESENT, PTE_USER, PTE_WRITABLE, makePte, pteCow, pteFrame, pteMkwriteClean, pteWritable } from './pte.ts';
import { findVma } from './vma.ts';
import type { Vma } from './vma.ts';

export type SegvReason = 'null-pointer' | 'unmapped' | 'stack-overflow' | 'write-to-read-only' | 'no-access';

export interface FaultOk {
  ok: true;
  frame: number;
  view: DataView;
  bytes: Uint8Array;
  /** whether the page may now be written without another fault */
  writable: boolean;
}

export interface FaultFail {
  ok: false;
  signal: 'SIGSEGV' | 'SIGKILL';
  reason: SegvReason | 'out-of-memory';
  address: number;
  vpn: number;
}

export type FaultResult = FaultOk | FaultFail;

/**
 * Resolves an access to `address` (a read, or a write when `write`) in `mm`: returns the frame
 * that backs the page, after allocating or copying it if needed, or the signal to send. Never
 * throws for a bad address. Counts and reports the faults it handles.
 */
export function handleMmFault(mm: MmStruct, address: number, write: boolean): FaultResult {
  const vpn = Math.floor(address / mm.pageSize);
  const pte = mm.pageTable.get(vpn);
  // the common case: a TLB miss on a page the table already allows (not a fault at all)
  if ((pte & PTE_PRESENT) !== 0 && (!write || pteWritable(pte))) return frameResult(mm, pteFrame(pte), pteWritable(pte));

  const refused = checkAccess(mm, address, write);
  if (refused !== null) return segv(mm, address, vpn, write, refused);
  if (pte === 0) return doAnonymousPage(mm, findVma(mm.vmas, address)!, vpn, address, write);
  if (write && pteCow(pte)) return doWpPage(mm, vpn, pte, address);
  // (an entry without PTE_PRESENT is a page of a PROT_NONE mapping: checkAccess refused it)
  // present, not writable, not COW, in a writable VMA: a read-only page where the VMA says
  // writable (e.g. a page shared with a read-only segment). Refuse it like the hardware would.
  return segv(mm, address, vpn, write, 'write-to-read-only');
}

/** Why an access to `address` is refused (null when the VMAs allow it). */
function checkAccess(mm: MmStruct, address: number, write: boolean): SegvReason | null {
  if (address >= 0 && address < NULL_PAGE_LIMIT) return 'null-pointer';
  if (!(address >= 0 && address < ADDRESS_LIMIT)) return 'unmapped';
  const vma = findVma(mm.vmas, address);
  if (vma === null) return isBelowStack(mm, address) ? 'stack-overflow' : 'unmapped';
  if (!vma.readable && !vma.writable) return 'no-access';
  if (write && !vma.writable) return 'write-to-read-only';
  if (!write && !vma.readable) return 'unmapped';
  return null;
}

/** True when `address` lies in the guard gap just below the stack's limit. */
function isBelowStack(mm: MmStruct, address: number): boolean {
  return mm.stackLimit > 0 && address < mm.stackLimit && address >= mm.stackLimit - STACK_GUARD_GAP;
}

/**
 * do_anonymous_page: the first touch of a page of a valid VMA (bss, heap, stack, an anonymous
 * mapping). Maps a new zero-filled frame, writable if the VMA is.
 */
export function doAnonymousPage(mm: MmStruct, vma: Vma, vpn: number, address: number, write: boolean): FaultResult {
  const frame = mm.phys.allocFrame(mm.id);
  if (frame === NO_FRAME) return outOfMemory(mm, address, vpn);
  const flags = PTE_PRESENT | PTE_USER | (vma.writable ? PTE_WRITABLE : 0);
  mm.pageTable.set(vpn, makePte(frame, flags));
  countFault(mm);
  if (mmTraced(mm)) emitMmEvent(mm, { kind: 'fault', mm: mm.id, vpn, frame, address, write, reason: 'demand-zero' });
  return frameResult(mm, frame, vma.writable);
}

/**
 * do_wp_page: a write to a copy-on-write page. If this page table holds the only reference to
 * the frame, the page simply becomes writable again ('cow-reuse'). Otherwise the page is copied
 * into a new frame that the writer's entry then points to, writable, and the old frame loses
 * one reference ('cow-copy'). Out of frames → SIGKILL 'out-of-memory'.
 */
export function doWpPage(mm: MmStruct, vpn: number, pte: number, address: number): FaultResult {
  const phys = mm.phys;
  const oldFrame = pteFrame(pte);
  countFault(mm);
  if (mmTraced(mm)) emitMmEvent(mm, { kind: 'fault', mm: mm.id, vpn, frame: oldFrame, address, write: true, reason: 'cow' });
  if (phys.refcount[oldFrame] === 1) {
    mm.pageTable.set(vpn, pteMkwriteClean(pte));
    countCow(mm, 'pagesReused');
    if (mmTraced(mm)) emitMmEvent(mm, { kind: 'cow-reuse', mm: mm.id, vpn, frame: oldFrame, address });
    return frameResult(mm, oldFrame, true);
  }
  const newFrame = phys.allocFrame(mm.id);
  if (newFrame === NO_FRAME) return outOfMemory(mm, address, vpn);
  phys.copyFrame(newFrame, oldFrame);
  mm.pageTable.set(vpn, makePte(newFrame, PTE_PRESENT | PTE_USER | PTE_WRITABLE));
  phys.putFrame(oldFrame, mm.id);
  // other tasks of this mm (threads) may have cached the old frame: make them look again
  bumpGeneration(mm);
  countCow(mm, 'pagesCopied');
  if (mmTraced(mm)) emitMmEvent(mm, { kind: 'cow-copy', mm: mm.id, vpn, frame: oldFrame, newFrame, address });
  return frameResult(mm, newFrame, true);
}

function frameResult(mm: MmStruct, frame: number, writable: boolean): FaultOk {
  return { ok: true, frame, view: mm.phys.view(frame), bytes: mm.phys.frameBytes(frame), writable };
}

function segv(mm: MmStruct, address: number, vpn: number, write: boolean, reason: SegvReason): FaultFail {
  countFault(mm);
  if (mmTraced(mm)) emitMmEvent(mm, { kind: 'segv', mm: mm.id, vpn, address, write, reason });
  return { ok: false, signal: 'SIGSEGV', reason, address, vpn };
}

function outOfMemory(mm: MmStruct, address: number, vpn: number): FaultFail {
  if (mmTraced(mm)) emitMmEvent(mm, { kind: 'segv', mm: mm.id, vpn, address, reason: 'out-of-memory' });
  return { ok: false, signal: 'SIGKILL', reason: 'out-of-memory', address, vpn };
}

function countFault(mm: MmStruct): void {
  mm.counters.faults++;
  mm.phys.totals.faults++;
}

function countCow(mm: MmStruct, which: 'pagesCopied' | 'pagesReused'): void {
  mm.counters.cowFaults++;
  mm.phys.totals.cowFaults++;
  mm.counters[which]++;
  mm.phys.totals[which]++;
}
