import { describe, expect, it } from 'vitest';
import { layoutTree, NODE_H } from './tree-layout.ts';
import type { TaskView } from './state.ts';

function task(pid: number, ppid: number, reparentedFrom: number | null = null): TaskView {
  return {
    pid, ppid, reparentedFrom, tgid: pid, command: 'prog', mm: null, state: 'R', blockedOn: null, exitCode: null, signal: null,
    reapedBy: null, origin: 'fork', bornAt: 0, line: null, fn: null, depth: 0,
  };
}

describe('layoutTree', () => {
  it('keeps an orphan under the parent that made it and adds a reparent edge from its adopter', () => {
    const tasks = [task(1, 0), task(3, 1), task(4, 3), task(5, 1, 4)];
    const { nodes, edges } = layoutTree(tasks);
    const at = new Map(nodes.map((n) => [n.task.pid, n]));
    expect(at.get(5)!.y).toBeGreaterThan(at.get(4)!.y);
    expect(at.get(5)!.y - at.get(4)!.y).toBeGreaterThanOrEqual(NODE_H);
    expect(edges).toContainEqual({ from: 4, to: 5, kind: 'parent' });
    expect(edges).toContainEqual({ from: 1, to: 5, kind: 'reparent' });
    expect(edges.filter((e) => e.kind === 'reparent')).toHaveLength(1);
  });

  it('places siblings side by side under their parent, centred', () => {
    const { nodes } = layoutTree([task(3, 2), task(4, 3), task(5, 3), task(6, 3)]);
    const at = new Map(nodes.map((n) => [n.task.pid, n]));
    const xs = [4, 5, 6].map((p) => at.get(p)!.x);
    expect(new Set([4, 5, 6].map((p) => at.get(p)!.y)).size).toBe(1);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(at.get(3)!.x).toBe((xs[0]! + xs[2]!) / 2);
  });
});
