/**
 * Bounds the hostile corpus puts on each case: wall time here, memory by running a case in a
 * worker whose V8 heap is limited (harness.ts).
 */
import { performance } from 'node:perf_hooks';

/** A stopwatch: call the result to get the milliseconds since elapsed() was called. */
export function elapsed(): () => number {
  const start = performance.now();
  return () => performance.now() - start;
}
