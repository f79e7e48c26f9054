import { describe, expect, it } from 'vitest';
import { describeDecision, firstDifference } from './explorer.ts';

describe('how two schedules differ', () => {
  it('names the first scheduling decision that differs', () => {
    expect(firstDifference('3:40 4:20 3:16', '3:30 4:20 3:25')).toEqual({ at: 0, here: '3:30', there: '3:40' });
    expect(firstDifference('3:40 4:20', '3:40 4:20 3:1')).toEqual({ at: 2, here: '3:1', there: '(end)' });
    expect(firstDifference('3:40 4:20', ' 3:40  4:20 ')).toBeNull();
  });

  it('says a decision in words', () => {
    expect(describeDecision('4:1')).toBe('pid 4 runs 1 step');
    expect(describeDecision('3:30')).toBe('pid 3 runs 30 steps');
  });
});
