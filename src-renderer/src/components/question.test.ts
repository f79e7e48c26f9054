// @vitest-environment happy-dom
// The exercise view of a question ("tick every possible output") against the real service and the
// built-in pack: one checkbox per choice, Check grades the ticks (right / wrong, possible /
// impossible per choice), "see it happen" hands over the schedule that prints a possible output.
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { inProcessLab } from '../testing/in-process-lab.ts';
import { readPackFolder } from '../../../src-main/host/pack-folder.ts';

const packDir = join(import.meta.dirname, '../../../exercises/process-basics');
const service = inProcessLab([await readPackFolder(packDir)]);
vi.mock('../lab/index.ts', () => ({ lab: service }));
const { useExercisesStore } = await import('../stores/exercises.ts');
const { useQuestionStore, tickedFromDraft } = await import('../stores/question.ts');
const ExercisePanel = (await import('./ExercisePanel.vue')).default;

describe('a question in the exercise view', () => {
  it('ticks choices, grades them per choice, and offers the schedule of each possible output', async () => {
    setActivePinia(createPinia());
    const store = useExercisesStore();
    await store.open('process-basics', 'two-children-wait-outputs');
    const w = mount(ExercisePanel, { props: { checking: false } });
    const choices = w.findAll('[data-testid=choice]');
    const texts = store.current!.question!.choices;
    expect(choices).toHaveLength(texts.length);
    expect(choices.map((c) => c.find('pre').text())).toEqual(texts.map((t) => t.trimEnd()));
    expect(w.find('[data-testid=reset-starter]').exists()).toBe(false);

    // tick the first two (both possible) and "parent" first (impossible)
    const parentFirst = texts.findIndex((t) => t.startsWith('parent'));
    for (const i of [0, 1, parentFirst]) await choices[i]!.find('input').setValue(true);
    expect(useQuestionStore().ticked).toEqual([0, 1, parentFirst].sort());
    await w.find('[data-testid=check]').trigger('click');
    await flushPromises();

    const graded = w.findAll('[data-testid=choice]');
    expect(graded[0]!.attributes('data-status')).toBe('passed');
    expect(graded[parentFirst]!.attributes('data-status')).toBe('failed');
    expect(graded[parentFirst]!.attributes('data-possible')).toBe('false');
    expect(graded[parentFirst]!.find('[data-testid=see-it-happen]').exists()).toBe(false);
    expect(graded[parentFirst]!.text()).toContain('impossible');
    const possible = graded.filter((c) => c.attributes('data-possible') === 'true');
    expect(possible.length).toBe(4);
    const right = graded.filter((c) => c.attributes('data-status') === 'passed').length;
    expect(w.find('[data-testid=grade-total]').text()).toContain(`${right} / ${texts.length} points`);
    expect(right).toBe(texts.length - 3); // two possible outputs left unticked, one impossible ticked

    // "see it happen" hands the choice's schedule over, and that schedule prints that output
    await possible[0]!.find('[data-testid=see-it-happen]').trigger('click');
    const schedule = w.emitted('see')![0]![0] as string;
    const i = Number(possible[0]!.attributes('data-choice')) - 1;
    const replay = await service.run({ source: store.current!.question!.program, options: { schedule } });
    expect(replay.stdout).toBe(texts[i]);

    // the exercise was reopened: one failed attempt, a hint unlocked, the answer kept as its draft
    expect(store.current!.failedAttempts).toBe(1);
    expect(w.findAll('[data-testid=hint]')).toHaveLength(1);
    expect(tickedFromDraft(store.current!.draft, texts.length)).toEqual([0, 1, parentFirst].sort());
    w.unmount();
  });

  it('reads a saved answer back as ticks, ignoring what is not a choice', () => {
    expect(tickedFromDraft('3 1,1 9 x', 4)).toEqual([0, 2]);
    expect(tickedFromDraft(null, 4)).toEqual([]);
  });
});
