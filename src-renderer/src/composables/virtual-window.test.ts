import { describe, expect, it } from 'vitest';
import { rowWindow, scrollToRow } from './virtual-window.ts';

describe('rowWindow', () => {
  it('draws the rows in view and a few more, never past the ends', () => {
    expect(rowWindow(100_000, 16, 16 * 5000, 160, 10)).toEqual({ start: 4990, end: 5020, offset: 4990 * 16, total: 1_600_000 });
    expect(rowWindow(100_000, 16, 0, 160, 10)).toMatchObject({ start: 0, end: 20 });
    expect(rowWindow(5, 16, 0, 400, 10)).toMatchObject({ start: 0, end: 5 });
    expect(rowWindow(0, 16, 0, 400)).toMatchObject({ start: 0, end: 0, total: 0 });
    // scrolled past the end (the list shrank): the last rows
    expect(rowWindow(50, 16, 99_999, 160, 2)).toMatchObject({ start: 48, end: 50 });
  });

  it('draws at most a viewport and twice the overscan', () => {
    const w = rowWindow(1_000_000, 16, 123_456, 480, 10);
    expect(w.end - w.start).toBeLessThanOrEqual(480 / 16 + 20);
    expect(w.offset).toBeLessThanOrEqual(123_456);
  });
});

describe('scrollToRow', () => {
  it('scrolls just enough to show the row', () => {
    expect(scrollToRow(10, 16, 0, 160)).toBe(16);
    expect(scrollToRow(2, 16, 100, 160)).toBe(32);
    expect(scrollToRow(8, 16, 100, 160)).toBe(100);
  });
});
