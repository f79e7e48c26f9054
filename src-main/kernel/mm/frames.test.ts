import { describe, expect, it } from 'vitest';
import type { MmEvent } from './events.ts';
import { NO_FRAME, PhysicalMemory } from './frames.ts';

describe('PhysicalMemory', () => {
  it('hands out zero-filled frames with a count of 1', () => {
    const phys = new PhysicalMemory({ pageSize: 256, maxFrames: 4 });
    const f = phys.allocFrame();
    expect(f).not.toBe(NO_FRAME);
    expect(phys.refcount[f]).toBe(1);
    expect(phys.frameBytes(f).length).toBe(256);
    expect(phys.frameBytes(f).every((b) => b === 0)).toBe(true);
    expect(phys.view(f).byteLength).toBe(256);
  });

  it("gives a recycled memory's storage to the next memory, zero-filled", () => {
    const old = new PhysicalMemory({ pageSize: 512, maxFrames: 4 });
    const f = old.allocFrame();
    const storage = old.frameBytes(f);
    storage.fill(0xcd);
    old.recycle();
    const next = new PhysicalMemory({ pageSize: 512, maxFrames: 4 });
    const g = next.allocFrame();
    expect(next.frameBytes(g)).toBe(storage);
    expect(next.frameBytes(g).every((b) => b === 0)).toBe(true);
    expect(next.view(g).getUint8(7)).toBe(0);
  });

  it('frees a frame when its last reference goes, and reuses its number zeroed', () => {
    const phys = new PhysicalMemory({ pageSize: 256, maxFrames: 4 });
    const f = phys.allocFrame();
    phys.frameBytes(f).fill(0xab);
    phys.getFrame(f);
    phys.putFrame(f);
    expect(phys.framesInUse).toBe(1);
    expect(phys.refcount[f]).toBe(1);
    phys.putFrame(f);
    expect(phys.framesInUse).toBe(0);
    expect(phys.frees).toBe(1);
    expect(() => phys.view(f)).toThrow();
    const g = phys.allocFrame();
    expect(g).toBe(f);
    expect(phys.frameBytes(g).every((b) => b === 0)).toBe(true);
  });

  it('is bounded: allocation fails when every frame is in use', () => {
    const phys = new PhysicalMemory({ pageSize: 256, maxFrames: 3 });
    const frames = [phys.allocFrame(), phys.allocFrame(), phys.allocFrame()];
    expect(new Set(frames).size).toBe(3);
    expect(phys.allocFrame()).toBe(NO_FRAME);
    phys.putFrame(frames[1]);
    expect(phys.allocFrame()).toBe(frames[1]);
    expect(phys.framesPeak).toBe(3);
    expect(phys.allocs).toBe(4);
  });

  it('throws when a free frame is put again', () => {
    const phys = new PhysicalMemory({ pageSize: 256, maxFrames: 2 });
    const f = phys.allocFrame();
    phys.putFrame(f);
    expect(() => phys.putFrame(f)).toThrow();
  });

  it('rejects page sizes that are not powers of two of at least 256', () => {
    expect(() => new PhysicalMemory({ pageSize: 128 })).toThrow(RangeError);
    expect(() => new PhysicalMemory({ pageSize: 1000 })).toThrow(RangeError);
    expect(() => new PhysicalMemory({ maxFrames: 0 })).toThrow(RangeError);
    expect(new PhysicalMemory().pageSize).toBe(4096);
    expect(new PhysicalMemory().maxFrames).toBe(32768);
  });

  it('a huge pool costs nothing until used', () => {
    const phys = new PhysicalMemory({ maxFrames: 1 << 20 });
    expect(phys.framesInUse).toBe(0);
    expect(phys.views.length).toBe(0);
  });

  it('reports frame-alloc and frame-free events with the address space id', () => {
    const events: MmEvent[] = [];
    const phys = new PhysicalMemory({ pageSize: 256, maxFrames: 2, sink: (e) => events.push(e) });
    const f = phys.allocFrame(7);
    phys.putFrame(f, 7);
    expect(events).toEqual([
      { kind: 'frame-alloc', mm: 7, frame: f },
      { kind: 'frame-free', mm: 7, frame: f },
    ]);
  });
});
