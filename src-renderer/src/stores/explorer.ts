/**
 * The "All possible outputs" store: asks the lab to explore a program's schedules and keeps the
 * distinct outputs, each with the schedule that produces it and how it differs from the first.
 */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { lab, type ExploreView } from '../lab/index.ts';

export interface ScheduleDifference {
  /** index of the first scheduling decision that differs from the first output's schedule */
  at: number;
  /** that decision here and there ("pid:steps") */
  here: string;
  there: string;
}

/** Where schedule `b` first departs from schedule `a` (null when they agree throughout). */
export function firstDifference(a: string, b: string): ScheduleDifference | null {
  const x = a.trim().split(/\s+/).filter(Boolean);
  const y = b.trim().split(/\s+/).filter(Boolean);
  const n = Math.max(x.length, y.length);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return { at: i, here: y[i] ?? '(end)', there: x[i] ?? '(end)' };
  return null;
}

/** "pid:steps" in words. */
export function describeDecision(token: string): string {
  const [pid, steps] = token.split(':');
  if (!steps) return token;
  return `pid ${pid} runs ${steps} step${steps === '1' ? '' : 's'}`;
}

export const useExplorerStore = defineStore('explorer', () => {
  const result = shallowRef<ExploreView | null>(null);
  const source = ref<string | null>(null);
  const busy = ref(false);
  const error = ref<string | null>(null);
  const chosen = ref<number | null>(null);

  async function explore(text: string): Promise<void> {
    busy.value = true;
    error.value = null;
    chosen.value = null;
    try {
      result.value = await lab.explore({ source: text });
      source.value = text;
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e);
      result.value = null;
    } finally {
      busy.value = false;
    }
  }

  return { result, source, busy, error, chosen, explore };
});
