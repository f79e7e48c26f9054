/**
 * Physical memory: a bounded pool of page frames, each with a reference count.
 *
 * A frame is pageSize bytes. Its storage (an ArrayBuffer, with a DataView and a Uint8Array over
 * it) is created when the frame is first allocated, so a pool of 32768 frames costs nothing
 * until programs touch memory. A frame is freed when its count drops to 0: its number goes back
 * on the free list and its storage is put aside; the next allocation of that number zero-fills
 * the same storage (a real kernel hands out zeroed pages), so a program that forks a thousand
 * children does not leave the host a thousand pages of garbage per page it touched.
 *
 * The count of a frame is the number of page table entries (and caches) that point to it:
 * getFrame adds one, putFrame drops one (get_page / put_page in Linux).
 */
import type { MmCounters, MmEventSink } from './events.ts';
import { zeroCounters } from './events.ts';
import { MAX_FRAME_NUMBER } from './pte.ts';
import { MAX_FRAMES, MIN_PAGE_SIZE, framesFor, pageSizeProblem } from '../budgets.ts';

export const DEFAULT_PAGE_SIZE = 4096;
export const DEFAULT_MAX_FRAMES = MAX_FRAMES;
export { MIN_PAGE_SIZE };

/** Returned by allocFrame when the pool is exhausted. */
export const NO_FRAME = -1;

/**
 * Storage of frames of memories that are done with (PhysicalMemory.recycle), for the next
 * memories to take instead of allocating (the explorer boots a machine for every run it makes):
 * by page size, at most RECYCLED_MAX frames each.
 */
const recycled = new Map<number, Uint8Array[]>();
const RECYCLED_MAX = 8192;

export interface PhysicalMemoryOptions {
  /** bytes per page: a power of two from 256 to 65536 (default 4096) */
  pageSize?: number;
  /** number of frames in the pool (default: 32768 within 128 MiB, budgets.ts framesFor) */
  maxFrames?: number;
  /** receives frame-alloc / frame-free events (and, through each MmStruct, fault events) */
  sink?: MmEventSink | null;
}

export class PhysicalMemory {
  readonly pageSize: number;
  readonly maxFrames: number;
  sink: MmEventSink | null;

  /**
   * reference count of each frame (0 = free), for the frames handed out so far: it grows as
   * frames are (a machine is made for every run, and most runs use a few dozen frames)
   */
  refcount: Int32Array;
  /** storage of allocated frames, by frame number (undefined while free) */
  readonly views: (DataView | undefined)[] = [];
  readonly bytes: (Uint8Array | undefined)[] = [];
  /** storage of freed frames, by frame number, kept for the frame's next allocation */
  private readonly spareViews: (DataView | undefined)[] = [];
  private readonly spareBytes: (Uint8Array | undefined)[] = [];
  /** numbers of freed frames, reused last-freed first */
  private readonly freeList: number[] = [];
  /** frames below this number have been handed out at least once */
  private nextUnused = 0;

  framesInUse = 0;
  framesPeak = 0;
  allocs = 0;
  frees = 0;
  /**
   * memcheck's shadow of each frame, by frame number (mm/shadow.ts): null unless the run asked
   * for memcheck; undefined for a frame that is all DEFINED
   */
  shadows: (Uint8Array | undefined)[] | null = null;

  /** fault counters summed over every address space on this memory */
  readonly totals: MmCounters = zeroCounters();

  /** source of MmStruct ids and of generation numbers (unique over all address spaces) */
  private lastMmId = 0;
  private generationClock = 0;

  /** Creates an empty pool. Throws RangeError on a page size or frame count the model cannot use. */
  constructor(options: PhysicalMemoryOptions = {}) {
    const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
    const problem = pageSizeProblem(pageSize);
    if (problem) throw new RangeError(`${problem}, got ${pageSize}`);
    const maxFrames = options.maxFrames ?? framesFor(pageSize);
    if (!Number.isInteger(maxFrames) || maxFrames < 1 || maxFrames > MAX_FRAME_NUMBER + 1) {
      throw new RangeError(`maxFrames must be between 1 and ${MAX_FRAME_NUMBER + 1}, got ${maxFrames}`);
    }
    this.pageSize = pageSize;
    this.maxFrames = maxFrames;
    this.sink = options.sink ?? null;
    this.refcount = new Int32Array(Math.min(maxFrames, 64));
  }

  /**
   * Takes a free frame, zero-filled, with a count of 1; returns its number, or NO_FRAME when
   * every frame is in use. `mm` names the address space it is for (events only).
   */
  allocFrame(mm = 0): number {
    const frame = this.takeFrameNumber();
    if (frame === NO_FRAME) return NO_FRAME;
    if (frame >= this.refcount.length) {
      const grown = new Int32Array(Math.min(this.maxFrames, Math.max(frame + 1, this.refcount.length * 2)));
      grown.set(this.refcount);
      this.refcount = grown;
    }
    const spare = this.spareBytes[frame];
    if (spare) {
      spare.fill(0);
      this.views[frame] = this.spareViews[frame];
      this.bytes[frame] = spare;
      this.spareViews[frame] = undefined;
      this.spareBytes[frame] = undefined;
    } else {
      const old = recycled.get(this.pageSize)?.pop();
      if (old) old.fill(0);
      const bytes = old ?? new Uint8Array(this.pageSize);
      this.views[frame] = new DataView(bytes.buffer);
      this.bytes[frame] = bytes;
    }
    if (this.shadows !== null) this.shadows[frame] = undefined;
    this.refcount[frame] = 1;
    this.allocs++;
    this.framesInUse++;
    if (this.framesInUse > this.framesPeak) this.framesPeak = this.framesInUse;
    if (this.sink) this.sink({ kind: 'frame-alloc', mm, frame });
    return frame;
  }

  /** Adds a reference to an allocated frame (get_page). */
  getFrame(frame: number): void {
    this.refcount[frame]++;
  }

  /** Drops a reference (put_page); the frame is freed when none is left. */
  putFrame(frame: number, mm = 0): void {
    const count = --this.refcount[frame];
    if (count > 0) return;
    if (count < 0) throw new Error(`putFrame: frame ${frame} is not allocated`);
    this.spareViews[frame] = this.views[frame];
    this.spareBytes[frame] = this.bytes[frame];
    this.views[frame] = undefined;
    this.bytes[frame] = undefined;
    this.freeList.push(frame);
    this.frees++;
    this.framesInUse--;
    if (this.sink) this.sink({ kind: 'frame-free', mm, frame });
  }

  /**
   * Hands the storage of every frame to the next memories (they zero-fill it when they take it):
   * for a memory nobody will use again, whose frames nobody still reads (the explorer's runs).
   */
  recycle(): void {
    let pool = recycled.get(this.pageSize);
    if (!pool) recycled.set(this.pageSize, (pool = []));
    for (const list of [this.bytes, this.spareBytes]) {
      for (let i = 0; i < list.length && pool.length < RECYCLED_MAX; i++) {
        const b = list[i];
        if (b) pool.push(b);
        list[i] = undefined;
      }
    }
    this.views.length = 0;
    this.spareViews.length = 0;
  }

  /** Number of free frames. */
  framesFree(): number {
    return this.maxFrames - this.framesInUse;
  }

  /** The DataView over an allocated frame. */
  view(frame: number): DataView {
    const v = this.views[frame];
    if (!v) throw new Error(`frame ${frame} is not allocated`);
    return v;
  }

  /** The bytes of an allocated frame. */
  frameBytes(frame: number): Uint8Array {
    const b = this.bytes[frame];
    if (!b) throw new Error(`frame ${frame} is not allocated`);
    return b;
  }

  /** Copies frame `src` into frame `dst` (copy on write, eager fork): its bytes and its shadow. */
  copyFrame(dst: number, src: number): void {
    this.frameBytes(dst).set(this.frameBytes(src));
    if (this.shadows !== null) this.shadows[dst] = this.shadows[src]?.slice();
  }

  /** A new address-space id (1, 2, 3 …). */
  newMmId(): number {
    return ++this.lastMmId;
  }

  /** A generation number never handed out before (see MmStruct.generation). */
  nextGeneration(): number {
    return ++this.generationClock;
  }

  private takeFrameNumber(): number {
    const reused = this.freeList.pop();
    if (reused !== undefined) return reused;
    if (this.nextUnused < this.maxFrames) return this.nextUnused++;
    return NO_FRAME;
  }
}
