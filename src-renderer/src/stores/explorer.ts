/**
 * The "All possible outputs" store: asks the lab to explore a program's schedules and keeps the
 * distinct outputs, each with the schedule that produces it, the process graph of its run and
 * the decisions that give it in words; and asks whether an output a student types is possible.
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { lab, type ExploreView } from '../lab/index.ts';

/** Outputs whose process graphs the lab draws (each a replay of its run). */
export const GRAPHS_DRAWN = 100;

export const useExplorerStore = defineStore('explorer', () => {
  const result = shallowRef<ExploreView | null>(null);
  const source = ref<string | null>(null);
  const busy = ref(false);
  const error = ref<string | null>(null);
  /** the output replayed in the viewer */
  const chosen = ref<number | null>(null);
  /** the output whose order the graph shows */
  const selected = ref<number | null>(null);
  /** the answer about an output the student typed, and whether one is being asked */
  const verdict = shallowRef<NonNullable<ExploreView['candidate']> | null>(null);
  const asking = ref(false);

  /** The graph and order of the selected output (null when none was drawn). */
  const shown = computed(() => {
    const r = result.value;
    const i = selected.value;
    if (!r || i === null) return null;
    const o = r.outputs[i];
    if (!o || o.graph === undefined || !r.graphs?.[o.graph]) return null;
    return { index: i, graph: r.graphs[o.graph], order: o.order ?? [] };
  });

  async function explore(text: string): Promise<void> {
    busy.value = true;
    error.value = null;
    chosen.value = null;
    verdict.value = null;
    try {
      result.value = await lab.explore({ source: text, graphs: GRAPHS_DRAWN });
      source.value = text;
      selected.value = result.value.outputs.length > 0 ? 0 : null;
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e);
      result.value = null;
      selected.value = null;
    } finally {
      busy.value = false;
    }
  }

  /** Asks whether the explored program can print `text`, and why (the program explored last). */
  async function ask(text: string): Promise<void> {
    if (source.value === null) return;
    asking.value = true;
    error.value = null;
    try {
      // a line typed in a box has no newline after it; a program's last line usually does
      const candidate = text === '' || text.endsWith('\n') ? text : `${text}\n`;
      verdict.value = (await lab.explore({ source: source.value, candidate })).candidate ?? null;
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e);
    } finally {
      asking.value = false;
    }
  }

  return { result, source, busy, error, chosen, selected, shown, verdict, asking, explore, ask };
});
