/**
 * The editor's store: the program text, its diagnostics (asked of the lab as the student types,
 * debounced), what the text belongs to (the free scratch program or an exercise's draft), its
 * autosave, the file name it opens and saves under, replacing it (an example, a file, a reset)
 * without losing work by accident, and the font size. The Monaco instance itself lives in
 * CodeEditor.vue, outside reactivity.
 */
import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import { lab, type LabDiagnostic } from '../lab/index.ts';
import { EXAMPLES } from '../editor/examples.ts';
import { loadFontSize, saveFontSize, stepFontSize, DEFAULT_FONT_SIZE } from '../editor/font-size.ts';

export const DEFAULT_PROGRAM = `#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int counter = 1;

int main(void) {
    pid_t pid = fork();
    if (pid == 0) {
        counter = 2;              /* the child's write copies the page */
        printf("child: counter = %d\\n", counter);
        exit(0);
    }
    sleep(1);                     /* the child is a zombie meanwhile */
    printf("parent: counter = %d\\n", counter);
    wait(NULL);
    return 0;
}
`;

export type EditorOwner = { kind: 'scratch' } | { kind: 'exercise'; packId: string; exerciseId: string };

export const DIAGNOSE_DELAY_MS = 300;
export const SAVE_DELAY_MS = 800;

export const useEditorStore = defineStore('editor', () => {
  const source = ref(DEFAULT_PROGRAM);
  const diagnostics = ref<LabDiagnostic[]>([]);
  const owner = ref<EditorOwner>({ kind: 'scratch' });
  const saved = ref(true);
  /** the name Save suggests: the opened file's, the example's, the exercise's id, or prog.c */
  const fileName = ref('prog.c');
  const fontSize = ref(loadFontSize());
  /** the open exercise's starter: what Reset goes back to in an exercise */
  const starter = ref('');
  /** the text last opened from or saved to a file: replacing it loses nothing */
  const onDisk = ref<string | null>(null);
  /** why the last save failed (the text stays in the editor, unsaved), or null */
  const saveError = ref<string | null>(null);
  /** the scratch program, kept while an exercise is open */
  let scratch = DEFAULT_PROGRAM;
  let scratchName = 'prog.c';
  let diagnoseTimer: ReturnType<typeof setTimeout> | undefined;
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let diagnoseSeq = 0;

  /** What Reset goes back to: the default program, or the exercise's starter. */
  const resetText = computed(() => (owner.value.kind === 'exercise' ? starter.value : DEFAULT_PROGRAM));

  /** True when replacing the text would lose what the student wrote (it is nowhere else). */
  const replacingLosesWork = computed(() => {
    const text = source.value;
    return text !== resetText.value && text !== onDisk.value && text.trim() !== '' && !EXAMPLES.some((e) => e.source === text);
  });

  watch(fontSize, saveFontSize, { flush: 'sync' });

  /** Restores the autosaved scratch program (the default one when none was saved). */
  async function restore(): Promise<void> {
    const before = source.value;
    try {
      const text = await lab.loadScratch();
      if (text !== null && text !== undefined) scratch = text;
    } catch {
      /* the default program stays */
    }
    // what the student typed meanwhile wins over the saved copy
    if (owner.value.kind === 'scratch' && source.value === before) {
      source.value = scratch;
      void diagnoseNow();
    }
  }

  /** Asks the lab for the diagnostics of the current text; stale answers are dropped. */
  async function diagnoseNow(): Promise<void> {
    const seq = ++diagnoseSeq;
    const text = source.value;
    try {
      const found = await lab.diagnose(text);
      if (seq === diagnoseSeq) diagnostics.value = found;
    } catch {
      /* the markers stay as they were */
    }
  }

  /** Saves the text; a failure is kept in saveError (shown to the student) and the text stays unsaved. */
  async function saveNow(): Promise<void> {
    const o = owner.value;
    const text = source.value;
    try {
      if (o.kind === 'scratch') {
        scratch = text;
        await lab.saveScratch(text);
      } else await lab.saveDraft(o.packId, o.exerciseId, text);
    } catch (e) {
      saveError.value = e instanceof Error ? e.message : String(e);
      throw e;
    }
    saveError.value = null;
    if (text === source.value) saved.value = true;
  }

  /** The student typed: schedule diagnostics and the autosave. */
  function edit(text: string): void {
    if (text === source.value) return;
    source.value = text;
    saved.value = false;
    clearTimeout(diagnoseTimer);
    diagnoseTimer = setTimeout(() => void diagnoseNow(), DIAGNOSE_DELAY_MS);
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => void saveNow().catch(() => undefined), SAVE_DELAY_MS);
  }

  /** Edits an exercise's draft (or starter) from now on; `starterText` is what Reset goes back to. */
  function openExercise(packId: string, exerciseId: string, text: string, starterText = text): void {
    flush();
    if (owner.value.kind === 'scratch') scratchName = fileName.value;
    owner.value = { kind: 'exercise', packId, exerciseId };
    source.value = text;
    starter.value = starterText;
    fileName.value = `${exerciseId}.c`;
    onDisk.value = null;
    saved.value = true;
    void diagnoseNow();
  }

  /** Back to the free scratch program. */
  function openScratch(): void {
    flush();
    owner.value = { kind: 'scratch' };
    source.value = scratch;
    fileName.value = scratchName;
    onDisk.value = null;
    saved.value = true;
    void diagnoseNow();
  }

  /**
   * Replaces the whole text (an example, an opened file, a reset) as an edit: autosaved and
   * diagnosed at once. The caller asks the student first when replacingLosesWork says so.
   */
  function replace(text: string, name: string | null = null): void {
    if (name !== null) fileName.value = name;
    edit(text);
    clearTimeout(diagnoseTimer);
    void diagnoseNow();
  }

  /** Opened from, or saved to, a file called `name`: the text is safe on disk. */
  function markOnDisk(text: string, name: string): void {
    onDisk.value = text;
    fileName.value = name;
  }

  /** Bigger (1) or smaller (-1) text in the editor; 0 goes back to the default size. */
  function zoom(dir: 1 | -1 | 0): void {
    fontSize.value = dir === 0 ? DEFAULT_FONT_SIZE : stepFontSize(fontSize.value, dir);
  }

  /** Saves now what is waiting for the autosave. */
  function flush(): void {
    if (saveTimer !== undefined && !saved.value) {
      clearTimeout(saveTimer);
      saveTimer = undefined;
      void saveNow().catch(() => undefined);
    }
  }

  return {
    source, diagnostics, owner, saved, saveError, fileName, fontSize, resetText, replacingLosesWork,
    restore, diagnoseNow, edit, openExercise, openScratch, flush, saveNow, replace, markOnDisk, zoom,
  };
});
