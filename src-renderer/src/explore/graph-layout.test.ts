import { describe, expect, it } from 'vitest';
import type { ProcessGraph } from '../lab/index.ts';
import { BOX_W, columns, layoutGraph } from './graph-layout.ts';

// parent: start → fork → prints "parent" → wait → prints "done"; child: start → prints "child" → exit
const GRAPH: ProcessGraph = {
  lanes: [{ pid: 3, name: 'parent 3' }, { pid: 4, name: 'child 4' }],
  vertices: [
    { id: '0:0', lane: 0, kind: 'start', label: 'parent 3 starts', step: 0 },
    { id: '0:1', lane: 0, kind: 'fork', label: 'fork() → child 4', step: 10 },
    { id: '1:0', lane: 1, kind: 'start', label: 'child 4 starts', step: 10 },
    { id: '0:2', lane: 0, kind: 'print', label: 'prints "parent"', text: 'parent\n', step: 20 },
    { id: '1:1', lane: 1, kind: 'print', label: 'prints "child"', text: 'child\n', step: 30 },
    { id: '1:2', lane: 1, kind: 'exit', label: 'exit(0)', step: 40 },
    { id: '0:3', lane: 0, kind: 'wait', label: 'wait() returns child 4', step: 50 },
    { id: '0:4', lane: 0, kind: 'print', label: 'prints "a line much longer than a box can hold"', text: 'done\n', step: 60 },
  ],
  edges: [
    { from: '0:0', to: '0:1', kind: 'program' }, { from: '0:1', to: '1:0', kind: 'fork' }, { from: '0:1', to: '0:2', kind: 'program' },
    { from: '1:0', to: '1:1', kind: 'program' }, { from: '1:1', to: '1:2', kind: 'program' }, { from: '0:2', to: '0:3', kind: 'program' },
    { from: '1:2', to: '0:3', kind: 'reap' }, { from: '0:3', to: '0:4', kind: 'program' },
  ],
};

describe('the process graph layout', () => {
  it('puts each vertex one column after the longest chain of edges before it', () => {
    expect(Object.fromEntries(columns(GRAPH))).toEqual({ '0:0': 0, '0:1': 1, '1:0': 2, '0:2': 2, '1:1': 3, '1:2': 4, '0:3': 5, '0:4': 6 });
  });

  it('draws lanes as rows, every edge going right, and long labels cut', () => {
    const l = layoutGraph(GRAPH);
    expect(l.lanes.map((x) => x.name)).toEqual(['parent 3', 'child 4']);
    const at = new Map(l.vertices.map((v) => [v.id, v]));
    for (const e of l.edges) expect(at.get(e.to)!.x).toBeGreaterThan(at.get(e.from)!.x + BOX_W - 1);
    expect(at.get('1:1')!.y).toBeGreaterThan(at.get('0:2')!.y);
    expect(at.get('0:4')!.text).toMatch(/…$/);
    expect(at.get('0:4')!.label).toBe('prints "a line much longer than a box can hold"');
    expect(l.width).toBeGreaterThan(at.get('0:4')!.x + BOX_W - 1);
  });
});
