/**
 * The page table of one address space: virtual page number (vpn) → page table entry (pte.ts).
 *
 * Like a hardware page table it has two levels: a directory (a Map, because virtual addresses
 * are sparse: text near 4 MiB, the stack near 128 TiB) of leaf tables, each an array of
 * PTES_PER_TABLE entries covering consecutive pages. An entry of 0 means "not mapped".
 * Copying a leaf at fork is one array copy (slice), which is what makes copy-on-write fork cheap.
 * (Leaves are plain arrays of small integers rather than typed arrays: V8 allocates and copies
 * those several times faster, and fork does little else.)
 */

/** Pages per leaf table (small, so fork copies little besides the pages a process uses). */
export const PTES_PER_TABLE = 64;

export class PageTable {
  /** directory index (vpn / PTES_PER_TABLE) → leaf table */
  readonly tables = new Map<number, number[]>();

  /** The entry for `vpn`, or 0 when it maps nothing. */
  get(vpn: number): number {
    const table = this.tables.get(Math.floor(vpn / PTES_PER_TABLE));
    return table === undefined ? 0 : table[vpn % PTES_PER_TABLE];
  }

  /** Sets the entry for `vpn` (allocating its leaf table if needed). `pte` must not be 0. */
  set(vpn: number, pte: number): void {
    const dir = Math.floor(vpn / PTES_PER_TABLE);
    let table = this.tables.get(dir);
    if (table === undefined) {
      table = newLeafTable();
      this.tables.set(dir, table);
    }
    table[vpn % PTES_PER_TABLE] = pte;
  }

  /** Removes the entry for `vpn` and returns what it was (0 if there was none). */
  clear(vpn: number): number {
    const table = this.tables.get(Math.floor(vpn / PTES_PER_TABLE));
    if (table === undefined) return 0;
    const i = vpn % PTES_PER_TABLE;
    const old = table[i];
    table[i] = 0;
    return old;
  }

  /**
   * Removes every entry with firstVpn <= vpn < endVpn, calling fn(vpn, pte) for each one that
   * was mapped. Visits only the leaf tables that exist, so a huge empty range costs nothing.
   */
  clearRange(firstVpn: number, endVpn: number, fn: (vpn: number, pte: number) => void): void {
    for (const [dir, table] of this.tables) {
      const base = dir * PTES_PER_TABLE;
      const from = Math.max(firstVpn - base, 0);
      const to = Math.min(endVpn - base, PTES_PER_TABLE);
      for (let i = from; i < to; i++) {
        const pte = table[i];
        if (pte === 0) continue;
        table[i] = 0;
        fn(base + i, pte);
      }
    }
  }

  /** Calls fn(vpn, pte) for every mapped page, in increasing vpn order. */
  forEachPresent(fn: (vpn: number, pte: number) => void): void {
    const dirs = [...this.tables.keys()].sort((a, b) => a - b);
    for (const dir of dirs) {
      const table = this.tables.get(dir)!;
      const base = dir * PTES_PER_TABLE;
      for (let i = 0; i < PTES_PER_TABLE; i++) if (table[i] !== 0) fn(base + i, table[i]);
    }
  }

  /** Number of mapped pages. */
  countPresent(): number {
    let n = 0;
    for (const table of this.tables.values()) for (let i = 0; i < PTES_PER_TABLE; i++) if (table[i] !== 0) n++;
    return n;
  }

  /** Forgets every entry (the caller has already dropped the frames' references). */
  clearAll(): void {
    this.tables.clear();
  }
}

/** An empty leaf table: PTES_PER_TABLE entries of 0. */
export function newLeafTable(): number[] {
  const table: number[] = [];
  for (let i = 0; i < PTES_PER_TABLE; i++) table.push(0);
  return table;
}
