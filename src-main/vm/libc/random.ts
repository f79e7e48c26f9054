/**
 * rand and srand: glibc's random_r generator of TYPE_3 (an additive feedback generator over 31
 * words, x[i] = x[i-3] + x[i-31]), so a program prints the same "random" numbers as on Linux:
 * after srand(1) (or no srand at all) rand() gives 1804289383, 846930886, 1681692777, …
 *
 * The state lives in the program's memory, in the C runtime's `int __lab_rand_state[64]`, so a
 * forked child continues the parent's sequence (both print the same numbers, a classic surprise)
 * and exec starts afresh. Layout, in ints:
 *   [0..30]  the 31 state words (glibc's randtbl)
 *   [31]     index of the front pointer (glibc's fptr)
 *   [32]     index of the rear pointer (rptr)
 *   [33]     SEEDED once srand ran; a zero here (fresh bss) means "behave as srand(1)"
 */
import type { UserMemory } from '../user-memory.ts';

const DEGREE = 31;
const SEPARATION = 3;
const FRONT = 31;
const REAR = 32;
const MARK = 33;
const SEEDED = 0x5eed;

function word(mem: UserMemory, state: number, i: number): number {
  return mem.i32(state + 4 * i);
}

function setWord(mem: UserMemory, state: number, i: number, value: number): void {
  mem.setI32(state + 4 * i, value);
}

/** srandom_r: fills the state from `seed` (an unsigned int; 0 counts as 1) and stirs it. */
export function seedRandom(mem: UserMemory, state: number, seed: number): void {
  let w = seed >>> 0 === 0 ? 1 : seed | 0; // glibc keeps the seed in an int32_t
  setWord(mem, state, 0, w);
  for (let i = 1; i < DEGREE; i++) {
    // state[i] = (16807 * state[i - 1]) % 2147483647, computed without overflowing 31 bits
    const hi = Math.trunc(w / 127773);
    const lo = w % 127773;
    w = (16807 * lo - 2836 * hi) | 0;
    if (w < 0) w += 2147483647;
    setWord(mem, state, i, w);
  }
  setWord(mem, state, FRONT, SEPARATION);
  setWord(mem, state, REAR, 0);
  setWord(mem, state, MARK, SEEDED);
  for (let i = 0; i < 10 * DEGREE; i++) nextRandom(mem, state);
}

/** Whether the state was seeded and its pointers are sane (a stray write may have hit them). */
function isSeeded(mem: UserMemory, state: number): boolean {
  const front = word(mem, state, FRONT);
  const rear = word(mem, state, REAR);
  const inRange = (i: number) => i >= 0 && i < DEGREE;
  return word(mem, state, MARK) === SEEDED && inRange(front) && inRange(rear);
}

/** random_r: the next number in 0..2^31-1, advancing the state in memory. */
export function nextRandom(mem: UserMemory, state: number): number {
  if (!isSeeded(mem, state)) seedRandom(mem, state, 1);
  let front = word(mem, state, FRONT);
  let rear = word(mem, state, REAR);
  const value = (word(mem, state, front) + word(mem, state, rear)) | 0;
  setWord(mem, state, front, value);
  front++;
  rear++;
  if (front >= DEGREE) front = 0;
  else if (rear >= DEGREE) rear = 0;
  setWord(mem, state, FRONT, front);
  setWord(mem, state, REAR, rear);
  return value >>> 1;
}
