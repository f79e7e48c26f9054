/**
 * Which rows of a long list of fixed-height rows to draw: the ones in view and a few more on each
 * side (so a scroll of a few rows needs no new ones). Pure arithmetic, used by the kernel log and
 * the terminal, which may hold hundreds of thousands of rows and draw a few dozen.
 */
export interface RowWindow {
  /** first row drawn */
  start: number;
  /** one past the last row drawn */
  end: number;
  /** pixels above the first row drawn */
  offset: number;
  /** pixels of the whole list */
  total: number;
}

/** The rows to draw for a viewport of `height` px scrolled to `scrollTop`, rows of `rowH` px. */
export function rowWindow(count: number, rowH: number, scrollTop: number, height: number, overscan = 10): RowWindow {
  const total = count * rowH;
  const first = Math.floor(Math.max(0, Math.min(scrollTop, total)) / rowH);
  const start = Math.max(0, first - overscan);
  const end = Math.min(count, first + Math.ceil(Math.max(height, rowH) / rowH) + overscan);
  return { start, end: Math.max(start, end), offset: start * rowH, total };
}

/** The scrollTop that shows row `i` whole (keeping `current` when it already does). */
export function scrollToRow(i: number, rowH: number, current: number, height: number): number {
  const top = i * rowH;
  if (top < current) return top;
  if (top + rowH > current + height) return top + rowH - height;
  return current;
}
