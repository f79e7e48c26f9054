/**
 * Lays out the process tree: each task under the parent that created it (so reparenting does not
 * move it), children left to right in pid order, depth downwards. Reparent edges are returned
 * separately, from the new parent (init or a subreaper) to the orphan.
 */
import type { TaskView } from './state.ts';

export interface TreeNode {
  task: TaskView;
  x: number;
  y: number;
}

export interface TreeEdge {
  from: number;
  to: number;
  kind: 'parent' | 'reparent';
}

export interface TreeLayout {
  nodes: TreeNode[];
  edges: TreeEdge[];
  width: number;
  height: number;
}

export const NODE_W = 116;
export const NODE_H = 42;
export const GAP_X = 16;
export const GAP_Y = 22;

/** Positions (top-left corners) for every task, and the edges between them. */
export function layoutTree(tasks: Iterable<TaskView>): TreeLayout {
  const all = [...tasks].sort((a, b) => a.pid - b.pid);
  const byPid = new Map(all.map((t) => [t.pid, t]));
  const creator = (t: TaskView) => t.reparentedFrom ?? t.ppid;
  const children = new Map<number, TaskView[]>();
  const roots: TaskView[] = [];
  for (const t of all) {
    const p = creator(t);
    if (p !== t.pid && byPid.has(p)) {
      const list = children.get(p) ?? [];
      list.push(t);
      children.set(p, list);
    } else roots.push(t);
  }
  const nodes: TreeNode[] = [];
  let column = 0;
  let maxDepth = 0;
  const place = (t: TaskView, depth: number, guard: Set<number>): number => {
    guard.add(t.pid);
    maxDepth = Math.max(maxDepth, depth);
    const kids = (children.get(t.pid) ?? []).filter((k) => !guard.has(k.pid));
    let x: number;
    if (kids.length === 0) x = column++ * (NODE_W + GAP_X);
    else {
      const xs = kids.map((k) => place(k, depth + 1, guard));
      x = (xs[0]! + xs[xs.length - 1]!) / 2;
    }
    nodes.push({ task: t, x, y: depth * (NODE_H + GAP_Y) });
    return x;
  };
  const seen = new Set<number>();
  for (const r of roots) place(r, 0, seen);
  const edges: TreeEdge[] = [];
  for (const t of all) {
    const p = creator(t);
    if (byPid.has(p) && p !== t.pid) edges.push({ from: p, to: t.pid, kind: 'parent' });
    if (t.reparentedFrom !== null && byPid.has(t.ppid)) edges.push({ from: t.ppid, to: t.pid, kind: 'reparent' });
  }
  return { nodes, edges, width: Math.max(1, column) * (NODE_W + GAP_X), height: (maxDepth + 1) * (NODE_H + GAP_Y) };
}
