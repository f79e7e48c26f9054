import { describe, expect, it } from 'vitest';
import type { MmEvent } from './events.ts';
import { handleMmFault } from './fault.ts';
import { PhysicalMemory } from './frames.ts';
import { createMmFromImage } from './load-image.ts';
import { MmStruct, STACK_GUARD_GAP } from './mm.ts';
import { makeTestImage } from './test-image.ts';

function setUp(maxFrames = 1000) {
  const events: MmEvent[] = [];
  const phys = new PhysicalMemory({ maxFrames, sink: (e) => events.push(e) });
  const image = makeTestImage();
  const mm = createMmFromImage(phys, image) as MmStruct;
  events.length = 0;
  return { phys, mm, image, events };
}

describe('handleMmFault', () => {
  it('gives a zero frame on the first touch of bss (demand-zero), then the same frame', () => {
    const { mm, phys, image, events } = setUp();
    const before = phys.framesInUse;
    const first = handleMmFault(mm, image.bssBase + 8, false);
    expect(first).toMatchObject({ ok: true, writable: true });
    if (!first.ok) return;
    expect(first.bytes.every((b) => b === 0)).toBe(true);
    expect(phys.framesInUse).toBe(before + 1);
    expect(mm.counters.faults).toBe(1);
    expect(events.map((e) => e.kind)).toEqual(['frame-alloc', 'fault']);
    expect(events[1]).toMatchObject({ reason: 'demand-zero', mm: mm.id, vpn: Math.floor((image.bssBase + 8) / 4096) });
    const again = handleMmFault(mm, image.bssBase + 100, true);
    expect(again).toMatchObject({ ok: true, frame: first.frame });
    expect(mm.counters.faults).toBe(1);
  });

  it('demand-pages the stack', () => {
    const { mm, phys } = setUp();
    const before = phys.framesInUse;
    expect(handleMmFault(mm, mm.stackTop - 8, true)).toMatchObject({ ok: true, writable: true });
    expect(handleMmFault(mm, mm.stackLimit, true)).toMatchObject({ ok: true });
    expect(phys.framesInUse).toBe(before + 2);
  });

  it('refuses the null page', () => {
    const { mm, events } = setUp();
    for (const address of [0, 8, 4095]) {
      expect(handleMmFault(mm, address, false)).toEqual({ ok: false, signal: 'SIGSEGV', reason: 'null-pointer', address, vpn: 0 });
    }
    expect(events[0]).toMatchObject({ kind: 'segv', reason: 'null-pointer' });
  });

  it('refuses addresses outside every VMA', () => {
    const { mm } = setUp();
    expect(handleMmFault(mm, 0x10000, false)).toMatchObject({ ok: false, signal: 'SIGSEGV', reason: 'unmapped' });
    expect(handleMmFault(mm, mm.startBrk + 5, true)).toMatchObject({ ok: false, reason: 'unmapped' });
    expect(handleMmFault(mm, -8, false)).toMatchObject({ ok: false, reason: 'unmapped' });
    expect(handleMmFault(mm, 2 ** 47, false)).toMatchObject({ ok: false, reason: 'unmapped' });
    expect(handleMmFault(mm, mm.stackLimit - STACK_GUARD_GAP - 1, false)).toMatchObject({ ok: false, reason: 'unmapped' });
  });

  it('calls a touch just below the stack limit a stack overflow', () => {
    const { mm } = setUp();
    expect(handleMmFault(mm, mm.stackLimit - 1, true)).toMatchObject({ ok: false, signal: 'SIGSEGV', reason: 'stack-overflow' });
    expect(handleMmFault(mm, mm.stackLimit - 5000, false)).toMatchObject({ ok: false, reason: 'stack-overflow' });
  });

  it('refuses writes to text and rodata but allows reads', () => {
    const { mm, image } = setUp();
    expect(handleMmFault(mm, image.rodataBase, false)).toMatchObject({ ok: true, writable: false });
    expect(handleMmFault(mm, image.rodataBase, true)).toMatchObject({ ok: false, reason: 'write-to-read-only' });
  });

  it('kills with SIGKILL out-of-memory when no frame is left', () => {
    const { mm, phys, image } = setUp(4);
    expect(phys.framesInUse).toBe(4);
    expect(handleMmFault(mm, image.bssBase, true)).toMatchObject({ ok: false, signal: 'SIGKILL', reason: 'out-of-memory' });
  });
});
