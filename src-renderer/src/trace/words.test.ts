import { describe, expect, it } from 'vitest';
import { count, waitingFor, warningTitle } from './words.ts';

describe('words', () => {
  it('plurals are right', () => {
    expect(count(1, 'vfork')).toBe('1 vfork');
    expect(count(2, 'vfork')).toBe('2 vforks');
    expect(count(0, 'fork')).toBe('0 forks');
    expect(count(1, 'page copied', 'pages copied')).toBe('1 page copied');
    expect(count(12345, 'step')).toBe('12,345 steps');
  });

  it('say what a task waits for and what a warning is, without the trace identifiers', () => {
    expect(waitingFor('vfork')).toBe('waits for its vfork child');
    expect(waitingFor('pipe-read')).toBe('waits to read a pipe');
    expect(warningTitle('zombie-not-reaped')).toBe('a zombie nobody reaped');
    expect(warningTitle('something-new')).toBe('something new');
  });
});
