import { describe, expect, it } from 'vitest';
import { TerminalIndex, terminalLines } from './terminal-lines.ts';

const text = (lines: ReturnType<typeof terminalLines>) => lines.map((l) => l.pieces.map((p) => p.text).join('') + (l.nl ? '\n' : '')).join('');

describe('terminalLines', () => {
  it('splits at newlines, keeps who wrote each piece, and loses no text', () => {
    const chunks = [
      { pid: 3, text: 'parent: ', index: 5 },
      { pid: 4, text: 'child\nsecond\n', index: 9 },
      { pid: 3, text: 'done\nno newline', index: 12 },
    ];
    const lines = terminalLines(chunks);
    expect(lines.map((l) => l.pieces.map((p) => `${p.pid}:${p.text}`))).toEqual([['3:parent: ', '4:child'], ['4:second'], ['3:done'], ['3:no newline']]);
    expect(lines.map((l) => l.nl)).toEqual([true, true, true, false]);
    expect(text(lines)).toBe(chunks.map((c) => c.text).join(''));
  });

  it('empty lines stay lines; nothing gives no line', () => {
    expect(terminalLines([{ pid: 3, text: 'a\n\nb\n', index: 1 }]).map((l) => l.pieces.length)).toEqual([1, 0, 1]);
    expect(terminalLines([])).toEqual([]);
  });

  it('follows a terminal that grows and shrinks (scrubbing) and reads any line of 80,000 without splitting them all', () => {
    const big = Array.from({ length: 80_000 }, (_, i) => `line ${i}\n`).join('');
    const index = new TerminalIndex();
    // the terminal at three steps: half, all, a quarter (chunk 1 is the same chunk growing)
    expect(index.update([{ pid: 3, text: big.slice(0, big.length / 2), index: 1 }])).toBeGreaterThan(39_000);
    expect(index.update([{ pid: 3, text: big, index: 1 }, { pid: 4, text: 'tail', index: 9 }])).toBe(80_001);
    expect(index.line(79_999)).toEqual({ pieces: [{ pid: 3, text: 'line 79999', index: 1 }], nl: true });
    expect(index.line(80_000)).toEqual({ pieces: [{ pid: 4, text: 'tail', index: 9 }], nl: false });
    const quarter = big.slice(0, big.indexOf('line 20000'));
    expect(index.update([{ pid: 3, text: quarter, index: 1 }])).toBe(20_000);
    expect(index.line(12_345).pieces[0]!.text).toBe('line 12345');
    // another run reusing chunk indices: not mistaken for the same chunk
    expect(index.update([{ pid: 5, text: 'other\nrun\n', index: 1 }])).toBe(2);
    expect(index.line(1).pieces[0]!.text).toBe('run');
  });
});
