import { describe, expect, it } from 'vitest';
import { chooseMode, layoutTree, moveFocus, NODE_H, NODE_W, ROW_NODE_H, ROW_NODE_W } from './tree-layout.ts';
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

  it('compact: a row per task in pre-order, indented by depth; its width grows with depth, not with the number of tasks', () => {
    // a 6-level fork loop's shape: 64 processes
    const tasks = [task(1, 0), task(2, 1), task(3, 2)];
    let next = 4;
    const grow = (pid: number, levels: number) => {
      for (let l = 0; l < levels; l++) {
        const child = next++;
        tasks.push(task(child, pid));
        grow(child, levels - l - 1);
      }
    };
    grow(3, 6);
    expect(tasks.length).toBe(66);
    const wide = layoutTree(tasks, 'wide');
    const compact = layoutTree(tasks, 'compact');
    expect(wide.width).toBeGreaterThan(30 * NODE_W);
    expect(compact.width).toBeLessThan(ROW_NODE_W + 10 * 18);
    expect(compact.nodes.map((n) => n.task.pid)).toEqual(compact.order);
    const ys = compact.nodes.map((n) => n.y);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    expect(new Set(ys).size).toBe(tasks.length);
    for (const n of compact.nodes) {
      const parent = compact.parentOf.get(n.task.pid);
      if (parent === undefined) continue;
      const p = compact.nodes.find((m) => m.task.pid === parent)!;
      expect(n.x).toBeGreaterThan(p.x);
      expect(n.y).toBeGreaterThanOrEqual(p.y + ROW_NODE_H);
    }
    expect(chooseMode(wide.width, 900, tasks.length)).toBe('compact');
    expect(chooseMode(layoutTree(tasks.slice(0, 5)).width, 900, 5)).toBe('wide');
  });

  it('arrow keys follow the tree: Down/Up in order, Right to the first child, Left to the parent', () => {
    const l = layoutTree([task(1, 0), task(3, 1), task(4, 3), task(5, 3), task(6, 1)], 'wide');
    expect(l.order).toEqual([1, 3, 4, 5, 6]);
    expect(moveFocus(l, 3, 'ArrowDown')).toBe(4);
    expect(moveFocus(l, 4, 'ArrowUp')).toBe(3);
    expect(moveFocus(l, 3, 'ArrowRight')).toBe(4);
    expect(moveFocus(l, 5, 'ArrowLeft')).toBe(3);
    expect(moveFocus(l, 1, 'ArrowLeft')).toBe(1);
    expect(moveFocus(l, 6, 'ArrowDown')).toBe(6);
    expect(moveFocus(l, 5, 'Home')).toBe(1);
    expect(moveFocus(l, 1, 'End')).toBe(6);
  });
});
