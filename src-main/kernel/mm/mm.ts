/**
 * The address space of a process: Linux's mm_struct. It owns a list of VMAs (the segments) and a
 * page table (virtual page → frame), and is shared by every task that runs in it (threads and a
 * vfork child: CLONE_VM). mmget / mmput count those users; the last mmput releases every frame.
 *
 * `generation` changes whenever a translation the CPU may have cached becomes stale (a page lost
 * write permission at fork, a COW copy moved a page to a new frame, pages were unmapped). The VM
 * compares it with the generation its TLB was filled at and flushes when they differ.
 */
import type { MmCounters, MmEvent, MmEventSink } from './events.ts';
import { zeroCounters } from './events.ts';
import type { PhysicalMemory } from './frames.ts';
import { PageTable } from './page-table.ts';
import type { Vma } from './vma.ts';
import { zapPageRange } from './unmap.ts';

/** Addresses below this are never mapped, so a NULL dereference is always SIGSEGV. */
export const NULL_PAGE_LIMIT = 4096;
/**
 * Gap kept free below the stack's limit (Linux's stack_guard_gap, 256 pages of 4 KiB). A fault
 * in it is reported as 'stack-overflow' instead of 'unmapped'.
 */
export const STACK_GUARD_GAP = 1024 * 1024;
/** Virtual addresses are below 2^47 (x86-64 user space). */
export const ADDRESS_LIMIT = 2 ** 47;

export interface MmLayout {
  /** program name, for the viewer */
  label: string;
  /** first address of the heap, and the current break (heap is [startBrk, brk)) */
  startBrk: number;
  brk: number;
  /** top of the stack (one past its highest byte) and its lowest allowed address */
  stackTop: number;
  stackLimit: number;
  /** anonymous mappings are placed below this address, growing down */
  mmapBase: number;
}

export class MmStruct implements MmLayout {
  readonly id: number;
  readonly pageSize: number;
  vmas: Vma[] = [];
  readonly pageTable = new PageTable();
  /** tasks using this address space (mm_users) */
  users = 1;
  generation: number;
  label = '';
  startBrk = 0;
  brk = 0;
  stackTop = 0;
  stackLimit = 0;
  mmapBase = 0;
  readonly counters: MmCounters = zeroCounters();
  /** events of this address space go here; null means "to phys.sink" */
  sink: MmEventSink | null = null;

  /** An empty address space (no VMAs, no pages) on physical memory `phys`. */
  constructor(readonly phys: PhysicalMemory) {
    this.id = phys.newMmId();
    this.pageSize = phys.pageSize;
    this.generation = phys.nextGeneration();
  }
}

/** Copies the layout fields (break, stack bounds, mmap base, label) from `from` to `to`. */
export function copyLayout(to: MmLayout, from: MmLayout): void {
  to.label = from.label;
  to.startBrk = from.startBrk;
  to.brk = from.brk;
  to.stackTop = from.stackTop;
  to.stackLimit = from.stackLimit;
  to.mmapBase = from.mmapBase;
}

/** Reports an event of this address space to its sink, if anyone listens. */
export function emitMmEvent(mm: MmStruct, event: MmEvent): void {
  const sink = mm.sink ?? mm.phys.sink;
  if (sink) sink(event);
}

/** True when someone listens to this address space's events (so callers can skip building them). */
export function mmTraced(mm: MmStruct): boolean {
  return (mm.sink ?? mm.phys.sink) !== null;
}

/** Marks every cached translation of `mm` stale (the VM flushes its TLBs). */
export function bumpGeneration(mm: MmStruct): void {
  mm.generation = mm.phys.nextGeneration();
}

/** Another task starts using `mm` (CLONE_VM: a thread or a vfork child). Returns mm. */
export function mmget(mm: MmStruct): MmStruct {
  if (mm.users <= 0) throw new Error(`mmget: address space ${mm.id} was already released`);
  mm.users++;
  return mm;
}

/**
 * A task stops using `mm` (exit, exec). When it was the last user, every page is unmapped and
 * every frame reference dropped (exit_mmap); returns true in that case.
 */
export function mmput(mm: MmStruct): boolean {
  if (mm.users <= 0) throw new Error(`mmput: address space ${mm.id} was already released`);
  if (--mm.users > 0) return false;
  exitMmap(mm);
  return true;
}

/** Tears down an address space: drops every frame reference and forgets every VMA. */
function exitMmap(mm: MmStruct): void {
  zapPageRange(mm, 0, ADDRESS_LIMIT);
  mm.pageTable.clearAll();
  mm.vmas = [];
  bumpGeneration(mm);
}
