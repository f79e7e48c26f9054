/**
 * The allocator's most frequent operations done in one flat function each (a program that builds
 * and frees lists does little else): malloc served by the tcache or by a fastbin (which refills
 * the tcache), free into the tcache or into a fastbin. Nothing is cached between calls: each
 * reads every word it needs from the process's memory, as the general path (allocate.ts,
 * release.ts) does, and writes the same words with the same values in the same order.
 *
 * A fast path runs only where it can finish: every word it touches lies in a page the TLB already
 * holds (writable where it writes), no one watches the library's writes (memcheck), the chunks do
 * not overlap the words written before they are read, every glibc check passes and every pointer
 * it encodes (PROTECT_PTR) is one the general path encodes exactly (below 2^53). Otherwise it
 * returns NOT_HANDLED having written nothing, and the general path runs from the start: it
 * faults, copies on write, notifies memcheck and reports corruption with glibc's message, as
 * always. Reading a page the TLB holds has no effect, so a fast path reads before it decides.
 * The one exception, the fastbin's refill of the tcache, hands its remaining loop to the general
 * path's (fastbinToTcache), which reads everything afresh.
 */
import { TLB_MASK, type Tlb } from '../../tlb.ts';
import {
  CHUNK_HDR_SZ, IS_MMAPPED, MAX_FAST, MINSIZE, S_FASTBINS, S_HAVE_FASTCHUNKS, S_INITIALIZED, S_SYSTEM_MEM, S_TCACHE, S_TCACHE_KEY,
  SIZE_BITS, STATE_SIZE, TCACHE_COUNT, TCACHE_MAX_BINS, TCACHE_STRUCT_SIZE, type Heap, fastbinIndex,
} from './heap.ts';
import { fastbinToTcache } from './allocate.ts';

/** What a fast path returns when the general path must do the operation. */
export const NOT_HANDLED = -1;

/** Whether malloc and free try their fast paths (tests turn them off to compare with the general path). */
export const fastPaths = { enabled: true };

const TWO32 = 4294967296;
/** the largest request the tcache serves (tidx2usize(63)), and its chunk size */
const MAX_TCACHE_REQUEST = 1032;
const MAX_TCACHE_SIZE = 1040;
/** where the entries follow the counts in the tcache (uint16_t counts[64]) */
const TCACHE_ENTRIES = 2 * TCACHE_MAX_BINS;

/** the page `held` found */
let page: DataView;

/**
 * Offset of the `size` bytes at `address` in the page the TLB holds for them (writable when
 * `write`), that page's view left in `page`; -1 when the TLB does not hold it or the bytes cross
 * into the next page. An offset in a page has the address's low bits (pages are multiples of 16).
 */
function held(t: Tlb, address: number, size: number, write: boolean): number {
  const vpn = Math.floor(address * t.invPageSize);
  const k = vpn & TLB_MASK;
  const o = address - vpn * t.pageSize;
  if (t.tag[k] !== vpn || o > t.pageSize - size || (write && t.writable[k] !== 1)) return -1;
  page = t.view[k];
  return o;
}

/** the pointer-sized word at offset o of view v (signed 64-bit, as Heap.word) */
function wordIn(v: DataView, o: number): number {
  return v.getInt32(o + 4, true) * TWO32 + v.getUint32(o, true);
}

/**
 * Whether the word at offset o of view v lies in [0, 2^53): PROTECT_PTR of it is what the general
 * path computes (xor64 is exact there; above, its doubles round).
 */
function exactWord(v: DataView, o: number): boolean {
  return v.getUint32(o + 4, true) < 2 ** 21;
}

/**
 * Stores PROTECT_PTR(pos, ptr) = (pos >> 12) ^ ptr at offset o of view `to`: pos a user address
 * (below 2^47), ptr the word at offset `from` of view `of`, an exactWord.
 */
function storeProtected(to: DataView, o: number, pos: number, of: DataView, from: number): void {
  const high = Math.floor(pos / TWO32);
  const low = (high << 20) | ((pos >>> 0) >>> 12);
  const ptrLow = of.getInt32(from, true);
  const ptrHigh = of.getInt32(from + 4, true);
  to.setInt32(o, low ^ ptrLow, true);
  to.setInt32(o + 4, (high >>> 12) ^ ptrHigh, true);
}

/** stores a pointer-sized word at offset o of view v (as Heap.setWord, for a value below 2^53) */
function setWordIn(v: DataView, o: number, value: number): void {
  v.setInt32(o, value >>> 0, true);
  v.setInt32(o + 4, Math.floor(value / TWO32) | 0, true);
}

/**
 * The allocator's state as the fast paths read it, with two look-ups: its head (initialized,
 * have_fastchunks, the fastbins) and the words from system_mem to the tcache key, each in a page
 * the TLB holds writable. `head` and `tail` are the offsets of the state's start and of
 * system_mem in their pages (views `headPage`, `tailPage`); false when a page is not held.
 */
function holdState(t: Tlb, state: number): boolean {
  head = held(t, state, S_FASTBINS + 8 * 10, true);
  if (head < 0) return false;
  headPage = page;
  tail = held(t, state + S_SYSTEM_MEM, S_TCACHE_KEY + 8 - S_SYSTEM_MEM, true);
  tailPage = page;
  return tail >= 0;
}
let head = -1;
let tail = -1;
let headPage: DataView;
let tailPage: DataView;

/** the state's word at `offset` (S_...) of its head (below the bins) */
function headWord(offset: number): number {
  return wordIn(headPage, head + offset);
}

/** the state's word at `offset` (S_SYSTEM_MEM and after) */
function tailWord(offset: number): number {
  return wordIn(tailPage, tail + offset - S_SYSTEM_MEM);
}

/** csize2tidx for a chunk size below 2^31 */
function tcacheIndexOf(size: number): number {
  return (size - MINSIZE + 15) >> 4;
}

/**
 * __libc_malloc of a small request the tcache or a fastbin serves: its user pointer, or
 * NOT_HANDLED.
 */
export function mallocFast(h: Heap, bytes: number): number {
  if (!fastPaths.enabled || h.mem.written !== null || !(bytes <= MAX_TCACHE_REQUEST)) return NOT_HANDLED;
  const t = h.mem.tlb;
  // request2size of a small request, in 32-bit integers
  const nb = bytes + 23 < MINSIZE ? MINSIZE : (bytes + 23) & ~15;
  const idx = tcacheIndexOf(nb);
  if (!holdState(t, h.state) || headWord(S_INITIALIZED) === 0) return NOT_HANDLED;
  const tcache = tailWord(S_TCACHE);
  if (tcache === 0) return NOT_HANDLED;
  // the tcache: uint16_t counts[64], then tcache_entry *entries[64]
  const at = held(t, tcache, TCACHE_STRUCT_SIZE, true);
  if (at < 0) return NOT_HANDLED;
  const tc = page;
  const countAt = at + 2 * idx;
  const count = tc.getUint16(countAt, true);
  if (count === 0) return nb <= MAX_FAST ? mallocFromFastbin(h, t, nb, tcache, tc, at) : NOT_HANDLED;
  // tcache_get
  const entryAt = at + TCACHE_ENTRIES + 8 * idx;
  const e = wordIn(tc, entryAt);
  // an unaligned entry is reported by the general path; an aligned one's two words lie in one page
  const eAt = held(t, e, 16, true);
  if (eAt < 0 || (eAt & 15) !== 0 || !exactWord(page, eAt)) return NOT_HANDLED;
  const entry = page;
  // entries[idx] = REVEAL_PTR(e->next); --counts[idx]; e->key = 0
  storeProtected(tc, entryAt, e, entry, eAt);
  tc.setInt16(countAt, count - 1, true);
  entry.setInt32(eAt + 8, 0, true);
  entry.setInt32(eAt + 12, 0, true);
  return e;
}

/**
 * _int_malloc's fastbin path for chunk size nb (<= MAX_FAST) when the tcache bin is empty (the
 * tcache at offset `at` of view `tc`, the state held): the bin's first chunk, the next ones
 * moved to the tcache while it has room.
 */
function mallocFromFastbin(h: Heap, t: Tlb, nb: number, tcache: number, tc: DataView, at: number): number {
  const state = h.state;
  // the tcache overlapping the state would write the fastbins it reads
  if (tcache + TCACHE_STRUCT_SIZE > state && tcache < state + STATE_SIZE) return NOT_HANDLED;
  const binAt = head + S_FASTBINS + 8 * fastbinIndex(nb);
  const bin = headPage;
  const victim = wordIn(bin, binAt);
  if (victim === 0 || overlapsState(victim, state)) return NOT_HANDLED;
  // its header and fd (unaligned: the general path reports it)
  const vAt = held(t, victim, 24, false);
  if (vAt < 0 || (vAt & 15) !== 0 || !exactWord(page, vAt + 16)) return NOT_HANDLED;
  const chunk = page;
  const sizeLow = chunk.getInt32(vAt + 8, true);
  const size = (chunk.getInt32(vAt + 12, true) >>> 0) * TWO32 + ((sizeLow & ~SIZE_BITS) >>> 0);
  if (fastbinIndex(size) !== fastbinIndex(nb)) return NOT_HANDLED;
  // fastbin = REVEAL_PTR(victim->fd); then the rest of the bin to the tcache
  storeProtected(bin, binAt, victim + 16, chunk, vAt + 16);
  moveFastbinToTcache(h, t, bin, binAt, nb, tcache, tc, at);
  return victim + CHUNK_HDR_SZ;
}

/** Whether a chunk's first 32 bytes (header, fd, bk) overlap the allocator's state. */
function overlapsState(p: number, state: number): boolean {
  return p + 32 > state && p < state + STATE_SIZE;
}

/**
 * The fastbin's chunks (its slot at binAt of view `bin`) to the tcache bin for nb while it has
 * room (the loop of takeFromFastbin); when a chunk cannot be moved here, fastbinToTcache moves
 * the rest.
 */
function moveFastbinToTcache(h: Heap, t: Tlb, bin: DataView, binAt: number, nb: number, tcache: number, tc: DataView, at: number): void {
  const idx = tcacheIndexOf(nb);
  const countAt = at + 2 * idx;
  const entryAt = at + TCACHE_ENTRIES + 8 * idx;
  const key = tailWord(S_TCACHE_KEY);
  let count = tc.getUint16(countAt, true);
  for (; count < TCACHE_COUNT; count++) {
    const p = wordIn(bin, binAt);
    if (p === 0) return;
    const pAt = held(t, p, 32, true);
    if (pAt < 0 || (pAt & 15) !== 0 || !exactWord(page, pAt + 16) || !exactWord(tc, entryAt)
      || overlapsState(p, h.state) || (p + 32 > tcache && p < tcache + TCACHE_STRUCT_SIZE)) return fastbinToTcache(h, fastbinIndex(nb), idx);
    const chunk = page;
    // fastbin = REVEAL_PTR(p->fd); then tcache_put(p)
    storeProtected(bin, binAt, p + 16, chunk, pAt + 16);
    setWordIn(chunk, pAt + 24, key);
    storeProtected(chunk, pAt + 16, p + 16, tc, entryAt);
    setWordIn(tc, entryAt, p + 16);
    tc.setInt16(countAt, count + 1, true);
  }
}

/**
 * __libc_free of a chunk that goes to the tcache (tcache_put) or, its tcache bin full, to a
 * fastbin: true when done, false when the general path must free it. `mem` is not 0.
 */
export function freeFast(h: Heap, mem: number): boolean {
  if (!fastPaths.enabled || h.mem.written !== null) return false;
  const t = h.mem.tlb;
  const p = mem - CHUNK_HDR_SZ;
  // the chunk's header (prev_size, size) and its first two user words (a tcache entry's next and key)
  const at = held(t, p, 32, true);
  if (at < 0 || (at & 15) !== 0) return false;
  const chunk = page;
  const sizeLow = chunk.getInt32(at + 8, true);
  // mmapped, misaligned (sizes are multiples of 16), or beyond the tcache's sizes: the general path
  if ((sizeLow & (IS_MMAPPED | 8)) !== 0 || chunk.getInt32(at + 12, true) !== 0) return false;
  const size = sizeLow & ~SIZE_BITS;
  if (size < MINSIZE || size > MAX_TCACHE_SIZE) return false;
  const idx = tcacheIndexOf(size);
  if (!holdState(t, h.state) || headWord(S_INITIALIZED) === 0) return false;
  const tcache = tailWord(S_TCACHE);
  const key = tailWord(S_TCACHE_KEY);
  // a chunk overlapping the tcache would see its own writes in what is read after them;
  // e->key == tcache_key: maybe a double free, which the general path looks for
  if (tcache === 0 || (p + 32 > tcache && p < tcache + TCACHE_STRUCT_SIZE) || wordIn(chunk, at + 24) === key) return false;
  const tcAt = held(t, tcache, TCACHE_STRUCT_SIZE, true);
  if (tcAt < 0) return false;
  const tc = page;
  const countAt = tcAt + 2 * idx;
  const count = tc.getUint16(countAt, true);
  if (count >= TCACHE_COUNT) return size <= MAX_FAST && intoFastbin(h, t, p, size, chunk, at);
  const entryAt = tcAt + TCACHE_ENTRIES + 8 * idx;
  if (!exactWord(tc, entryAt)) return false;
  // tcache_put: e->key = tcache_key; e->next = PROTECT_PTR(&e->next, entries[idx]); entries[idx] = e; ++counts[idx]
  const e = p + CHUNK_HDR_SZ;
  setWordIn(chunk, at + 24, key);
  storeProtected(chunk, at + 16, e, tc, entryAt);
  setWordIn(tc, entryAt, e);
  tc.setInt16(countAt, count + 1, true);
  return true;
}

/**
 * _int_free's fastbin part for chunk p (its header at offset `at` of view `chunk`, the state
 * held): false when not done.
 */
function intoFastbin(h: Heap, t: Tlb, p: number, size: number, chunk: DataView, at: number): boolean {
  const nextAt = held(t, p + size + 8, 8, false);
  if (nextAt < 0) return false;
  // the next chunk's size field (as Heap.sizeField) and its size (as Heap.chunkSize)
  const high = page.getUint32(nextAt + 4, true) * TWO32;
  const low = page.getInt32(nextAt, true);
  if (high + (low >>> 0) <= CHUNK_HDR_SZ || high + ((low & ~SIZE_BITS) >>> 0) >= tailWord(S_SYSTEM_MEM)) return false;
  const binAt = head + S_FASTBINS + 8 * fastbinIndex(size);
  // p == the bin's first chunk: double free or corruption (fasttop), which the general path reports
  if (!exactWord(headPage, binAt) || wordIn(headPage, binAt) === p) return false;
  // have_fastchunks = true; p->fd = PROTECT_PTR(&p->fd, old); fastbin = p
  headPage.setInt32(head + S_HAVE_FASTCHUNKS, 1, true);
  headPage.setInt32(head + S_HAVE_FASTCHUNKS + 4, 0, true);
  storeProtected(chunk, at + 16, p + 16, headPage, binAt);
  setWordIn(headPage, binAt, p);
  return true;
}
