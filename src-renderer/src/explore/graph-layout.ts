/**
 * Where the process graph (ExploreView.graphs) is drawn: a row per process (its lane), and each
 * vertex in the column of its longest chain of edges from a start, so that every edge goes to
 * the right, as CS:APP draws process graphs. Pure geometry; ProcessGraphView.vue draws it.
 */
import type { EdgeKind, ProcessGraph, VertexKind } from '../lab/index.ts';

export const BOX_W = 124;
export const BOX_H = 30;
const GAP_X = 22;
const GAP_Y = 22;
export const LANE_LABEL_W = 80;
/** characters of a label shown in its box (the whole label is the box's title) */
const LABEL_CHARS = 19;

export interface LaidVertex {
  id: string;
  x: number;
  y: number;
  kind: VertexKind;
  /** the text in the box (cut when long) and the whole label */
  text: string;
  label: string;
}

export interface LaidEdge {
  from: string;
  to: string;
  kind: EdgeKind;
  /** an SVG path from the right of `from` to the left of `to` */
  d: string;
}

export interface GraphLayout {
  width: number;
  height: number;
  lanes: { name: string; y: number }[];
  vertices: LaidVertex[];
  edges: LaidEdge[];
}

/** Lays out `graph` (see the header). */
export function layoutGraph(graph: ProcessGraph): GraphLayout {
  const column = columns(graph);
  const rowY = (lane: number): number => lane * (BOX_H + GAP_Y);
  const colX = (c: number): number => LANE_LABEL_W + c * (BOX_W + GAP_X);
  const vertices: LaidVertex[] = graph.vertices.map((v) => ({
    id: v.id,
    x: colX(column.get(v.id) ?? 0),
    y: rowY(v.lane),
    kind: v.kind,
    text: v.label.length > LABEL_CHARS ? `${v.label.slice(0, LABEL_CHARS - 1)}…` : v.label,
    label: v.label,
  }));
  const at = new Map(vertices.map((v) => [v.id, v]));
  const edges: LaidEdge[] = graph.edges.flatMap((e) => {
    const a = at.get(e.from);
    const b = at.get(e.to);
    if (!a || !b) return [];
    const x1 = a.x + BOX_W;
    const y1 = a.y + BOX_H / 2;
    const x2 = b.x;
    const y2 = b.y + BOX_H / 2;
    const bend = Math.max(12, (x2 - x1) / 2);
    return [{ from: e.from, to: e.to, kind: e.kind, d: `M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}` }];
  });
  const maxCol = Math.max(0, ...column.values());
  return {
    width: colX(maxCol) + BOX_W + 8,
    height: rowY(Math.max(0, graph.lanes.length - 1)) + BOX_H + 8,
    lanes: graph.lanes.map((l, i) => ({ name: l.name, y: rowY(i) })),
    vertices,
    edges,
  };
}

/** Each vertex's column: the length of the longest chain of edges that leads to it. */
export function columns(graph: ProcessGraph): Map<string, number> {
  const preds = new Map<string, string[]>();
  for (const e of graph.edges) preds.set(e.to, [...(preds.get(e.to) ?? []), e.from]);
  const column = new Map<string, number>();
  const visiting = new Set<string>();
  const depth = (id: string): number => {
    const known = column.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return 0; // a cycle cannot happen in a run's graph; never loop on one
    visiting.add(id);
    let d = 0;
    for (const p of preds.get(id) ?? []) d = Math.max(d, depth(p) + 1);
    visiting.delete(id);
    column.set(id, d);
    return d;
  };
  for (const v of graph.vertices) depth(v.id);
  return column;
}
