/**
 * LabService: LabApi implemented in-process. Runs, explorations and grading go to a Compute (a
 * worker pool in the doors, so they can be cancelled); packs, progress and the scratch program
 * live in a Storage. Every door (Electron IPC, the browser host) serves this one object.
 */
import type {
  AnswerRequest,
  CheckRequest,
  ExerciseSummary,
  ExerciseView,
  ExploreRequest,
  ExploreView,
  GradeView,
  HandInFile,
  HandInRequest,
  ImportRequest,
  LabApi,
  LabDiagnostic,
  PackSummary,
  ProgressNotice,
  RunRequest,
  RunView,
} from './contract.ts';
import { revealedGrade } from '../checker/reveal.ts';
import { buildHandIn, handInFileName, studentNameProblem } from '../checker/handin.ts';
import { decodeBase64, encodeBase64 } from './base64.ts';
import { InputError } from './errors.ts';
import { changedExercises, compareVersions, describeChanges } from './pack-update.ts';
import { isCancelled, type Compute, type Job, type JobResult } from './jobs.ts';
import type { ExerciseInfo, PackEngine, PackFiles, PackInfo } from './packs.ts';
import { ProgressStore } from './progress.ts';
import { cancelledRunView } from './run-view.ts';
import type { Storage } from './storage.ts';

export const SCRATCH_FILE = 'scratch.c';
export const IMPORTED_PACKS_FOLDER = 'packs';
/** The largest pack .zip the lab imports. */
export const MAX_IMPORT_BYTES = 16 * 1024 * 1024;

export interface LabServiceOptions {
  storage: Storage;
  compute: Compute;
  packs: PackEngine;
  /** the packs shipped with the lab (the exercises/ folder) */
  builtinPacks: () => Promise<PackFiles[]>;
  diagnose: (source: string, fileName?: string) => LabDiagnostic[];
  now?: () => Date;
}

interface LoadedPack {
  files: PackFiles;
  info: PackInfo;
  origin: 'builtin' | 'imported';
}

export class LabService implements LabApi {
  private readonly progress: ProgressStore;
  private readonly notices: ProgressNotice[] = [];
  private noticesGiven = false;
  private packCache: Promise<Map<string, LoadedPack>> | null = null;
  private started: Promise<void> | null = null;
  private jobCount = 0;
  private readonly now: () => Date;

  constructor(private readonly options: LabServiceOptions) {
    this.now = options.now ?? (() => new Date());
    this.progress = new ProgressStore(options.storage, this.now);
  }

  /** Loads the saved progress (once); every method that needs it waits for this. */
  start(): Promise<void> {
    return (this.started ??= this.progress.load());
  }

  async diagnose(source: string, fileName?: string): Promise<LabDiagnostic[]> {
    return this.options.diagnose(source, fileName);
  }

  async run(request: RunRequest): Promise<RunView> {
    try {
      return await this.startJob(request.jobId, { kind: 'run', request });
    } catch (e) {
      if (isCancelled(e)) return cancelledRunView(request);
      throw e;
    }
  }

  async explore(request: ExploreRequest): Promise<ExploreView> {
    try {
      return await this.startJob(request.jobId, { kind: 'explore', request });
    } catch (e) {
      if (isCancelled(e)) return { complete: false, outputs: [], schedulesExplored: 0, statesExplored: 0, cancelled: true };
      throw e;
    }
  }

  async cancel(jobId: string): Promise<boolean> {
    return this.options.compute.cancel(jobId);
  }

  async listPacks(): Promise<PackSummary[]> {
    await this.start();
    return [...(await this.loadedPacks()).values()].map((p) => this.summary(p));
  }

  async openExercise(packId: string, exerciseId: string): Promise<ExerciseView> {
    await this.start();
    const pack = await this.pack(packId);
    const exercise = findExercise(pack, exerciseId);
    const saved = this.progress.get(packId, exerciseId);
    const failed = saved?.failedAttempts ?? 0;
    return {
      ...this.exerciseSummary(pack, exercise),
      packId,
      promptHtml: exercise.promptHtml,
      starter: exercise.starter,
      draft: saved?.draft ?? null,
      hints: exercise.hints.slice(0, Math.min(failed, exercise.hints.length)),
      hintsTotal: exercise.hints.length,
      attempts: saved?.attempts ?? 0,
      failedAttempts: failed,
      ...(exercise.question ? { question: structuredClone(exercise.question) } : {}),
    };
  }

  async checkExercise(request: CheckRequest): Promise<GradeView> {
    await this.start();
    const pack = await this.pack(request.packId);
    findExercise(pack, request.exerciseId);
    const grade = await this.startJob(request.jobId, { kind: 'grade', pack: pack.files, exerciseId: request.exerciseId, source: request.source });
    return this.recordGrade(grade, request, request.source);
  }

  async answerQuestion(request: AnswerRequest): Promise<GradeView> {
    await this.start();
    const pack = await this.pack(request.packId);
    const exercise = findExercise(pack, request.exerciseId);
    if (!exercise.question) throw new Error(`exercise "${request.exerciseId}" is not a question: check it with checkExercise`);
    const ticked = Array.isArray(request.ticked) ? request.ticked : [];
    const n = exercise.question.choices.length;
    if (ticked.some((i) => !Number.isInteger(i) || i < 0 || i >= n)) throw new Error(`ticked must hold choice indices from 0 to ${n - 1}`);
    const unique = [...new Set(ticked)].sort((a, b) => a - b);
    const grade = await this.startJob(request.jobId, { kind: 'answer', pack: pack.files, exerciseId: request.exerciseId, ticked: unique });
    // the draft of a question is its last answer, as 1-based choice numbers (an answer file's form)
    await this.recordGrade(grade, request, unique.map((i) => i + 1).join(' '));
    // the verdicts only when the question's `reveal` allows (the service decides: the page could be read)
    const attempts = this.progress.get(request.packId, request.exerciseId)?.attempts ?? 0;
    return revealedGrade(grade, exercise.question.reveal, attempts);
  }

  async saveDraft(packId: string, exerciseId: string, source: string): Promise<void> {
    await this.start();
    await this.progress.saveDraft(packId, exerciseId, String(source));
  }

  async importPack(request: ImportRequest): Promise<PackSummary> {
    await this.start();
    if (!/\.zip$/i.test(request.name)) throw new InputError(`${request.name}: a pack is imported from a .zip file`);
    if (request.base64.length > Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 4) {
      throw new InputError(`${request.name}: the file is larger than ${MAX_IMPORT_BYTES / (1024 * 1024)} MiB, the most the lab imports`);
    }
    const bytes = decodeBase64(request.base64);
    let files: PackFiles;
    let info: PackInfo;
    try {
      files = this.options.packs.unzip(bytes);
      info = this.options.packs.describe(files);
    } catch (e) {
      throw new InputError(`${request.name} is not a valid pack:\n${(e as Error).message}`);
    }
    const packs = await this.loadedPacks();
    const installed = packs.get(info.id);
    if (installed?.origin === 'builtin') throw new InputError(`${request.name}: a pack shipped with the lab already has the id "${info.id}"`);
    const update = installed ? await this.updateFrom(installed.info, info, request) : undefined;
    await this.options.storage.writeAtomic(`${IMPORTED_PACKS_FOLDER}/${info.id}.zip`, bytes);
    const loaded: LoadedPack = { files, info, origin: 'imported' };
    packs.set(info.id, loaded);
    return update ? { ...this.summary(loaded), update } : this.summary(loaded);
  }

  /**
   * An installed pack replaced by another version: an older one only when asked; exercises that
   * changed keep their best score as earned on the installed version. What changed, in sentences.
   */
  private async updateFrom(installed: PackInfo, next: PackInfo, request: ImportRequest): Promise<{ from: string; changes: string[] }> {
    if (compareVersions(next.version, installed.version) < 0 && !request.allowOlder) {
      throw new InputError(
        `${request.name} is version ${next.version} of ${next.title}, older than the version ${installed.version} you have: it was not imported (import it anyway only if your instructor asks you to)`,
      );
    }
    await this.progress.markUpdated(next.id, changedExercises(installed, next), installed.version);
    return { from: installed.version, changes: describeChanges(installed, next) };
  }

  async exportResults(): Promise<{ fileName: string; json: string }> {
    await this.start();
    const now = this.now();
    const packs = [...(await this.loadedPacks()).values()].map((p) => {
      const summary = this.summary(p);
      return {
        id: summary.id,
        uuid: summary.uuid,
        title: summary.title,
        version: summary.version,
        exercises: summary.exercises.map((e) => {
          const saved = this.progress.get(p.info.id, e.id);
          return { id: e.id, uuid: e.uuid, title: e.title, status: e.status, bestScore: e.bestScore, maxPoints: e.maxPoints, attempts: saved?.attempts ?? 0, failedAttempts: saved?.failedAttempts ?? 0 };
        }),
      };
    });
    const json = JSON.stringify({ kind: 'forklab-results', version: 1, exportedAt: now.toISOString(), packs }, null, 2);
    return { fileName: `forklab-results-${now.toISOString().slice(0, 10)}.json`, json };
  }

  async handIn(request: HandInRequest): Promise<HandInFile> {
    await this.start();
    const pack = await this.pack(request.packId);
    const student = (request.student ?? this.progress.student() ?? '').trim();
    const problem = studentNameProblem(student);
    if (problem) throw new InputError(`Hand in: ${problem === 'a name or id is needed' ? 'enter your name or student id first' : `your name: ${problem}`}`);
    if (student !== this.progress.student()) await this.progress.setStudent(student);
    const exercises = pack.info.exercises
      .map((e) => ({ id: e.id, text: this.progress.get(pack.info.id, e.id)?.draft ?? null, answer: e.question !== undefined }))
      .filter((e): e is { id: string; text: string; answer: boolean } => e.text !== null);
    if (exercises.length === 0) throw new InputError(`Hand in: you have not worked on any exercise of ${pack.info.title} yet`);
    const { id, uuid, version } = pack.info;
    const bytes = await buildHandIn({ student, pack: { id, uuid, version }, createdAt: this.now(), exercises });
    return { fileName: handInFileName(id, student), base64: encodeBase64(bytes), exercises: exercises.map((e) => e.id), student };
  }

  async studentName(): Promise<string | null> {
    await this.start();
    return this.progress.student();
  }

  async progressNotices(): Promise<ProgressNotice[]> {
    await this.start();
    await this.loadedPacks();
    if (this.noticesGiven) return [];
    this.noticesGiven = true;
    return [...this.progress.notices, ...this.notices];
  }

  async loadScratch(): Promise<string | null> {
    const bytes = await this.options.storage.read(SCRATCH_FILE);
    return bytes === null ? null : new TextDecoder().decode(bytes);
  }

  async saveScratch(source: string): Promise<void> {
    await this.options.storage.writeAtomic(SCRATCH_FILE, String(source));
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    await this.options.compute.close();
  }

  /** Records a check in the progress (score 0 when the submission did not compile) and passes the grade on. */
  private async recordGrade(grade: GradeView, at: { packId: string; exerciseId: string }, draft: string): Promise<GradeView> {
    const score = grade.gradable && grade.max_points > 0 ? grade.points / grade.max_points : 0;
    await this.progress.recordCheck(at.packId, at.exerciseId, score, draft);
    return grade;
  }

  private startJob<J extends Job>(jobId: string | undefined, job: J): Promise<JobResult<J>> {
    return this.options.compute.start(jobId ?? `job-${++this.jobCount}`, job);
  }

  private async pack(packId: string): Promise<LoadedPack> {
    const pack = (await this.loadedPacks()).get(packId);
    if (!pack) throw new Error(`no pack "${packId}"`);
    return pack;
  }

  /** The built-in packs, then the imported ones; a pack that does not load is reported and skipped. */
  private loadedPacks(): Promise<Map<string, LoadedPack>> {
    return (this.packCache ??= this.readPacks());
  }

  private async readPacks(): Promise<Map<string, LoadedPack>> {
    const packs = new Map<string, LoadedPack>();
    let builtin: PackFiles[] = [];
    try {
      builtin = await this.options.builtinPacks();
    } catch (e) {
      this.notices.push({ message: `The lab's own exercises could not be read: ${(e as Error).message}`, keptAs: null });
    }
    for (const files of builtin) {
      try {
        const info = this.options.packs.describe(files);
        packs.set(info.id, { files, info, origin: 'builtin' });
      } catch (e) {
        this.notices.push({ message: `A pack shipped with the lab could not be loaded: ${(e as Error).message}`, keptAs: null });
      }
    }
    const storage = this.options.storage;
    for (const name of await storage.list(IMPORTED_PACKS_FOLDER)) {
      if (!name.endsWith('.zip')) continue;
      const path = `${IMPORTED_PACKS_FOLDER}/${name}`;
      try {
        const bytes = await storage.read(path);
        if (!bytes) continue;
        const files = this.options.packs.unzip(bytes);
        const info = this.options.packs.describe(files);
        if (packs.has(info.id)) throw new Error(`its id "${info.id}" is already taken`);
        packs.set(info.id, { files, info, origin: 'imported' });
      } catch (e) {
        this.notices.push({ message: `The imported pack ${name} could not be loaded: ${(e as Error).message}`, keptAs: path });
      }
    }
    return packs;
  }

  private summary(pack: LoadedPack): PackSummary {
    const { id, uuid, title, version } = pack.info;
    return { id, uuid, title, version, origin: pack.origin, exercises: pack.info.exercises.map((e) => this.exerciseSummary(pack, e)) };
  }

  private exerciseSummary(pack: LoadedPack, exercise: ExerciseInfo): ExerciseSummary {
    const saved = this.progress.get(pack.info.id, exercise.id);
    return {
      id: exercise.id,
      uuid: exercise.uuid,
      title: exercise.title,
      topics: [...exercise.topics],
      maxPoints: exercise.maxPoints,
      heldBackPoints: exercise.heldBack,
      status: saved?.status ?? 'new',
      bestScore: saved?.bestScore ?? null,
      ...(saved?.earlier ? { earlier: { ...saved.earlier } } : {}),
    };
  }
}

function findExercise(pack: LoadedPack, exerciseId: string): ExerciseInfo {
  const exercise = pack.info.exercises.find((e) => e.id === exerciseId);
  if (!exercise) throw new Error(`pack "${pack.info.id}" has no exercise "${exerciseId}"`);
  return exercise;
}
