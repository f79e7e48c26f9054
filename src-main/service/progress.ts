/**
 * The student's progress: per exercise its status, best score, attempts, failed attempts (which
 * unlock hints) and last draft. Kept as one JSON file in Storage, saved atomically. A file that
 * cannot be read back (bad JSON, bad shape) is moved aside, never deleted, and reported.
 */
import type { ProgressNotice } from './contract.ts';
import type { Storage } from './storage.ts';

export const PROGRESS_FILE = 'progress.json';
export const PROGRESS_VERSION = 1;

export interface ExerciseProgress {
  /** 'new' until the first check (a saved draft alone keeps it new) */
  status: 'new' | 'attempted' | 'passed';
  /** best points / max_points over the checks, 0..1; null before the first check */
  bestScore: number | null;
  attempts: number;
  failedAttempts: number;
  draft: string | null;
  /** the best score earned on an earlier version of the pack, kept when an update changed the exercise */
  earlier?: { version: string; bestScore: number };
}

export interface ProgressData {
  version: number;
  /** by "packId/exerciseId" */
  exercises: Record<string, ExerciseProgress>;
  /** the name or id the student hands work in under (entered once) */
  student?: string;
}

/** The key of an exercise in the progress file. */
export function progressKey(packId: string, exerciseId: string): string {
  return `${packId}/${exerciseId}`;
}

/** An empty progress. */
export function emptyProgress(): ProgressData {
  return { version: PROGRESS_VERSION, exercises: {} };
}

/** Parses the file's text; returns the data, or a sentence saying what is wrong. */
export function parseProgress(text: string): ProgressData | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return `it is not valid JSON (${(e as Error).message})`;
  }
  if (!isRecord(value)) return 'it is not a JSON object';
  if (value.version !== PROGRESS_VERSION) return `its version is ${JSON.stringify(value.version)}, not ${PROGRESS_VERSION}`;
  if (!isRecord(value.exercises)) return 'it has no "exercises" object';
  if (value.student !== undefined && typeof value.student !== 'string') return 'its "student" is not text';
  for (const [key, entry] of Object.entries(value.exercises)) {
    const problem = exerciseProblem(entry);
    if (problem) return `the entry for ${key} ${problem}`;
  }
  return value as unknown as ProgressData;
}

function exerciseProblem(entry: unknown): string | null {
  if (!isRecord(entry)) return 'is not an object';
  if (entry.status !== 'new' && entry.status !== 'attempted' && entry.status !== 'passed') return 'has a bad status';
  if (entry.bestScore !== null && !(typeof entry.bestScore === 'number' && entry.bestScore >= 0 && entry.bestScore <= 1)) return 'has a bad bestScore';
  if (!isCount(entry.attempts) || !isCount(entry.failedAttempts)) return 'has bad attempt counts';
  if (entry.draft !== null && typeof entry.draft !== 'string') return 'has a bad draft';
  const earlier = entry.earlier as Record<string, unknown> | undefined;
  if (earlier !== undefined && !(isRecord(earlier) && typeof earlier.version === 'string' && typeof earlier.bestScore === 'number')) return 'has a bad earlier score';
  return null;
}

function isCount(v: unknown): boolean {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Progress kept in Storage. load() once at start; every change is saved at once, in order
 * (saves are queued so a later state never gets overwritten by an earlier one).
 */
export class ProgressStore {
  private data: ProgressData = emptyProgress();
  private saving: Promise<void> = Promise.resolve();
  /** why nothing may be saved (the file could not be read at start), or null */
  private cannotSave: string | null = null;
  readonly notices: ProgressNotice[] = [];

  constructor(private readonly storage: Storage, private readonly now: () => Date = () => new Date()) {}

  /**
   * Reads the file; a damaged one is moved aside and reported, and progress starts empty. One
   * that cannot be read at all (its permissions) is left alone and reported: the lab opens with
   * empty progress and saves nothing over it.
   */
  async load(): Promise<void> {
    let bytes: Uint8Array | null;
    try {
      bytes = await this.storage.read(PROGRESS_FILE);
    } catch (e) {
      this.cannotSave = `your saved progress could not be read (${(e as Error).message}), so the lab does not write over it`;
      this.notices.push({ message: `Your saved progress could not be read (${(e as Error).message}). The lab opened with empty progress and will not save any until the file can be read.`, keptAs: null });
      this.data = emptyProgress();
      return;
    }
    if (bytes === null) {
      this.data = emptyProgress();
      return;
    }
    let text: string | null;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = null;
    }
    const parsed = text === null ? 'it is not UTF-8 text' : parseProgress(text);
    if (typeof parsed !== 'string') {
      this.data = parsed;
      return;
    }
    const stamp = this.now().toISOString().replace(/[:.]/g, '-');
    const keptAs = await this.storage.moveAside(PROGRESS_FILE, `damaged-${stamp}`);
    this.notices.push({
      message: `Your saved progress could not be read (${parsed}). It was kept as ${keptAs} and the lab started with empty progress.`,
      keptAs,
    });
    this.data = emptyProgress();
  }

  /** The exercise's progress, or null if never touched. */
  get(packId: string, exerciseId: string): ExerciseProgress | null {
    return this.data.exercises[progressKey(packId, exerciseId)] ?? null;
  }

  /** A copy of everything. */
  snapshot(): ProgressData {
    return structuredClone(this.data);
  }

  /** The name the student hands work in under, or null before the first hand-in. */
  student(): string | null {
    return this.data.student ?? null;
  }

  /** Remembers the student's name or id. */
  async setStudent(name: string): Promise<void> {
    await this.changeData((data) => {
      data.student = name;
    });
  }

  /**
   * A pack update changed these exercises: each best score so far is kept as earned on
   * `oldVersion`, and the exercise starts again for the new version (draft and hints kept).
   */
  async markUpdated(packId: string, exerciseIds: string[], oldVersion: string): Promise<void> {
    if (!exerciseIds.some((id) => this.get(packId, id)?.bestScore != null)) return;
    await this.changeData((data) => {
      for (const id of exerciseIds) {
        const entry = data.exercises[progressKey(packId, id)];
        if (!entry || entry.bestScore === null) continue;
        entry.earlier = { version: oldVersion, bestScore: entry.bestScore };
        entry.bestScore = null;
        entry.status = 'new';
      }
    });
  }

  /** Stores the draft. */
  async saveDraft(packId: string, exerciseId: string, draft: string): Promise<void> {
    await this.change(packId, exerciseId, (entry) => {
      entry.draft = draft;
    });
  }

  /** Records a graded check: attempts, failures, best score; `passed` when the score is full. */
  async recordCheck(packId: string, exerciseId: string, score: number, source: string): Promise<ExerciseProgress> {
    return this.change(packId, exerciseId, (entry) => {
      entry.attempts++;
      entry.draft = source;
      entry.bestScore = entry.bestScore === null ? score : Math.max(entry.bestScore, score);
      if (score >= 1) entry.status = 'passed';
      else {
        entry.failedAttempts++;
        if (entry.status === 'new') entry.status = 'attempted';
      }
    });
  }

  /**
   * Applies `edit` to one exercise's entry of the file as it is now (another copy of the lab may
   * have saved since this one loaded: its changes are kept), saves it under the storage's lock,
   * after any save already under way, and adopts the result. Throws, changing nothing, when the
   * file cannot be saved; the caller says so to the student.
   */
  private async change(packId: string, exerciseId: string, edit: (entry: ExerciseProgress) => void): Promise<ExerciseProgress> {
    const key = progressKey(packId, exerciseId);
    const data = await this.changeData((next) => edit((next.exercises[key] ??= { status: 'new', bestScore: null, attempts: 0, failedAttempts: 0, draft: null })));
    return { ...data.exercises[key] };
  }

  /** `change` for the whole file (the student's name, several exercises at once); the data as saved. */
  private changeData(edit: (data: ProgressData) => void): Promise<ProgressData> {
    let next: ProgressData | null = null;
    const write = async (): Promise<ProgressData> => {
      if (this.cannotSave) throw new Error(this.cannotSave);
      await this.storage.update(PROGRESS_FILE, (bytes) => {
        next = bytes === null ? emptyProgress() : this.parseCurrent(bytes);
        edit(next);
        return JSON.stringify(next, null, 1);
      });
      this.data = next!;
      return next!;
    };
    const done = this.saving.catch(() => undefined).then(write);
    // the caller hears of a failure through `done`; the queue itself only orders saves
    this.saving = done.then(
      () => undefined,
      () => undefined,
    );
    return done;
  }

  /** The file as saved now; a file another process damaged is not merged into (nothing is lost: it is refused). */
  private parseCurrent(bytes: Uint8Array): ProgressData {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new Error(`${PROGRESS_FILE} on disk is no longer UTF-8 text; it was left as it is`);
    }
    const parsed = parseProgress(text);
    if (typeof parsed === 'string') throw new Error(`${PROGRESS_FILE} on disk can no longer be read (${parsed}); it was left as it is`);
    return parsed;
  }
}
