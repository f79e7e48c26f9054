import { describe, expect, it } from 'vitest';
import { lineTags } from './line-tags.ts';

describe('lineTags', () => {
  it('one entry per line; a crowded line shows a few pids and how many more', () => {
    const tasks = [{ pid: 9, line: 5 }, { pid: 3, line: 7 }, ...Array.from({ length: 64 }, (_, i) => ({ pid: 100 - i, line: 5 }))];
    const tags = lineTags(tasks, 3);
    expect(tags.map((t) => t.line)).toEqual([5, 7]);
    expect(tags[0]).toMatchObject({ shown: [9, 37, 38], more: 62 });
    expect(tags[0]!.pids).toHaveLength(65);
    expect(tags[1]).toEqual({ line: 7, pids: [3], shown: [3], more: 0 });
  });
});
