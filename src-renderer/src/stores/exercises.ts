/**
 * The exercises' store: the packs with each exercise's status and best score, the open exercise,
 * its last grade, hints, pack import, results export, and the notices about saved progress.
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { lab, type ExerciseView, type GradeView, type HandInFile, type PackSummary, type ProgressNotice } from '../lab/index.ts';
import { zipSync } from 'fflate';

export const useExercisesStore = defineStore('exercises', () => {
  const packs = ref<PackSummary[]>([]);
  const current = shallowRef<ExerciseView | null>(null);
  const grade = shallowRef<GradeView | null>(null);
  /** the submission the grade is for (a check's schedule replays it) */
  const checkedSource = ref<string | null>(null);
  const notices = ref<ProgressNotice[]>([]);
  const busy = ref(false);
  const error = ref<string | null>(null);

  const topics = computed(() => [...new Set(packs.value.flatMap((p) => p.exercises.flatMap((e) => e.topics)))].sort());

  async function guard<T>(work: () => Promise<T>): Promise<T | null> {
    busy.value = true;
    error.value = null;
    try {
      return await work();
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e);
      return null;
    } finally {
      busy.value = false;
    }
  }

  async function refresh(): Promise<void> {
    const list = await guard(() => lab.listPacks());
    if (list) packs.value = list;
  }

  /** Loads the packs and the notices about saved progress (each notice is shown once). */
  async function start(): Promise<void> {
    await refresh();
    await loadStudent();
    try {
      notices.value = await lab.progressNotices();
    } catch {
      notices.value = [];
    }
  }

  async function open(packId: string, exerciseId: string): Promise<ExerciseView | null> {
    const view = await guard(() => lab.openExercise(packId, exerciseId));
    if (view) {
      current.value = view;
      grade.value = null;
    }
    return view;
  }

  function close(): void {
    current.value = null;
    grade.value = null;
  }

  /** Grades `source` against the open exercise; refreshes hints, status and best score after. */
  async function check(source: string): Promise<GradeView | null> {
    const ex = current.value;
    if (!ex) return null;
    const result = await guard(() => lab.checkExercise({ packId: ex.packId, exerciseId: ex.id, source }));
    if (!result) return null;
    grade.value = result;
    checkedSource.value = source;
    const reopened = await guard(() => lab.openExercise(ex.packId, ex.id));
    if (reopened) current.value = reopened;
    await refresh();
    return result;
  }

  /** The name hand-ins are made under (null until the first one). */
  const student = ref<string | null>(null);

  /** Imports a pack from a .zip file's bytes (an older version of an installed pack only with `allowOlder`). */
  async function importZip(name: string, bytes: Uint8Array, allowOlder = false): Promise<PackSummary | null> {
    const pack = await guard(() => lab.importPack({ name, base64: toBase64(bytes), ...(allowOlder ? { allowOlder } : {}) }));
    if (pack) await refresh();
    return pack;
  }

  /** Reads the remembered student name. */
  async function loadStudent(): Promise<void> {
    try {
      student.value = (await lab.studentName()) ?? null;
    } catch {
      student.value = null;
    }
  }

  /** Hands in a pack's work (under `name`, or the remembered one); the zip to save. */
  async function handIn(packId: string, name?: string): Promise<HandInFile | null> {
    const file = await guard(() => lab.handIn({ packId, ...(name !== undefined ? { student: name } : {}) }));
    if (file) student.value = file.student;
    return file;
  }

  /**
   * Imports a pack from a folder the student picked: its files (paths as the browser gives them,
   * "my-pack/pack.yaml") are zipped here and go through the same checks as a .zip.
   */
  async function importFolder(files: { path: string; bytes: Uint8Array }[]): Promise<PackSummary | null> {
    if (files.length === 0) return null;
    const folder = files[0].path.split('/')[0] || 'pack';
    return importZip(`${folder}.zip`, zipFolder(files));
  }

  async function exportResults(): Promise<{ fileName: string; json: string } | null> {
    return guard(() => lab.exportResults());
  }

  function dismissNotice(i: number): void {
    notices.value = notices.value.filter((_, j) => j !== i);
  }

  return { packs, current, grade, checkedSource, notices, busy, error, topics, student, start, refresh, open, close, check, importZip, importFolder, exportResults, loadStudent, handIn, dismissNotice };
});

/** Base64 of bytes, in chunks (String.fromCharCode on a whole file overflows the stack). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** A zip of the picked folder's files under their relative paths. */
export function zipFolder(files: { path: string; bytes: Uint8Array }[]): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const f of files) entries[f.path] = f.bytes;
  return zipSync(entries);
}
