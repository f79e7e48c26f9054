// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { inProcessLab } from '../testing/in-process-lab.ts';

const service = inProcessLab();
vi.mock('../lab/index.ts', () => ({ lab: service }));
const { useEditorStore, DEFAULT_PROGRAM, DIAGNOSE_DELAY_MS, SAVE_DELAY_MS } = await import('./editor.ts');
const { EXAMPLES } = await import('../editor/examples.ts');

describe('editor store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('asks for diagnostics once the typing pauses, and keeps only the answer for the latest text', async () => {
    const editor = useEditorStore();
    const diagnose = vi.spyOn(service, 'diagnose');
    editor.edit('int main(void) { return y; }');
    editor.edit('int main(void) { return z; }');
    expect(diagnose).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(DIAGNOSE_DELAY_MS + 10);
    expect(diagnose).toHaveBeenCalledTimes(1);
    expect(editor.diagnostics.length).toBeGreaterThan(0);
    expect(editor.diagnostics[0]!.message).toContain('z');
    editor.edit('int main(void) { return 0; }');
    await vi.advanceTimersByTimeAsync(DIAGNOSE_DELAY_MS + 10);
    expect(editor.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    diagnose.mockRestore();
  });

  it('autosaves the scratch program after a pause, and a new editor restores it', async () => {
    const editor = useEditorStore();
    await editor.restore();
    expect(editor.source).toBe(DEFAULT_PROGRAM);
    editor.edit('int main(void) { return 4; }\n');
    expect(editor.saved).toBe(false);
    expect(await service.loadScratch()).toBeNull();
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS + 10);
    expect(editor.saved).toBe(true);
    expect(await service.loadScratch()).toBe('int main(void) { return 4; }\n');

    setActivePinia(createPinia());
    const again = useEditorStore();
    await again.restore();
    expect(again.source).toBe('int main(void) { return 4; }\n');
  });

  it('keeps the scratch program while an exercise draft is edited, and goes back to it', async () => {
    const editor = useEditorStore();
    editor.edit('scratch text');
    editor.openExercise('pack', 'ex', 'starter text');
    expect(editor.source).toBe('starter text');
    expect(editor.owner).toEqual({ kind: 'exercise', packId: 'pack', exerciseId: 'ex' });
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS + 10);
    expect(await service.loadScratch()).toBe('scratch text');
    editor.openScratch();
    expect(editor.source).toBe('scratch text');
  });

  it('does not overwrite what the student types while the saved program is being loaded', async () => {
    await service.saveScratch('int main(void) { return 1; }\n');
    const editor = useEditorStore();
    const restoring = editor.restore();
    editor.edit('typed first');
    await restoring;
    expect(editor.source).toBe('typed first');
  });

  it('replaces the text with an example at once (diagnosed, autosaved, named), and knows when replacing would lose work', async () => {
    const editor = useEditorStore();
    expect(editor.replacingLosesWork).toBe(false);
    editor.edit('int main(void) { return y; }\n');
    expect(editor.replacingLosesWork).toBe(true);
    const zombie = EXAMPLES.find((e) => e.id === 'zombie')!;
    editor.replace(zombie.source, 'zombie.c');
    expect(editor.source).toBe(zombie.source);
    expect(editor.fileName).toBe('zombie.c');
    expect(editor.replacingLosesWork).toBe(false);
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS + 10);
    expect(editor.diagnostics).toEqual([]);
    expect(await service.loadScratch()).toBe(zombie.source);
    // what was opened from or saved to a file is safe on disk
    editor.edit('int main(void) { return 1; }\n');
    expect(editor.replacingLosesWork).toBe(true);
    editor.markOnDisk(editor.source, 'mine.c');
    expect(editor.replacingLosesWork).toBe(false);
    expect(editor.fileName).toBe('mine.c');
    // reset goes back to the default program here, to the starter in an exercise
    expect(editor.resetText).toBe(DEFAULT_PROGRAM);
    editor.openExercise('pack', 'fork-wait', 'draft text', 'starter text');
    expect(editor.resetText).toBe('starter text');
    expect(editor.fileName).toBe('fork-wait.c');
    expect(editor.replacingLosesWork).toBe(true);
    editor.replace(editor.resetText);
    expect(editor.replacingLosesWork).toBe(false);
    editor.openScratch();
    expect(editor.fileName).toBe('mine.c');
  });

  it('keeps the font size across visits, within bounds', () => {
    localStorage.clear();
    const editor = useEditorStore();
    expect(editor.fontSize).toBe(13);
    editor.zoom(1);
    editor.zoom(1);
    expect(editor.fontSize).toBe(15);
    return Promise.resolve().then(() => {
      setActivePinia(createPinia());
      const again = useEditorStore();
      expect(again.fontSize).toBe(15);
      for (let i = 0; i < 50; i++) again.zoom(-1);
      expect(again.fontSize).toBe(8);
      again.zoom(0);
      expect(again.fontSize).toBe(13);
    });
  });

  it('a failed autosave is shown with its reason and the text stays, unsaved, until a save works', async () => {
    const editor = useEditorStore();
    const save = vi.spyOn(service, 'saveScratch').mockRejectedValueOnce(new Error('scratch.c is read-only (EACCES)'));
    editor.edit('int main(void) { return 5; }\n');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS + 10);
    expect(editor.saved).toBe(false);
    expect(editor.saveError).toBe('scratch.c is read-only (EACCES)');
    expect(editor.source).toBe('int main(void) { return 5; }\n');
    editor.edit('int main(void) { return 6; }\n');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS + 10);
    expect(editor.saved).toBe(true);
    expect(editor.saveError).toBeNull();
    save.mockRestore();
  });
});
