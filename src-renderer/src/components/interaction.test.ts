// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { inProcessLab } from '../testing/in-process-lab.ts';
import type { ExerciseView, GradeView } from '../lab/index.ts';

const service = inProcessLab();
vi.mock('../lab/index.ts', () => ({ lab: service }));
const { useViewerStore } = await import('../stores/viewer.ts');
const { useExercisesStore } = await import('../stores/exercises.ts');
const ScrubBar = (await import('./ScrubBar.vue')).default;
const ExercisePanel = (await import('./ExercisePanel.vue')).default;
const { SHORTCUTS, shortcutFor } = await import('../composables/shortcuts.ts');

const PROGRAM = `#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>
int main(void) {
  for (int i = 0; i < 2; i++)
    if (fork() == 0) { printf("child %d\\n", i); return 0; }
  while (wait(NULL) > 0) { }
  return 0;
}`;

function key(k: string, shiftKey = false): void {
  document.body.dispatchEvent(new KeyboardEvent('keydown', { key: k, shiftKey, bubbles: true }));
}

describe('keyboard shortcuts', () => {
  it('give every stepping action its own key', () => {
    const keys = SHORTCUTS.map((s) => s.keys);
    expect(new Set(keys).size).toBe(keys.length);
    for (const s of SHORTCUTS) {
      const shift = s.keys.startsWith('Shift+');
      const k = shift ? s.keys.slice(6) : s.keys;
      expect(shortcutFor({ key: k, shiftKey: shift, ctrlKey: false, altKey: false, metaKey: false })).toBe(s);
    }
    expect(shortcutFor({ key: 'f', shiftKey: false, ctrlKey: true, altKey: false, metaKey: false })).toBeNull();
  });
});

describe('ScrubBar', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('steps with the keys and the buttons, and shows each key in the button title', async () => {
    const viewer = useViewerStore();
    await viewer.runSource(PROGRAM);
    const w = mount(ScrubBar, { attachTo: document.body });
    key('Home');
    expect(viewer.position).toBe(0);
    key('f');
    const firstFork = viewer.position;
    expect(viewer.run!.trace[viewer.model!.nextWhere(0, (e) => e.kind === 'clone') - 1]!.kind).toBe('clone');
    key('f');
    expect(viewer.position).toBeGreaterThan(firstFork);
    key('F', true);
    expect(viewer.position).toBe(firstFork);
    key('ArrowLeft');
    expect(viewer.position).toBeLessThan(firstFork);
    key('ArrowRight');
    expect(viewer.position).toBeGreaterThan(0);
    key('End');
    expect(viewer.position).toBe(viewer.length);
    await w.find('[data-testid=prev-exit]').trigger('click');
    expect(viewer.run!.trace[viewer.position - 1]!.kind).not.toBe('run-end');
    expect(w.find('[data-testid=next-fork]').attributes('title')).toBe('next fork (f)');
    expect(w.find('[data-testid=back-line]').attributes('title')).toBe('back one line (Shift+←)');
    w.unmount();
  });

  it('plays forward at the chosen speed and stops at the end', async () => {
    vi.useFakeTimers();
    const viewer = useViewerStore();
    await viewer.runSource(PROGRAM);
    viewer.go(0);
    const w = mount(ScrubBar, { attachTo: document.body });
    await w.find('[data-testid=speed]').setValue('100');
    await w.find('[data-testid=play]').trigger('click');
    await vi.advanceTimersByTimeAsync(50);
    const early = viewer.position;
    expect(early).toBeGreaterThan(0);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    // it played to the last line and stopped there
    expect(viewer.position).toBeGreaterThan(early);
    expect(viewer.model!.nextLine(viewer.position)).toBe(viewer.position);
    expect(w.find('[data-testid=play]').text()).toBe('▶');
    w.unmount();
    vi.useRealTimers();
  });
});

describe('ExercisePanel', () => {
  beforeEach(() => setActivePinia(createPinia()));

  const exercise: ExerciseView = {
    id: 'ex', uuid: 'u', title: 'Fork once', topics: ['fork'], maxPoints: 3, heldBackPoints: 0, status: 'attempted', bestScore: 0.5, packId: 'p', attempts: 2,
    promptHtml: '<p>Fork <b>once</b>.</p><img src="x" onerror="alert(1)"><script>alert(2)</script><a href="javascript:alert(3)">x</a>',
    starter: 'int main(void) { return 0; }', draft: null, hints: ['Call fork().'], hintsTotal: 3, failedAttempts: 1,
  };

  it('shows the prompt, lists unlocked hints, and turns feedback with a step into a link', async () => {
    const store = useExercisesStore();
    store.current = exercise;
    const grade: GradeView = {
      packId: 'p', exerciseId: 'ex', points: 1, max_points: 3, score: 1 / 3, gradable: true, run: null,
      tests: [
        { id: 'a', name: 'compiles', status: 'passed', points: 1, max_points: 1, message: 'ok', visibility: 'public', step: null, pid: null, line: null },
        { id: 'b', name: 'reaped', status: 'failed', points: 0, max_points: 2, message: 'the child became an orphan', visibility: 'public', step: 42, pid: 4, line: 7 },
      ],
    };
    store.grade = { ...grade, run: (await service.run({ source: 'int main(void) { return 0; }' })) };
    const w = mount(ExercisePanel, { props: { checking: false } });
    const prompt = w.find('[data-testid=prompt]');
    expect(prompt.text()).toContain('once');
    // the sanitiser itself is tested in Chromium (tests/e2e): DOMPurify does not support happy-dom
    expect(w.findAll('[data-testid=hint]').map((h) => h.text())).toEqual(['Call fork().']);
    expect(w.text()).toContain('1 of 3 unlocked');
    expect(w.find('[data-testid=grade-total]').text()).toContain('1 / 3 points');
    const links = w.findAll('[data-testid=feedback-link]');
    expect(links.length).toBe(1);
    expect(links[0]!.text()).toContain('step 42');
    await links[0]!.trigger('click');
    expect(w.emitted('follow')![0]![0]).toMatchObject({ id: 'b', step: 42 });
    await w.find('[data-testid=check]').trigger('click');
    expect(w.emitted('check')).toHaveLength(1);
  });

  it('offers to replay "the run that fails" only for a check that failed, and says how many points are held back', async () => {
    const store = useExercisesStore();
    store.current = { ...exercise, heldBackPoints: 2 };
    const result = (id: string, status: 'passed' | 'failed') => ({
      id, name: id, status, points: 0, max_points: 1, message: 'm', visibility: 'public' as const, step: 5, pid: 3, line: 2, schedule: '3:10', runOptions: { schedule: '3:10' },
    });
    store.grade = { packId: 'p', exerciseId: 'ex', points: 1, max_points: 2, score: 0.5, gradable: true, run: null, tests: [result('robust-pass', 'passed'), result('robust-fail', 'failed')] };
    const w = mount(ExercisePanel, { props: { checking: false } });
    const links = w.findAll('[data-testid=feedback-link]').map((l) => l.text());
    expect(links).toHaveLength(2);
    expect(links[0]).not.toContain('fails');
    expect(links[1]).toContain('(replays the run that fails)');
    expect(w.find('[data-testid=exercise-points]').text()).toBe("3 pts; your instructor's grading counts 5 (2 held back: checks you cannot run here)");
  });
});
