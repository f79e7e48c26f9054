/**
 * The program's processes as the trace shows them: each process (not thread) with the process
 * that created it and the clone event that made it, in creation order. Threads (CLONE_THREAD)
 * are not processes; a process made by one of a process's threads is that process's child
 * (or, with CLONE_PARENT, the child of the caller's parent, as `childParent` says).
 */
import type { TraceEvent } from '../kernel/trace.ts';
import type { RunResult } from '../vm/run.ts';

export interface ProcNode {
  pid: number;
  /** the process it was created by (its parent at birth); null for the program's first process */
  parent: number | null;
  /** the clone event that made it (null for the first process) */
  created: TraceEvent | null;
  children: ProcNode[];
}

/** The process tree of a run, rooted at the program's first process (null when nothing ran). */
export function processTree(result: RunResult): { root: ProcNode | null; all: ProcNode[] } {
  const first = result.processes[0];
  if (!first) return { root: null, all: [] };
  const root: ProcNode = { pid: first.pid, parent: null, created: null, children: [] };
  const byPid = new Map<number, ProcNode>([[root.pid, root]]);
  /** thread id → the pid of the process it belongs to */
  const processOf = new Map<number, number>();
  const all = [root];
  for (const e of result.trace) {
    if (e.kind !== 'clone') continue;
    const child = Number(e.child);
    const callerProcess = processOf.get(e.pid) ?? e.pid;
    if (e.what === 'thread') {
      processOf.set(child, typeof e.tgid === 'number' ? e.tgid : callerProcess);
      continue;
    }
    const parentPid = typeof e.childParent === 'number' ? processOf.get(e.childParent) ?? e.childParent : callerProcess;
    const node: ProcNode = { pid: child, parent: parentPid, created: e, children: [] };
    byPid.set(child, node);
    all.push(node);
    (byPid.get(parentPid) ?? root).children.push(node);
  }
  return { root, all };
}

/** A tree as nested lists of children: [[], [[]]] = two children, the second with one child. */
export function shapeOf(node: ProcNode): unknown[] {
  return node.children.map(shapeOf);
}

/** The shape written compactly: [[], [[]]] */
export function formatShape(shape: unknown): string {
  return JSON.stringify(shape).replace(/,/g, ', ');
}

/**
 * The first node (depth first, creation order) whose children differ in number from `expected`,
 * with the event that explains the difference: the first extra child's creation, or the node's
 * own creation when children are missing. Null when the shapes are equal.
 */
export function firstShapeDifference(node: ProcNode, expected: unknown[]): { node: ProcNode; extra: boolean } | null {
  if (node.children.length !== expected.length) return { node, extra: node.children.length > expected.length };
  for (let i = 0; i < expected.length; i++) {
    const diff = firstShapeDifference(node.children[i], Array.isArray(expected[i]) ? (expected[i] as unknown[]) : []);
    if (diff) return diff;
  }
  return null;
}
