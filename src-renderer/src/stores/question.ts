/**
 * The open question's store ("tick every output the program can produce"): the ticked choices,
 * the last grade (one result per choice, a possible one with the schedule that prints it), and
 * answering through lab.answerQuestion, which records progress like a check.
 */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { lab, type ExerciseView, type GradeView } from '../lab/index.ts';
import { useExercisesStore } from './exercises.ts';

/** The ticked choices of a saved answer ("1 3": 1-based numbers) as 0-based indices below `n`. */
export function tickedFromDraft(draft: string | null, n: number): number[] {
  if (!draft) return [];
  const out = draft
    .split(/[\s,]+/)
    .filter((t) => /^\d+$/.test(t))
    .map((t) => Number(t) - 1)
    .filter((i) => i >= 0 && i < n);
  return [...new Set(out)].sort((a, b) => a - b);
}

export const useQuestionStore = defineStore('question', () => {
  const ticked = ref<number[]>([]);
  const grade = shallowRef<GradeView | null>(null);
  /** the exercise the ticks and the grade belong to ("packId/exerciseId") */
  const owner = ref<string | null>(null);
  const busy = ref(false);
  const error = ref<string | null>(null);

  /** Starts on `ex` (the last saved answer ticked) unless it is already the open question. */
  function follow(ex: ExerciseView | null): void {
    const key = ex?.question ? `${ex.packId}/${ex.id}` : null;
    if (key === owner.value) return;
    owner.value = key;
    grade.value = null;
    error.value = null;
    ticked.value = ex?.question ? tickedFromDraft(ex.draft, ex.question.choices.length) : [];
  }

  function toggle(i: number): void {
    ticked.value = ticked.value.includes(i) ? ticked.value.filter((j) => j !== i) : [...ticked.value, i].sort((a, b) => a - b);
  }

  /** Grades the ticked choices; refreshes the exercise (hints, status) and the packs' list after. */
  async function answer(): Promise<GradeView | null> {
    const exercises = useExercisesStore();
    const ex = exercises.current;
    if (!ex?.question) return null;
    busy.value = true;
    error.value = null;
    try {
      const result = await lab.answerQuestion({ packId: ex.packId, exerciseId: ex.id, ticked: [...ticked.value] });
      grade.value = result;
      const reopened = await lab.openExercise(ex.packId, ex.id);
      if (exercises.current?.id === ex.id) exercises.current = reopened;
      await exercises.refresh();
      return result;
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e);
      return null;
    } finally {
      busy.value = false;
    }
  }

  return { ticked, grade, owner, busy, error, follow, toggle, answer };
});
