/**
 * The terminal's text as lines, each made of the pieces different tasks wrote (a line may hold
 * the output of two tasks), without building every line: the terminal draws only the lines in
 * view of a text that may hold 100,000 lines, at every scrub. `TerminalIndex` keeps, per chunk,
 * where its newlines are, and extends that when the chunk grew (a later step appended to it) or
 * reads a prefix of it (an earlier step), so a scrub costs the text that changed, not the whole.
 * Pure TypeScript.
 */
import type { OutputChunk } from './state.ts';

export interface TermPiece {
  pid: number;
  text: string;
  /** the trace index of the chunk it comes from (a stable key) */
  index: number;
}

export interface TermLine {
  pieces: TermPiece[];
  /** ends with a newline (false for the last, unfinished line) */
  nl: boolean;
}

interface Scanned {
  text: string;
  /** offsets of the newlines of `text` */
  newlines: number[];
}

/** Offsets of the newlines of `text` from `from` on, appended to `into`. */
function scanNewlines(text: string, from: number, into: number[]): void {
  for (let i = text.indexOf('\n', from); i >= 0; i = text.indexOf('\n', i + 1)) into.push(i);
}

/** How many of the sorted `offsets` are below `limit`. */
function countBelow(offsets: readonly number[], limit: number): number {
  let lo = 0;
  let hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid]! < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class TerminalIndex {
  /** per chunk (by its trace index): the longest text seen and its newlines */
  private readonly scanned = new Map<number, Scanned>();
  private chunks: readonly OutputChunk[] = [];
  /** per current chunk: its offset in the whole text, and newlines before it */
  private starts: number[] = [];
  private nlBefore: number[] = [];
  private nlCount: number[] = [];
  private length = 0;
  private newlines = 0;

  /** Takes the terminal at a step; returns its number of lines. */
  update(chunks: readonly OutputChunk[]): number {
    this.chunks = chunks;
    this.starts = new Array(chunks.length);
    this.nlBefore = new Array(chunks.length);
    this.nlCount = new Array(chunks.length);
    let offset = 0;
    let nl = 0;
    for (let k = 0; k < chunks.length; k++) {
      const c = chunks[k]!;
      this.starts[k] = offset;
      this.nlBefore[k] = nl;
      const n = this.newlinesIn(c);
      this.nlCount[k] = n;
      offset += c.text.length;
      nl += n;
    }
    this.length = offset;
    this.newlines = nl;
    this.forgetOthers();
    return this.lineCount;
  }

  /** Lines of the text last given: a line per newline, and the unfinished last line if any. */
  get lineCount(): number {
    const endsOpen = this.length > 0 && this.newlineAt(this.newlines - 1) !== this.length - 1;
    return this.newlines + (endsOpen ? 1 : 0);
  }

  /** Line `i` (0-based) of the text last given. */
  line(i: number): TermLine {
    const start = i === 0 ? 0 : this.newlineAt(i - 1) + 1;
    const nl = i < this.newlines;
    const end = nl ? this.newlineAt(i) : this.length;
    const pieces: TermPiece[] = [];
    let k = this.chunkAt(start);
    while (k < this.chunks.length && this.starts[k]! < end) {
      const c = this.chunks[k]!;
      const from = Math.max(0, start - this.starts[k]!);
      const to = Math.min(c.text.length, end - this.starts[k]!);
      if (to > from) pieces.push({ pid: c.pid, text: c.text.slice(from, to), index: c.index });
      k++;
    }
    return { pieces, nl };
  }

  /** Drops the scans of chunks no longer shown once they pile up (other runs, far-away steps). */
  private forgetOthers(): void {
    if (this.scanned.size <= 4 * this.chunks.length + 64) return;
    const keep = new Set(this.chunks.map((c) => c.index));
    for (const k of this.scanned.keys()) if (!keep.has(k)) this.scanned.delete(k);
  }

  /** The number of newlines in a chunk, from the scan cache (extended or read as a prefix). */
  private newlinesIn(c: OutputChunk): number {
    let s = this.scanned.get(c.index);
    if (s && c.text.length <= s.text.length && s.text.startsWith(c.text)) return countBelow(s.newlines, c.text.length);
    if (s && c.text.startsWith(s.text)) {
      scanNewlines(c.text, s.text.length, s.newlines);
      s.text = c.text;
    } else {
      s = { text: c.text, newlines: [] };
      scanNewlines(c.text, 0, s.newlines);
      this.scanned.set(c.index, s);
    }
    return s.newlines.length;
  }

  /** The offset in the whole text of newline number `n` (0-based), -1 for none. */
  private newlineAt(n: number): number {
    if (n < 0) return -1;
    // the chunk holding it: the last chunk with nlBefore <= n
    let lo = 0;
    let hi = this.chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.nlBefore[mid]! <= n) lo = mid;
      else hi = mid - 1;
    }
    const s = this.scanned.get(this.chunks[lo]!.index)!;
    return this.starts[lo]! + s.newlines[n - this.nlBefore[lo]!]!;
  }

  /** The chunk holding offset `at` of the whole text. */
  private chunkAt(at: number): number {
    let lo = 0;
    let hi = this.chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/** Every line of `chunks` (for small texts and tests; the terminal uses TerminalIndex). */
export function terminalLines(chunks: readonly OutputChunk[]): TermLine[] {
  const index = new TerminalIndex();
  const n = index.update(chunks);
  return Array.from({ length: n }, (_, i) => index.line(i));
}
