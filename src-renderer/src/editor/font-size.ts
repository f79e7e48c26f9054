/**
 * The editor's font size: steps for Ctrl+= and Ctrl+-, kept in the page's localStorage, which
 * survives a reload both in the browser host (per origin) and in the desktop app (app://lab).
 */
export const DEFAULT_FONT_SIZE = 13;
export const MIN_FONT_SIZE = 8;
export const MAX_FONT_SIZE = 40;
const KEY = 'forklab.editor.fontSize';

/** The next size up (dir 1) or down (dir -1), within the bounds. */
export function stepFontSize(size: number, dir: 1 | -1): number {
  const step = size >= 20 ? 2 : 1;
  return Math.min(MAX_FONT_SIZE, Math.max(MIN_FONT_SIZE, size + dir * step));
}

/** The saved size, or the default when none was saved or it is not a sane number. */
export function loadFontSize(): number {
  try {
    const n = Number(globalThis.localStorage?.getItem(KEY));
    return Number.isInteger(n) && n >= MIN_FONT_SIZE && n <= MAX_FONT_SIZE ? n : DEFAULT_FONT_SIZE;
  } catch {
    return DEFAULT_FONT_SIZE;
  }
}

/** Keeps the size for the next visit (silently does nothing where storage is refused). */
export function saveFontSize(size: number): void {
  try {
    globalThis.localStorage?.setItem(KEY, String(size));
  } catch {
    /* private mode or storage full: the size lasts for this visit only */
  }
}
