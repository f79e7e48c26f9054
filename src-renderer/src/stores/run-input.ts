/**
 * What Run gives the program besides its code: the text typed into its standard input and its
 * argv. The free editor keeps its own (remembered across visits in localStorage); an open
 * exercise starts from the pack's `run.stdin` / `run.args`, shown and editable, and its other run
 * options (page size, step budget, …) go with every Run of it.
 */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { RunOptions } from '../lab/index.ts';
import { formatArgs, parseArgs } from '../editor/argv.ts';

const KEY = 'forklab.scratch.input';

interface Input {
  stdin: string;
  args: string;
}

/** The free editor's input from the last visit (empty when none). */
function loadScratchInput(): Input {
  try {
    const saved = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? 'null') as Partial<Input> | null;
    return { stdin: typeof saved?.stdin === 'string' ? saved.stdin : '', args: typeof saved?.args === 'string' ? saved.args : '' };
  } catch {
    return { stdin: '', args: '' };
  }
}

function saveScratchInput(input: Input): void {
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify(input));
  } catch {
    /* storage refused: the input lasts for this visit */
  }
}

export const useRunInputStore = defineStore('run-input', () => {
  const initial = loadScratchInput();
  const stdin = ref(initial.stdin);
  /** the argv field's text, words as a shell splits them */
  const args = ref(initial.args);
  /** 'exercise' while an exercise's input is shown */
  const owner = ref<'scratch' | 'exercise'>('scratch');
  /** the exercise's own run options, under the edited stdin and argv */
  let exerciseOptions: RunOptions = {};
  let scratchInput: Input = initial;

  const parsedArgs = computed(() => parseArgs(args.value));
  /** a sentence when the argv field cannot be split (an unclosed quote), else null */
  const argsError = computed(() => (parsedArgs.value.ok ? null : parsedArgs.value.message));

  /** Remembers the free editor's input (called as the student types). */
  function remember(): void {
    if (owner.value === 'scratch') {
      scratchInput = { stdin: stdin.value, args: args.value };
      saveScratchInput(scratchInput);
    }
  }

  function setStdin(text: string): void {
    stdin.value = text;
    remember();
  }

  function setArgs(text: string): void {
    args.value = text;
    remember();
  }

  /** Shows an exercise's input: the pack's run.stdin and run.args. */
  function useExercise(run: RunOptions | undefined): void {
    remember();
    owner.value = 'exercise';
    exerciseOptions = { ...(run ?? {}) };
    stdin.value = run?.stdin ?? '';
    args.value = formatArgs(run?.args ?? []);
  }

  /** Back to the free editor's own input. */
  function useScratch(): void {
    owner.value = 'scratch';
    exerciseOptions = {};
    stdin.value = scratchInput.stdin;
    args.value = scratchInput.args;
  }

  /** The options for Run, or null (with argsError set) when argv cannot be split. */
  function runOptions(): RunOptions | null {
    const parsed = parsedArgs.value;
    if (!parsed.ok) return null;
    const options: RunOptions = { ...exerciseOptions };
    delete options.stdin;
    delete options.args;
    if (stdin.value !== '') options.stdin = stdin.value;
    if (parsed.args.length > 0) options.args = parsed.args;
    return options;
  }

  return { stdin, args, owner, argsError, setStdin, setArgs, useExercise, useScratch, runOptions };
});
