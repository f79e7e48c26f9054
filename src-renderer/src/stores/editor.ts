/**
 * The editor's store: the program text, its diagnostics (asked of the lab as the student types,
 * debounced), what the text belongs to (the free scratch program or an exercise's draft) and its
 * autosave. The Monaco instance itself lives in CodeEditor.vue, outside reactivity.
 */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { lab, type LabDiagnostic } from '../lab/index.ts';

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
  /** why the last save failed (the text stays in the editor, unsaved), or null */
  const saveError = ref<string | null>(null);
  /** the scratch program, kept while an exercise is open */
  let scratch = DEFAULT_PROGRAM;
  let diagnoseTimer: ReturnType<typeof setTimeout> | undefined;
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let diagnoseSeq = 0;

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

  /** Edits an exercise's draft (or starter) from now on. */
  function openExercise(packId: string, exerciseId: string, text: string): void {
    flush();
    owner.value = { kind: 'exercise', packId, exerciseId };
    source.value = text;
    saved.value = true;
    void diagnoseNow();
  }

  /** Back to the free scratch program. */
  function openScratch(): void {
    flush();
    owner.value = { kind: 'scratch' };
    source.value = scratch;
    saved.value = true;
    void diagnoseNow();
  }

  /** Saves now what is waiting for the autosave. */
  function flush(): void {
    if (saveTimer !== undefined && !saved.value) {
      clearTimeout(saveTimer);
      saveTimer = undefined;
      void saveNow().catch(() => undefined);
    }
  }

  return { source, diagnostics, owner, saved, saveError, restore, diagnoseNow, edit, openExercise, openScratch, flush, saveNow };
});
