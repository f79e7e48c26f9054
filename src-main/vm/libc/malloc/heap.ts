/**
 * glibc 2.36's malloc (malloc/malloc.c) as the lab runs it: the same chunks in the same places
 * (a 16-byte header, 16-byte alignment, the tcache as the heap's first chunk), the same bins
 * (tcache, fastbins, the unsorted bin, small and large bins with the binmap, the top chunk
 * grown and trimmed with brk), the same order of reuse, and the same integrity checks with the
 * same messages, after which glibc aborts.
 *
 * Nothing of the allocator lives in JavaScript: its state (glibc's main_arena and the few mp_
 * and tcache variables) is the C runtime's `__lab_malloc_state`, in the process's memory, and
 * every chunk header is in the heap, so fork copies the allocator with the rest of the process
 * and a heap overflow really overwrites the header of the next chunk.
 *
 * This file is the heap as the algorithm sees it: the layout of the state and of chunks, and
 * reading and writing them. allocate.ts and release.ts are malloc and free; natives.ts the
 * library functions.
 */
import type { UserMemory } from '../../user-memory.ts';
import { offsetIn, readView } from '../../memory-ops.ts';
import { TLB_MASK } from '../../tlb.ts';

// sizes (x86-64: SIZE_SZ 8, MALLOC_ALIGNMENT 16)
export const SIZE_SZ = 8;
export const CHUNK_HDR_SZ = 16;
export const MALLOC_ALIGN_MASK = 15;
export const MINSIZE = 32;
export const PAGE = 4096;

// the low bits of a chunk's size field
export const PREV_INUSE = 1;
export const IS_MMAPPED = 2;
export const NON_MAIN_ARENA = 4;
export const SIZE_BITS = 7;

// bins
export const NBINS = 128;
export const NSMALLBINS = 64;
export const MIN_LARGE_SIZE = 1024;
export const NFASTBINS = 10;
export const MAX_FAST = 0x80;
export const BINMAPSIZE = 4;
export const TCACHE_MAX_BINS = 64;
export const TCACHE_COUNT = 7;
export const TCACHE_STRUCT_SIZE = 640; // uint16_t counts[64]; tcache_entry *entries[64]
export const FASTBIN_CONSOLIDATION_THRESHOLD = 65536;
export const TOP_PAD = 131072;
export const TRIM_THRESHOLD = 131072;
/** requests from this size on get their own mapping (glibc's dynamic threshold starts here) */
export const MMAP_THRESHOLD = 131072;
export const MMAP_THRESHOLD_MAX = 32 * 1024 * 1024;
/** glibc draws tcache_key at random; any fixed value does, it is only compared */
export const TCACHE_KEY = 0x5a17c0de1ab5;

/**
 * Offsets in __lab_malloc_state (crt.ts reserves STATE_SIZE bytes, zero at exec). The bins are
 * laid out as glibc's: bin i's header is a fake chunk whose fd and bk are bins[2(i-1)] and
 * bins[2(i-1)+1], so bin 1 (the unsorted bin) overlaps `top` and `last_remainder`.
 */
export const S_INITIALIZED = 0;
export const S_HAVE_FASTCHUNKS = 8;
export const S_FASTBINS = 16;
const S_TOP = 96;
const S_LAST_REMAINDER = 104;
const S_BINS = 112;
const S_BINMAP = 2144;
export const S_SYSTEM_MEM = 2160;
const S_MAX_SYSTEM_MEM = 2168;
const S_SBRK_BASE = 2176;
export const S_TCACHE = 2184;
export const S_TCACHE_KEY = 2192;
const S_MMAP_THRESHOLD = 2200;
const S_TRIM_THRESHOLD = 2208;
const S_N_MMAPS = 2216;
export const STATE_SIZE = 2224;

const TWO32 = 4294967296;

/** The allocator was called on a heap that fails one of glibc's checks: glibc's message. */
export class HeapCorruption extends Error {
  constructor(readonly glibcMessage: string) {
    super(glibcMessage);
  }
}

/** malloc_printerr: stops the operation; the native prints the message and aborts. */
export function corrupted(message: string): never {
  throw new HeapCorruption(message);
}

/**
 * The most links a walk along one of the heap's lists can take: one per chunk the heap can hold.
 * A longer walk is going round a cycle a corrupted pointer made; glibc would spin there for ever,
 * and the lab's allocator is native code the kernel cannot preempt, so the walk stops with the
 * list's glibc message instead.
 */
export function listWalkLimit(h: { systemMem: number }): number {
  return Math.floor(h.systemMem / MINSIZE) + 2;
}

/** a ^ b for two 64-bit values held as numbers (PROTECT_PTR's xor) */
export function xor64(a: number, b: number): number {
  if (a >= 0 && b >= 0 && a < 2 ** 53 && b < 2 ** 53) {
    // both exact non-negative integers: truncation is floor, and the high halves fit in 21 bits
    const ah = (a / TWO32) | 0;
    const bh = (b / TWO32) | 0;
    return (ah ^ bh) * TWO32 + (((a - ah * TWO32) ^ (b - bh * TWO32)) >>> 0);
  }
  const hi = (Math.floor(a / TWO32) ^ Math.floor(b / TWO32)) >>> 0;
  const lo = ((a % TWO32) ^ (b % TWO32)) >>> 0;
  return hi * TWO32 + lo;
}

/**
 * x modulo 16 for an integer-valued x: x % 16 when x >= 0; in [0, 16) when x < 0, so 0 exactly
 * when x % 16 is. Exact for every integer a double holds, and cheaper than `%`, which V8 runs as
 * a call into C when its operands are not small integers (the allocator's words are doubles).
 */
export function mod16(x: number): number {
  return x - Math.floor(x * 0.0625) * 16;
}

/** aligned_OK / misaligned_chunk: whether a pointer or size is not a multiple of 16 */
export function misaligned(x: number): boolean {
  return mod16(x) !== 0;
}

/** request2size: the chunk size for a request of `bytes`, or 0 when it is too large. */
export function requestToSize(bytes: number): number {
  if (bytes > 2 ** 62) return 0;
  const size = bytes + SIZE_SZ + MALLOC_ALIGN_MASK;
  return size < MINSIZE ? MINSIZE : size - mod16(size);
}

export function inSmallbinRange(size: number): boolean {
  return size < MIN_LARGE_SIZE;
}

export function smallbinIndex(size: number): number {
  return Math.floor(size / 16);
}

/** largebin_index_64 */
export function largebinIndex(size: number): number {
  const s = Math.floor(size / 64);
  if (s <= 48) return 48 + s;
  if (Math.floor(size / 512) <= 20) return 91 + Math.floor(size / 512);
  if (Math.floor(size / 4096) <= 10) return 110 + Math.floor(size / 4096);
  if (Math.floor(size / 32768) <= 4) return 119 + Math.floor(size / 32768);
  if (Math.floor(size / 262144) <= 2) return 124 + Math.floor(size / 262144);
  return 126;
}

export function binIndex(size: number): number {
  return inSmallbinRange(size) ? smallbinIndex(size) : largebinIndex(size);
}

export function fastbinIndex(size: number): number {
  return Math.floor(size / 16) - 2;
}

/** csize2tidx */
export function tcacheIndex(size: number): number {
  return Math.floor((size - MINSIZE + MALLOC_ALIGN_MASK) / 16);
}

/** The allocator's view of one process: its memory and where its state is. */
export class Heap {
  constructor(
    readonly mem: UserMemory,
    /** address of __lab_malloc_state */
    readonly state: number,
    /** the process's system calls: brk(2) moves the break and returns the new one (0 asks); mmap and munmap */
    private readonly sys: { brk(want: number): number; mmap(length: number, name: string): number; munmap(address: number, length: number): number },
  ) {}

  brk(want: number): number {
    return this.sys.brk(want);
  }

  /** A new private anonymous mapping for a chunk: its address, or -1. */
  mmap(length: number): number {
    return this.sys.mmap(length, 'malloc');
  }

  munmap(address: number, length: number): void {
    this.sys.munmap(address, length);
  }

  // ---- words of memory: the TLB's cached page read or written in place (as memory-ops.ts's fast
  // path does, one translation an access); otherwise UserMemory, which faults and copies on write

  /** the page `readable` or `writable` found */
  private page: DataView | null = null;

  /**
   * Offset of `size` bytes at `address` in the page the TLB holds for reading (its view left in
   * `page`), or -1 when the TLB does not hold it or the bytes cross into the next page.
   */
  private readable(address: number, size: number): number {
    const t = this.mem.tlb;
    const vpn = Math.floor(address * t.invPageSize);
    const k = vpn & TLB_MASK;
    const o = address - vpn * t.pageSize;
    if (t.tag[k] !== vpn || o > t.pageSize - size) return -1;
    this.page = t.view[k];
    return o;
  }

  /** readable's twin for writing: -1 unless the TLB holds the page writable (never when writes are watched). */
  private writable(address: number, size: number): number {
    const t = this.mem.tlb;
    const vpn = Math.floor(address * t.invPageSize);
    const k = vpn & TLB_MASK;
    const o = address - vpn * t.pageSize;
    if (t.tag[k] !== vpn || t.writable[k] !== 1 || o > t.pageSize - size) return -1;
    this.page = t.view[k];
    return o;
  }

  /** a pointer-sized word (signed 64-bit, as UserMemory.pointer) */
  word(address: number): number {
    const o = this.readable(address, 8);
    if (o < 0) return this.mem.pointer(address);
    const v = this.page!;
    return v.getInt32(o + 4, true) * TWO32 + v.getUint32(o, true);
  }

  setWord(address: number, value: number): void {
    const o = this.writable(address, 8);
    if (o < 0) return this.mem.setPointer(address, value);
    const v = this.page!;
    v.setInt32(o, value >>> 0, true);
    v.setInt32(o + 4, Math.floor(value / TWO32) | 0, true);
    const written = this.mem.written;
    if (written !== null) written(address, 8);
  }

  /** the 32-bit int at `address` */
  i32(address: number): number {
    const o = this.readable(address, 4);
    return o < 0 ? this.mem.i32(address) : this.page!.getInt32(o, true);
  }

  // ---- the state (the fields read on every call are read once per call, and written through)
  private cachedTcache = -1;
  private cachedTop = -1;
  private cachedSystemMem = -1;

  /** Makes the next reads of the state go to memory (a new call: the program may have written it). */
  forgetCachedState(): this {
    this.cachedTcache = -1;
    this.cachedTop = -1;
    this.cachedSystemMem = -1;
    return this;
  }

  get initialized(): boolean {
    return this.word(this.state + S_INITIALIZED) !== 0;
  }
  set initialized(v: boolean) {
    this.setWord(this.state + S_INITIALIZED, v ? 1 : 0);
  }
  get haveFastchunks(): boolean {
    return this.word(this.state + S_HAVE_FASTCHUNKS) !== 0;
  }
  set haveFastchunks(v: boolean) {
    this.setWord(this.state + S_HAVE_FASTCHUNKS, v ? 1 : 0);
  }
  fastbin(i: number): number {
    return this.word(this.state + S_FASTBINS + 8 * i);
  }
  setFastbin(i: number, p: number): void {
    this.setWord(this.state + S_FASTBINS + 8 * i, p);
  }
  get top(): number {
    if (this.cachedTop === -1) this.cachedTop = this.word(this.state + S_TOP);
    return this.cachedTop;
  }
  set top(p: number) {
    this.cachedTop = p;
    this.setWord(this.state + S_TOP, p);
  }
  get lastRemainder(): number {
    return this.word(this.state + S_LAST_REMAINDER);
  }
  set lastRemainder(p: number) {
    this.setWord(this.state + S_LAST_REMAINDER, p);
  }
  /** bin_at: the fake chunk heading bin i */
  binAt(i: number): number {
    return this.state + S_BINS + 16 * (i - 1) - 16;
  }
  get unsorted(): number {
    return this.binAt(1);
  }
  binmap(block: number): number {
    return this.mem.i32(this.state + S_BINMAP + 4 * block) >>> 0;
  }
  setBinmap(block: number, map: number): void {
    this.mem.setI32(this.state + S_BINMAP + 4 * block, map | 0);
  }
  markBin(i: number): void {
    const block = i >> 5;
    this.setBinmap(block, (this.binmap(block) | (1 << (i & 31))) >>> 0);
  }
  get systemMem(): number {
    if (this.cachedSystemMem === -1) this.cachedSystemMem = this.word(this.state + S_SYSTEM_MEM);
    return this.cachedSystemMem;
  }
  set systemMem(n: number) {
    this.cachedSystemMem = n;
    this.setWord(this.state + S_SYSTEM_MEM, n);
    if (n > this.word(this.state + S_MAX_SYSTEM_MEM)) this.setWord(this.state + S_MAX_SYSTEM_MEM, n);
  }
  get maxSystemMem(): number {
    return this.word(this.state + S_MAX_SYSTEM_MEM);
  }
  get sbrkBase(): number {
    return this.word(this.state + S_SBRK_BASE);
  }
  set sbrkBase(p: number) {
    this.setWord(this.state + S_SBRK_BASE, p);
  }
  get tcache(): number {
    if (this.cachedTcache === -1) this.cachedTcache = this.word(this.state + S_TCACHE);
    return this.cachedTcache;
  }
  set tcache(p: number) {
    this.cachedTcache = p;
    this.setWord(this.state + S_TCACHE, p);
  }
  get tcacheKey(): number {
    return this.word(this.state + S_TCACHE_KEY);
  }
  get mmapThreshold(): number {
    return this.word(this.state + S_MMAP_THRESHOLD);
  }
  get trimThreshold(): number {
    return this.word(this.state + S_TRIM_THRESHOLD);
  }
  /** The dynamic threshold: freeing a mapped chunk larger than the threshold raises it to that size. */
  raiseMmapThreshold(size: number): void {
    this.setWord(this.state + S_MMAP_THRESHOLD, size);
    this.setWord(this.state + S_TRIM_THRESHOLD, 2 * size);
  }
  get mappedChunks(): number {
    return this.word(this.state + S_N_MMAPS);
  }
  set mappedChunks(n: number) {
    this.setWord(this.state + S_N_MMAPS, n);
  }

  /** malloc_init_state: every bin empty (pointing at itself), top = the unsorted bin's header. */
  initialize(): void {
    for (let i = 1; i < NBINS; i++) {
      const bin = this.binAt(i);
      this.setFd(bin, bin);
      this.setBk(bin, bin);
    }
    this.haveFastchunks = false;
    this.top = this.unsorted; // initial_top: a chunk of size 0
    this.setWord(this.state + S_TCACHE_KEY, TCACHE_KEY);
    this.setWord(this.state + S_MMAP_THRESHOLD, MMAP_THRESHOLD);
    this.setWord(this.state + S_TRIM_THRESHOLD, TRIM_THRESHOLD);
    this.initialized = true;
  }

  /**
   * An unsigned 64-bit word (a size_t): exact below 2^53; above, only its magnitude matters (a
   * corrupted size is compared with others, its flag bits are read from the low word).
   */
  unsignedWord(address: number): number {
    const o = this.readable(address, 8);
    if (o < 0) return (this.mem.i32(address + 4) >>> 0) * TWO32 + (this.mem.i32(address) >>> 0);
    const v = this.page!;
    return v.getUint32(o + 4, true) * TWO32 + v.getUint32(o, true);
  }

  // ---- chunks
  prevSize(p: number): number {
    return this.unsignedWord(p);
  }
  setPrevSize(p: number, n: number): void {
    this.setWord(p, n);
  }
  /** the size field with its flag bits (chunksize_nomask) */
  sizeField(p: number): number {
    return this.unsignedWord(p + 8);
  }
  /** the flag bits of the size field */
  sizeBits(p: number): number {
    return this.i32(p + 8) & SIZE_BITS;
  }
  /** chunksize: the size without the flag bits (one translation when the field lies in one page) */
  chunkSize(p: number): number {
    const t = this.mem.tlb;
    const at = p + 8;
    const o = offsetIn(t, at, 8);
    if (o < 0) return this.sizeField(p) - this.sizeBits(p);
    const view = readView(t, at);
    const low = view.getInt32(o, true);
    return (view.getInt32(o + 4, true) >>> 0) * TWO32 + ((low & ~SIZE_BITS) >>> 0);
  }
  setHead(p: number, sizeAndBits: number): void {
    this.setWord(p + 8, sizeAndBits);
  }
  /** set_head_size: a new size, keeping the flag bits */
  setHeadSize(p: number, size: number): void {
    this.setWord(p + 8, size + this.sizeBits(p));
  }
  /** set_foot: the next chunk's prev_size */
  setFoot(p: number, size: number): void {
    this.setWord(p + size, size);
  }
  prevInuse(p: number): boolean {
    return (this.sizeBits(p) & PREV_INUSE) !== 0;
  }
  isMmapped(p: number): boolean {
    return (this.sizeBits(p) & IS_MMAPPED) !== 0;
  }
  /** inuse_bit_at_offset */
  inuseAt(p: number, offset: number): boolean {
    return this.prevInuse(p + offset);
  }
  /** set_inuse_bit_at_offset: sets the low bit in the low word only (the rest may be any value) */
  setInuseAt(p: number, offset: number): void {
    const at = p + offset + 8;
    this.mem.setI32(at, this.mem.i32(at) | PREV_INUSE);
  }
  clearInuseAt(p: number, offset: number): void {
    const at = p + offset + 8;
    this.mem.setI32(at, this.mem.i32(at) & ~PREV_INUSE);
  }
  fd(p: number): number {
    return this.word(p + 16);
  }
  setFd(p: number, q: number): void {
    this.setWord(p + 16, q);
  }
  bk(p: number): number {
    return this.word(p + 24);
  }
  setBk(p: number, q: number): void {
    this.setWord(p + 24, q);
  }
  fdNextsize(p: number): number {
    return this.word(p + 32);
  }
  setFdNextsize(p: number, q: number): void {
    this.setWord(p + 32, q);
  }
  bkNextsize(p: number): number {
    return this.word(p + 40);
  }
  setBkNextsize(p: number, q: number): void {
    this.setWord(p + 40, q);
  }

  /** unlink_chunk: takes p out of its (small or large) bin, with glibc's checks. */
  unlink(p: number): void {
    const size = this.chunkSize(p);
    if (size !== this.prevSize(p + size)) corrupted('corrupted size vs. prev_size');
    const fd = this.fd(p);
    const bk = this.bk(p);
    if (this.bk(fd) !== p || this.fd(bk) !== p) corrupted('corrupted double-linked list');
    this.setBk(fd, bk);
    this.setFd(bk, fd);
    if (!inSmallbinRange(this.sizeField(p)) && this.fdNextsize(p) !== 0) {
      const fdn = this.fdNextsize(p);
      const bkn = this.bkNextsize(p);
      if (this.bkNextsize(fdn) !== p || this.fdNextsize(bkn) !== p) corrupted('corrupted double-linked list (not small)');
      if (this.fdNextsize(fd) === 0) {
        if (fdn === p) {
          this.setFdNextsize(fd, fd);
          this.setBkNextsize(fd, fd);
        } else {
          this.setFdNextsize(fd, fdn);
          this.setBkNextsize(fd, bkn);
          this.setBkNextsize(fdn, fd);
          this.setFdNextsize(bkn, fd);
        }
      } else {
        this.setBkNextsize(fdn, bkn);
        this.setFdNextsize(bkn, fdn);
      }
    }
  }

  // ---- the tcache: uint16_t counts[64] then tcache_entry *entries[64]; an entry is {next, key}
  tcacheCount(i: number): number {
    const at = this.tcache + 2 * i;
    const o = this.readable(at, 2);
    return o < 0 ? this.mem.u16(at) : this.page!.getUint16(o, true);
  }
  setTcacheCount(i: number, n: number): void {
    const at = this.tcache + 2 * i;
    const o = this.writable(at, 2);
    if (o < 0) return this.mem.setI16(at, n);
    this.page!.setInt16(o, n, true);
    const written = this.mem.written;
    if (written !== null) written(at, 2);
  }
  tcacheEntry(i: number): number {
    return this.word(this.tcache + 128 + 8 * i);
  }
  setTcacheEntry(i: number, e: number): void {
    this.setWord(this.tcache + 128 + 8 * i, e);
  }

  /** tcache_put: chunk p (in use) becomes the first entry of tcache bin i. */
  tcachePut(p: number, i: number): void {
    const e = p + CHUNK_HDR_SZ;
    this.setWord(e + 8, this.tcacheKey);
    this.setWord(e, xor64(Math.floor(e / PAGE), this.tcacheEntry(i)));
    this.setTcacheEntry(i, e);
    this.setTcacheCount(i, this.tcacheCount(i) + 1);
  }

  /** tcache_get: the first entry of tcache bin i (its user pointer). */
  tcacheGet(i: number): number {
    const e = this.tcacheEntry(i);
    if (misaligned(e)) corrupted('malloc(): unaligned tcache chunk detected');
    this.setTcacheEntry(i, xor64(Math.floor(e / PAGE), this.word(e)));
    this.setTcacheCount(i, this.tcacheCount(i) - 1);
    this.setWord(e + 8, 0);
    return e;
  }
}
