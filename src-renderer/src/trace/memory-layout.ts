/**
 * Lays out the memory picture: the page tables of the live address spaces stacked in one column
 * on the left, the physical frames in a column on the right, and one line per page-table row from
 * the row's right edge to the left edge of its frame's row. Everything is in one coordinate
 * system (the SVG's), so a line's ends are exactly the rows' positions.
 *
 * With many address spaces (more than GROUP_ABOVE), the rows that several address spaces map
 * alike (same page, same frame, same rights: text, shared COW pages) are drawn once, in a block
 * of their own at the top, and each address space lists only its other pages.
 *
 * Pure TypeScript: no Vue, no DOM.
 */
import { frameRefs, type PageView, type SegmentView, type ViewState } from './state.ts';

export const ROW_H = 17;
/** a row's drawn box is ROW_H - ROW_GAP high; the gap separates the rows */
export const ROW_GAP = 2;
export const TABLE_W = 250;
export const GUTTER = 110;
export const FRAMES_X = TABLE_W + GUTTER;
export const FRAME_W = 110;
/** the column titles above the tables and the frames */
export const TOP = 34;
/** a page table's title line */
export const BLOCK_HEAD = 20;
export const BLOCK_GAP = 8;
/** more address spaces than this: rows mapped alike are grouped */
export const GROUP_ABOVE = 4;

export interface PageRow {
  /** unique within the layout */
  key: string;
  /** the address spaces this row stands for: one, or several for a row of the shared block */
  mms: number[];
  vpn: number;
  page: PageView;
  segment: string;
  /** changed by a fault at the step shown (a COW copy, a demand-zero page) */
  fresh: boolean;
  /** top of the row's box */
  y: number;
}

export interface TableBlock {
  key: string;
  /** 'table': one address space; 'shared': the rows several address spaces map alike */
  kind: 'table' | 'shared';
  /** the address space (null for the shared block) */
  mm: number | null;
  /** the tasks using it (for the shared block: the tasks of every address space in it) */
  pids: number[];
  /** top of the title line */
  y: number;
  rows: PageRow[];
  /** for a table whose pages are all in the shared block */
  allShared: boolean;
}

export interface FrameRow {
  frame: number;
  /** how many live address spaces map it */
  refs: number;
  y: number;
}

export interface Link {
  key: string;
  frame: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** the frame is mapped by more than one address space */
  shared: boolean;
  cow: boolean;
  fresh: boolean;
}

export interface MemoryLayout {
  blocks: TableBlock[];
  frames: FrameRow[];
  links: Link[];
  grouped: boolean;
  width: number;
  height: number;
}

/** The name of the segment holding page `vpn` ('' when none). */
export function segmentOf(segments: readonly SegmentView[], vpn: number, pageSize: number): string {
  const address = vpn * pageSize;
  return segments.find((s) => address >= s.start && address < s.end)?.name ?? '';
}

/** The live tasks (not zombies, not reaped) of each address space, by pid. */
export function usersOf(state: ViewState): Map<number, number[]> {
  const users = new Map<number, number[]>();
  for (const t of state.tasks.values()) {
    if (t.mm === null || t.state === 'X' || t.state === 'Z') continue;
    const list = users.get(t.mm) ?? [];
    list.push(t.pid);
    users.set(t.mm, list);
  }
  for (const list of users.values()) list.sort((a, b) => a - b);
  return users;
}

/** The centre line of a row (or frame) whose box starts at `y`. */
export function rowMiddle(y: number): number {
  return y + (ROW_H - ROW_GAP) / 2;
}

const entryKey = (vpn: number, p: PageView) => `${vpn}:${p.frame}:${p.flags}`;

/** Lays out every address space of `state` (pages of `pageSize` bytes); `groupAbove` overrides GROUP_ABOVE. */
export function layoutMemory(state: ViewState, pageSize: number, groupAbove = GROUP_ABOVE): MemoryLayout {
  const users = usersOf(state);
  const mms = [...state.mms.values()].sort((a, b) => a.id - b.id);
  const grouped = mms.length > groupAbove;
  const isFresh = (p: PageView) => p.changedStep === state.step && p.how !== 'snapshot';

  // rows mapped alike by two or more address spaces, when grouping
  const alike = new Map<string, number[]>();
  if (grouped) {
    for (const m of mms) for (const [vpn, p] of m.pages) {
      const k = entryKey(vpn, p);
      alike.set(k, [...(alike.get(k) ?? []), m.id]);
    }
    for (const [k, ids] of alike) if (ids.length < 2) alike.delete(k);
  }

  const blocks: TableBlock[] = [];
  let y = TOP;
  const addBlock = (b: Omit<TableBlock, 'y' | 'rows'>, rows: Omit<PageRow, 'y'>[]) => {
    const block: TableBlock = { ...b, y, rows: [] };
    y += BLOCK_HEAD;
    for (const r of rows) {
      block.rows.push({ ...r, y });
      y += ROW_H;
    }
    y += BLOCK_GAP;
    blocks.push(block);
  };

  if (alike.size > 0) {
    const rows: Omit<PageRow, 'y'>[] = [];
    const done = new Set<string>();
    for (const m of mms) for (const [vpn, p] of m.pages) {
      const k = entryKey(vpn, p);
      const ids = alike.get(k);
      if (!ids || done.has(k)) continue;
      done.add(k);
      rows.push({ key: `shared:${k}`, mms: ids, vpn, page: p, segment: segmentOf(m.segments, vpn, pageSize), fresh: isFresh(p) });
    }
    rows.sort((a, b) => a.vpn - b.vpn || b.mms.length - a.mms.length || a.page.frame - b.page.frame);
    const pids = [...new Set(rows.flatMap((r) => r.mms.flatMap((id) => users.get(id) ?? [])))].sort((a, b) => a - b);
    addBlock({ key: 'shared', kind: 'shared', mm: null, pids, allShared: false }, rows);
  }
  for (const m of mms) {
    const rows: Omit<PageRow, 'y'>[] = [...m.pages.entries()]
      .filter(([vpn, p]) => !alike.has(entryKey(vpn, p)))
      .sort((a, b) => a[0] - b[0])
      .map(([vpn, p]) => ({ key: `${m.id}:${vpn}`, mms: [m.id], vpn, page: p, segment: segmentOf(m.segments, vpn, pageSize), fresh: isFresh(p) }));
    addBlock({ key: `mm:${m.id}`, kind: 'table', mm: m.id, pids: users.get(m.id) ?? [], allShared: rows.length === 0 && m.pages.size > 0 }, rows);
  }

  const frames = placeFrames(blocks, frameRefs(state));
  const frameY = new Map(frames.map((f) => [f.frame, f.y]));
  const refs = new Map(frames.map((f) => [f.frame, f.refs]));
  const links: Link[] = [];
  for (const b of blocks) for (const r of b.rows) {
    const fy = frameY.get(r.page.frame)!;
    links.push({
      key: r.key, frame: r.page.frame,
      x1: TABLE_W, y1: rowMiddle(r.y), x2: FRAMES_X, y2: rowMiddle(fy),
      shared: (refs.get(r.page.frame) ?? 0) > 1, cow: r.page.flags.includes('c'), fresh: r.fresh,
    });
  }
  const bottom = Math.max(y, ...frames.map((f) => f.y + ROW_H));
  return { blocks, frames, links, grouped, width: FRAMES_X + Math.max(FRAME_W, 170) + 10, height: bottom + 4 };
}

/**
 * Places each frame beside the first row that maps it (so a page's own frame sits level with it
 * and its line is flat), in that order, never two frames in one row.
 */
function placeFrames(blocks: TableBlock[], refs: Map<number, number>): FrameRow[] {
  const firstY = new Map<number, number>();
  for (const b of blocks) for (const r of b.rows) if (!firstY.has(r.page.frame)) firstY.set(r.page.frame, r.y);
  const order = [...firstY.entries()].sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  const frames: FrameRow[] = [];
  let next = TOP + BLOCK_HEAD;
  for (const [frame, want] of order) {
    const y = Math.max(want, next);
    frames.push({ frame, refs: refs.get(frame) ?? 0, y });
    next = y + ROW_H;
  }
  return frames;
}

/** The cubic curve of a link, flat where it leaves the row and where it reaches the frame. */
export function linkPath(l: Pick<Link, 'x1' | 'y1' | 'x2' | 'y2'>): string {
  const bend = (l.x2 - l.x1) * 0.45;
  return `M${l.x1},${l.y1} C${l.x1 + bend},${l.y1} ${l.x2 - bend},${l.y2} ${l.x2},${l.y2}`;
}

/** The pids a title line shows (at most `max`) and how many more it leaves out. */
export function visiblePids(pids: readonly number[], max = 4): { shown: number[]; more: number } {
  return { shown: pids.slice(0, max), more: Math.max(0, pids.length - max) };
}

/** The part of a layout to draw for the band [top, bottom) of its height. */
export interface VisiblePart {
  blocks: TableBlock[];
  frames: FrameRow[];
  links: Link[];
}

/**
 * What to draw when only the band [top, bottom) is in view: the rows, titles and frames that
 * overlap it, and every line that crosses it (a line whose page or frame lies outside still
 * shows where it goes). The geometry is the layout's: nothing moves, some things are left out.
 */
export function visiblePart(layout: MemoryLayout, top: number, bottom: number): VisiblePart {
  const inBand = (y: number, h: number) => y + h > top && y < bottom;
  const blocks = layout.blocks
    .filter((b) => inBand(b.y, BLOCK_HEAD) || b.rows.some((r) => inBand(r.y, ROW_H)))
    .map((b) => ({ ...b, rows: b.rows.filter((r) => inBand(r.y, ROW_H)) }));
  const frames = layout.frames.filter((f) => inBand(f.y, ROW_H));
  // a line's ends are row middles: widen the band by a row so a partly visible row keeps its line
  const links = layout.links.filter((l) => Math.max(l.y1, l.y2) + ROW_H > top && Math.min(l.y1, l.y2) - ROW_H < bottom);
  return { blocks, frames, links };
}
