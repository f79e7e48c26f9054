// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { useRunInputStore } from './run-input.ts';

describe('run input store', () => {
  beforeEach(() => {
    localStorage.clear();
    setActivePinia(createPinia());
  });

  it("gives Run the free editor's stdin and argv, split as a shell does, and remembers them", () => {
    const input = useRunInputStore();
    expect(input.runOptions()).toEqual({});
    input.setStdin('5 7\n');
    input.setArgs(`one "two words"`);
    expect(input.runOptions()).toEqual({ stdin: '5 7\n', args: ['one', 'two words'] });
    setActivePinia(createPinia());
    expect(useRunInputStore().runOptions()).toEqual({ stdin: '5 7\n', args: ['one', 'two words'] });
  });

  it('refuses to run with an argv that cannot be split, saying why', () => {
    const input = useRunInputStore();
    input.setArgs(`one "two`);
    expect(input.runOptions()).toBeNull();
    expect(input.argsError).toMatch(/never closed/);
    input.setArgs(`one "two"`);
    expect(input.argsError).toBeNull();
  });

  it("shows an exercise's run.stdin and run.args, runs with its other options, and keeps the free editor's input", () => {
    const input = useRunInputStore();
    input.setStdin('mine\n');
    input.useExercise({ args: ['alpha', 'two words'], stdin: '42\n', maxSteps: 500000 });
    expect(input.stdin).toBe('42\n');
    expect(input.args).toBe("alpha 'two words'");
    expect(input.runOptions()).toEqual({ args: ['alpha', 'two words'], stdin: '42\n', maxSteps: 500000 });
    input.setStdin('43\n');
    expect(input.runOptions()).toEqual({ args: ['alpha', 'two words'], stdin: '43\n', maxSteps: 500000 });
    input.useScratch();
    expect(input.stdin).toBe('mine\n');
    expect(input.runOptions()).toEqual({ stdin: 'mine\n' });
  });
});
