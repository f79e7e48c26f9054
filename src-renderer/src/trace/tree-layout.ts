/**
 * Lays out the process tree: each task under the parent that created it (so reparenting does not
 * move it), children in pid order. Two layouts:
 *   - 'wide': the classic picture, children side by side under their parent, depth downwards;
 *   - 'compact': one row per task, indented by depth (as `pstree` prints it), for runs with many
 *     processes: its width grows with the depth only, never with the number of tasks.
 * Reparent edges are returned separately, from the new parent (init or a subreaper) to the orphan.
 * Also the keyboard order (parent, children, pre-order) the tree's arrow keys follow.
 * Pure TypeScript: no Vue, no DOM.
 */
import type { TaskView } from './state.ts';

export type TreeMode = 'wide' | 'compact';

export interface TreeNode {
  task: TaskView;
  /** top-left corner */
  x: number;
  y: number;
  depth: number;
}

export interface TreeEdge {
  from: number;
  to: number;
  kind: 'parent' | 'reparent';
}

export interface TreeLayout {
  mode: TreeMode;
  nodes: TreeNode[];
  edges: TreeEdge[];
  /** node size in this layout */
  nodeW: number;
  nodeH: number;
  width: number;
  height: number;
  /** every pid in pre-order (the order Up and Down keys follow) */
  order: number[];
  parentOf: Map<number, number>;
  childrenOf: Map<number, number[]>;
}

export const NODE_W = 116;
export const NODE_H = 42;
export const GAP_X = 16;
export const GAP_Y = 22;
/** compact layout: a row per task, indented by depth */
export const ROW_NODE_W = 260;
export const ROW_NODE_H = 22;
export const ROW_GAP = 4;
export const INDENT = 18;
/** room right of the nodes for the reparent edges and their "adopted by" labels */
export const ADOPT_MARGIN = 130;

/** Lays the tasks out in `mode`: node corners, edges, size, and the keyboard order. */
export function layoutTree(tasks: Iterable<TaskView>, mode: TreeMode = 'wide'): TreeLayout {
  const all = [...tasks].sort((a, b) => a.pid - b.pid);
  const byPid = new Map(all.map((t) => [t.pid, t]));
  const creator = (t: TaskView) => t.reparentedFrom ?? t.ppid;
  const childrenOf = new Map<number, number[]>();
  const parentOf = new Map<number, number>();
  const roots: TaskView[] = [];
  for (const t of all) {
    const p = creator(t);
    if (p !== t.pid && byPid.has(p)) {
      childrenOf.set(p, [...(childrenOf.get(p) ?? []), t.pid]);
      parentOf.set(t.pid, p);
    } else roots.push(t);
  }
  const nodes: TreeNode[] = [];
  const order: number[] = [];
  const seen = new Set<number>();
  const kidsOf = (pid: number) => (childrenOf.get(pid) ?? []).filter((k) => !seen.has(k));
  let width: number;
  let height: number;

  if (mode === 'compact') {
    let row = 0;
    let maxDepth = 0;
    const place = (pid: number, depth: number): void => {
      seen.add(pid);
      order.push(pid);
      maxDepth = Math.max(maxDepth, depth);
      nodes.push({ task: byPid.get(pid)!, x: depth * INDENT, y: row++ * (ROW_NODE_H + ROW_GAP), depth });
      for (const k of kidsOf(pid)) place(k, depth + 1);
    };
    for (const r of roots) if (!seen.has(r.pid)) place(r.pid, 0);
    width = maxDepth * INDENT + ROW_NODE_W;
    height = Math.max(1, row) * (ROW_NODE_H + ROW_GAP);
  } else {
    let column = 0;
    let maxDepth = 0;
    const place = (pid: number, depth: number): number => {
      seen.add(pid);
      order.push(pid);
      maxDepth = Math.max(maxDepth, depth);
      const at = nodes.length;
      nodes.push({ task: byPid.get(pid)!, x: 0, y: depth * (NODE_H + GAP_Y), depth });
      const kids = kidsOf(pid);
      let x: number;
      if (kids.length === 0) x = column++ * (NODE_W + GAP_X);
      else {
        const xs = kids.map((k) => place(k, depth + 1));
        x = (xs[0]! + xs[xs.length - 1]!) / 2;
      }
      nodes[at]!.x = x;
      return x;
    };
    for (const r of roots) if (!seen.has(r.pid)) place(r.pid, 0);
    width = Math.max(1, column) * (NODE_W + GAP_X);
    height = (maxDepth + 1) * (NODE_H + GAP_Y);
  }

  const edges: TreeEdge[] = [];
  for (const t of all) {
    const p = creator(t);
    if (byPid.has(p) && p !== t.pid) edges.push({ from: p, to: t.pid, kind: 'parent' });
    if (t.reparentedFrom !== null && byPid.has(t.ppid)) edges.push({ from: t.ppid, to: t.pid, kind: 'reparent' });
  }
  const [nodeW, nodeH] = mode === 'compact' ? [ROW_NODE_W, ROW_NODE_H] : [NODE_W, NODE_H];
  return { mode, nodes, edges, nodeW, nodeH, width, height, order, parentOf, childrenOf };
}

/** The SVG path of an edge between two laid-out nodes. */
export function edgePath(layout: TreeLayout, a: TreeNode, b: TreeNode, kind: TreeEdge['kind']): string {
  const { nodeW: w, nodeH: h } = layout;
  if (kind === 'reparent') {
    // round the right-hand side, from the adopter's right edge into the orphan's
    const ax = a.x + w;
    const ay = a.y + h / 2;
    const bx = b.x + w;
    const by = b.y + h / 2;
    const out = Math.max(ax, bx) + 46;
    return `M${ax},${ay} C${out},${ay} ${out},${by} ${bx + 4},${by}`;
  }
  if (layout.mode === 'compact') {
    // an elbow from under the parent's left side down to the child's left edge
    const x = a.x + INDENT / 2;
    return `M${x},${a.y + h} L${x},${b.y + h / 2} L${b.x},${b.y + h / 2}`;
  }
  const x1 = a.x + w / 2;
  const y1 = a.y + h;
  const x2 = b.x + w / 2;
  const y2 = b.y;
  const mid = (y1 + y2) / 2;
  return `M${x1},${y1} C${x1},${mid} ${x2},${mid} ${x2},${y2}`;
}

/** Where the "adopted by" label of a reparent edge goes. */
export function adoptLabelAt(layout: TreeLayout, a: TreeNode, b: TreeNode): { x: number; y: number } {
  return { x: Math.max(a.x, b.x) + layout.nodeW + 14, y: (a.y + b.y + layout.nodeH) / 2 };
}

/** The key names the tree's arrow keys use. */
export type TreeKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight' | 'Home' | 'End';

/**
 * The pid the focus moves to from `pid` on `key` (ARIA tree keys): Down/Up the next/previous task
 * in pre-order, Right the first child, Left the parent, Home/End the first/last task. `pid` itself
 * when there is nowhere to go.
 */
export function moveFocus(layout: Pick<TreeLayout, 'order' | 'parentOf' | 'childrenOf'>, pid: number, key: TreeKey): number {
  const { order } = layout;
  const i = order.indexOf(pid);
  if (i < 0) return order[0] ?? pid;
  switch (key) {
    case 'ArrowDown':
      return order[Math.min(order.length - 1, i + 1)]!;
    case 'ArrowUp':
      return order[Math.max(0, i - 1)]!;
    case 'ArrowRight':
      return layout.childrenOf.get(pid)?.[0] ?? pid;
    case 'ArrowLeft':
      return layout.parentOf.get(pid) ?? pid;
    case 'Home':
      return order[0]!;
    case 'End':
      return order[order.length - 1]!;
  }
}

/** 'compact' when the wide tree would be wider than `available` pixels (or there are more than `maxWide` tasks). */
export function chooseMode(wideWidth: number, available: number, tasks: number, maxWide = 24): TreeMode {
  return tasks > maxWide || wideWidth + ADOPT_MARGIN > available ? 'compact' : 'wide';
}
