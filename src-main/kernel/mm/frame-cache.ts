/**
 * A cache of the read-only frames of program images (text and rodata), so that every process
 * running the same program shares one copy of its code, as processes share a file's page cache
 * in Linux. Optional: createMmFromImage works without one.
 *
 * The cache holds one reference on each frame it keeps, so the frames stay in use while the cache
 * lives; release() drops them (call it when the run ends).
 */
import type { ProgramImage } from '../../lang/image.ts';
import type { PhysicalMemory } from './frames.ts';

export class ImageFrameCache {
  private readonly byImage = new Map<ProgramImage, Map<number, number>>();

  constructor(readonly phys: PhysicalMemory) {}

  /** The cached frame holding page `vpn` of `image`, or undefined. */
  lookup(image: ProgramImage, vpn: number): number | undefined {
    return this.byImage.get(image)?.get(vpn);
  }

  /** Remembers `frame` as page `vpn` of `image`, taking a reference on it. */
  store(image: ProgramImage, vpn: number, frame: number): void {
    let pages = this.byImage.get(image);
    if (pages === undefined) {
      pages = new Map();
      this.byImage.set(image, pages);
    }
    if (pages.has(vpn)) throw new Error(`page ${vpn} of ${image.name} is already cached`);
    this.phys.getFrame(frame);
    pages.set(vpn, frame);
  }

  /** Number of frames the cache holds. */
  size(): number {
    let n = 0;
    for (const pages of this.byImage.values()) n += pages.size;
    return n;
  }

  /** Drops every reference the cache holds and forgets every image. */
  release(): void {
    for (const pages of this.byImage.values()) for (const frame of pages.values()) this.phys.putFrame(frame);
    this.byImage.clear();
  }
}
