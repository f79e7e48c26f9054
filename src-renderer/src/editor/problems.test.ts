import { describe, expect, it } from 'vitest';
import type { LabDiagnostic } from '../lab/index.ts';
import { countProblems, markerMessage, sortProblems } from './problems.ts';

const d = (severity: 'error' | 'warning', line: number, column: number, message: string, notes?: string[]): LabDiagnostic => ({ severity, line, column, message, notes });

describe('problems', () => {
  it('puts every note under its message, as gcc prints them', () => {
    expect(markerMessage(d('error', 5, 15, "implicit declaration of function 'fork'", ["'fork' is declared in <unistd.h>; add '#include <unistd.h>'"]))).toBe(
      "implicit declaration of function 'fork'\nnote: 'fork' is declared in <unistd.h>; add '#include <unistd.h>'",
    );
    expect(markerMessage(d('warning', 1, 1, 'unused'))).toBe('unused');
  });

  it('sorts by place and counts in words with plurals right', () => {
    const list = [d('warning', 9, 1, 'c'), d('error', 3, 7, 'b'), d('warning', 3, 7, 'a2'), d('error', 3, 2, 'a')];
    expect(sortProblems(list).map((x) => x.message)).toEqual(['a', 'b', 'a2', 'c']);
    expect(countProblems(list)).toBe('2 errors, 2 warnings');
    expect(countProblems([d('error', 1, 1, 'x')])).toBe('1 error');
    expect(countProblems([d('warning', 1, 1, 'x')])).toBe('1 warning');
    expect(countProblems([])).toBe('no problems');
  });
});
