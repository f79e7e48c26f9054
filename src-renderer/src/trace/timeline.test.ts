import { describe, expect, it } from 'vitest';
import { buildTimeline, neighbourMarker, type Lane } from './timeline.ts';
import type { TraceEvent } from '../lab/index.ts';

const lane = (pid: number, steps: number[]): Lane => ({ pid, command: 'prog', spans: [], markers: steps.map((step, index) => ({ kind: 'fork', step, index, label: '' })) });

describe('timeline marks', () => {
  it('an exit by a signal is marked killed and says which signal', () => {
    const ev = (step: number, pid: number, kind: string, f: Record<string, unknown> = {}): TraceEvent => ({ step, time: step, pid, kind, ...f }) as TraceEvent;
    const t = buildTimeline([ev(0, 3, 'task-new', { mm: 1 }), ev(5, 3, 'exit', { code: 0, signal: 'SIGSEGV' })]);
    const exit = t.lanes[0]!.markers.find((m) => m.kind === 'exit')!;
    expect(exit).toMatchObject({ killed: true, label: 'killed by SIGSEGV' });
  });

  it('the keyboard moves along a lane, and up and down to the nearest mark in time', () => {
    const lanes = [lane(1, [10, 50]), lane(2, []), lane(3, [5, 40, 90])];
    expect(neighbourMarker(lanes, 0, 0, 'ArrowRight')).toEqual({ lane: 0, marker: 1 });
    expect(neighbourMarker(lanes, 0, 1, 'ArrowRight')).toEqual({ lane: 0, marker: 1 });
    expect(neighbourMarker(lanes, 0, 1, 'ArrowDown')).toEqual({ lane: 2, marker: 1 });
    expect(neighbourMarker(lanes, 2, 2, 'ArrowUp')).toEqual({ lane: 0, marker: 1 });
    expect(neighbourMarker(lanes, 0, 0, 'ArrowUp')).toEqual({ lane: 0, marker: 0 });
    expect(neighbourMarker(lanes, 2, 0, 'End')).toEqual({ lane: 2, marker: 2 });
  });
});
