/**
 * The pid tags the editor shows at the end of the lines where tasks are: one entry per line, at
 * most a few pids written out and "+N more" for the rest, so 64 processes on one line never run
 * past the editor. Pure TypeScript.
 */
export interface LineTag {
  line: number;
  /** the pids on the line, in order */
  pids: number[];
  /** the pids written out (at most `max`) */
  shown: number[];
  /** how many more are on the line */
  more: number;
}

/** Groups tasks by line (lines in order, pids in order on each). */
export function lineTags(tasks: readonly { pid: number; line: number }[], max = 3): LineTag[] {
  const byLine = new Map<number, number[]>();
  for (const t of tasks) byLine.set(t.line, [...(byLine.get(t.line) ?? []), t.pid]);
  return [...byLine.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([line, pids]) => {
      const sorted = [...pids].sort((a, b) => a - b);
      return { line, pids: sorted, shown: sorted.slice(0, max), more: Math.max(0, sorted.length - max) };
    });
}
