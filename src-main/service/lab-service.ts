/**
 * LabService: LabApi implemented in-process. Everything that compiles, runs or reads a student's
 * program or a pack's files (runs, explorations, grading, diagnostics, unzipping and loading
 * packs) is a job for a Compute (the worker pool in the doors, so it can be cancelled and can
 * never exhaust the door's thread); packs, progress and the scratch program live in a Storage.
 * Every door (Electron IPC, the browser host) serves this one object.
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
  InspectRequest,
  StepInspection,
} from './contract.ts';
import { revealedGrade } from '../checker/reveal.ts';
import { buildHandIn, handInFileName, studentNameProblem } from '../checker/handin.ts';
import { decodeBase64, encodeBase64 } from './base64.ts';
import { changedExercises, compareVersions, describeChanges } from './pack-update.ts';
import { isCancelled, isWorkerDied, type Compute, type Job, type JobResult } from './jobs.ts';
import type { ExerciseInfo, PackFiles, PackInfo } from './packs.ts';
import type { Exercise, Pack } from '../packs/types.ts';
import { ProgressStore } from './progress.ts';
import { cancelledRunView, failedRunView } from './run-view.ts';
import type { Storage } from './storage.ts';
import { PACK_STORE_SUFFIX, decodePackFiles, encodePackFiles } from './pack-store.ts';
import {
  NotFoundError, RequestError, checkAnswerRequest, checkCheckRequest, checkExploreRequest, checkHandInRequest, checkImportRequest, checkName,
  checkRunRequest, checkSource,
} from './validate.ts';

export const SCRATCH_FILE = 'scratch.c';
export const IMPORTED_PACKS_FOLDER = 'packs';
/** The largest pack .zip the lab imports. */
export const MAX_IMPORT_BYTES = 16 * 1024 * 1024;

export interface LabServiceOptions {
  storage: Storage;
  compute: Compute;
  /** the packs shipped with the lab (the exercises/ folder) */
  builtinPacks: () => Promise<PackFiles[]>;
  now?: () => Date;
}

interface LoadedPack {
  files: PackFiles;
  /** what students see of it */
  info: PackInfo;
  /** the whole pack, secret checks included (grading jobs take their exercise from it) */
  pack: Pack;
  origin: 'builtin' | 'imported';
}

export class LabService implements LabApi {
  private readonly progress: ProgressStore;
  private readonly notices: ProgressNotice[] = [];
  private noticesGiven = false;
  private packCache: Promise<Map<string, LoadedPack>> | null = null;
  private started: Promise<void> | null = null;
  private jobCount = 0;
  /** the diagnose job under way, which a newer diagnose supersedes */
  private diagnosing: string | null = null;
  private readonly now: () => Date;

  constructor(private readonly options: LabServiceOptions) {
    this.now = options.now ?? (() => new Date());
    this.progress = new ProgressStore(options.storage, this.now);
  }

  /** Loads the saved progress (once); every method that needs it waits for this. */
  start(): Promise<void> {
    return (this.started ??= this.progress.load());
  }

  /**
   * The editor asks after each pause in typing: a newer diagnose cancels the one under way (whose
   * promise rejects with CancelledError), so slow compilations never pile up in the pool.
   */
  async diagnose(source: string, fileName?: string): Promise<LabDiagnostic[]> {
    checkSource(source);
    if (fileName !== undefined) checkName(fileName, 'fileName');
    if (this.diagnosing !== null) this.options.compute.cancel(this.diagnosing);
    const jobId = `diagnose-${++this.jobCount}`;
    this.diagnosing = jobId;
    try {
      return await this.startJob(jobId, { kind: 'diagnose', source, ...(fileName !== undefined ? { fileName } : {}) });
    } finally {
      if (this.diagnosing === jobId) this.diagnosing = null;
    }
  }

  async run(request: RunRequest): Promise<RunView> {
    checkRunRequest(request);
    try {
      return await this.startJob(request.jobId, { kind: 'run', request });
    } catch (e) {
      if (isCancelled(e)) return cancelledRunView(request);
      if (isWorkerDied(e)) return failedRunView(request, e.message);
      throw e;
    }
  }

  async inspect(request: InspectRequest): Promise<StepInspection> {
    return this.startJob(undefined, { kind: 'inspect', request });
  }

  async explore(request: ExploreRequest): Promise<ExploreView> {
    checkExploreRequest(request);
    try {
      return await this.startJob(request.jobId, { kind: 'explore', request });
    } catch (e) {
      if (isCancelled(e)) return { complete: false, outputs: [], schedulesExplored: 0, statesExplored: 0, cancelled: true };
      throw e;
    }
  }

  async cancel(jobId: string): Promise<boolean> {
    checkName(jobId, 'jobId');
    return this.options.compute.cancel(jobId);
  }

  async listPacks(): Promise<PackSummary[]> {
    await this.start();
    return [...(await this.loadedPacks()).values()].map((p) => this.summary(p));
  }

  async openExercise(packId: string, exerciseId: string): Promise<ExerciseView> {
    checkName(packId, 'packId');
    checkName(exerciseId, 'exerciseId');
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
      run: structuredClone(exercise.run ?? {}),
      ...(exercise.question ? { question: structuredClone(exercise.question) } : {}),
    };
  }

  async checkExercise(request: CheckRequest): Promise<GradeView> {
    checkCheckRequest(request);
    await this.start();
    const pack = await this.pack(request.packId);
    const exercise = gradedExercise(pack, request.exerciseId);
    const grade = await this.startJob(request.jobId, { kind: 'grade', exercise, packId: pack.info.id, source: request.source });
    return this.recordGrade(grade, request, request.source);
  }

  async answerQuestion(request: AnswerRequest): Promise<GradeView> {
    checkAnswerRequest(request);
    await this.start();
    const pack = await this.pack(request.packId);
    const exercise = findExercise(pack, request.exerciseId);
    if (!exercise.question) throw new RequestError(`exercise "${request.exerciseId}" is not a question: check it with checkExercise`);
    const ticked = request.ticked;
    const n = exercise.question.choices.length;
    if (ticked.some((i) => i >= n)) throw new RequestError(`ticked must hold choice indices from 0 to ${n - 1}`);
    const unique = [...new Set(ticked)].sort((a, b) => a - b);
    const grade = await this.startJob(request.jobId, { kind: 'answer', exercise: gradedExercise(pack, request.exerciseId), packId: pack.info.id, ticked: unique });
    // the draft of a question is its last answer, as 1-based choice numbers (an answer file's form)
    const recorded = await this.recordGrade(grade, request, unique.map((i) => i + 1).join(' '));
    // the verdicts only when the question's `reveal` allows (the service decides: the page could be read)
    const attempts = this.progress.get(request.packId, request.exerciseId)?.attempts ?? 0;
    return revealedGrade(recorded, exercise.question.reveal, attempts);
  }

  async saveDraft(packId: string, exerciseId: string, source: string): Promise<void> {
    checkName(packId, 'packId');
    checkName(exerciseId, 'exerciseId');
    checkSource(source);
    await this.start();
    await this.progress.saveDraft(packId, exerciseId, source);
  }

  async importPack(request: ImportRequest): Promise<PackSummary> {
    checkImportRequest(request);
    await this.start();
    if (!/\.zip$/i.test(request.name)) throw new RequestError(`${request.name}: a pack is imported from a .zip file`);
    if (request.base64.length > Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 4) {
      throw new RequestError(`${request.name}: the file is larger than ${MAX_IMPORT_BYTES / (1024 * 1024)} MiB, the most the lab imports`);
    }
    let described: { info: PackInfo; pack: Pack };
    let files: PackFiles;
    try {
      const bytes = decodeBase64(request.base64);
      files = await this.startJob(undefined, { kind: 'pack-unzip', bytes });
      described = await this.describe(files);
    } catch (e) {
      throw new RequestError(`${request.name} is not a valid pack:\n${(e as Error).message}`);
    }
    const { info } = described;
    const packs = await this.loadedPacks();
    const installed = packs.get(info.id);
    if (installed?.origin === 'builtin') throw new RequestError(`${request.name}: a pack shipped with the lab already has the id "${info.id}"`);
    const update = installed ? await this.updateFrom(installed.info, info, request) : undefined;
    await this.options.storage.writeAtomic(`${IMPORTED_PACKS_FOLDER}/${info.id}${PACK_STORE_SUFFIX}`, encodePackFiles(files));
    const loaded: LoadedPack = { files, ...described, origin: 'imported' };
    packs.set(info.id, loaded);
    return update ? { ...this.summary(loaded), update } : this.summary(loaded);
  }

  /**
   * An installed pack replaced by another version: an older one only when asked; exercises that
   * changed keep their best score as earned on the installed version. What changed, in sentences.
   */
  private async updateFrom(installed: PackInfo, next: PackInfo, request: ImportRequest): Promise<{ from: string; changes: string[] }> {
    if (compareVersions(next.version, installed.version) < 0 && !request.allowOlder) {
      throw new RequestError(
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
    checkHandInRequest(request);
    await this.start();
    const pack = await this.pack(request.packId);
    const student = (request.student ?? this.progress.student() ?? '').trim();
    const problem = studentNameProblem(student);
    if (problem) throw new RequestError(`Hand in: ${problem === 'a name or id is needed' ? 'enter your name or student id first' : `your name: ${problem}`}`);
    // the name is remembered for the next hand-in; a data folder that cannot be saved only loses that
    if (student !== this.progress.student()) await this.progress.setStudent(student).catch(() => undefined);
    const exercises = pack.info.exercises
      .map((e) => ({ id: e.id, text: this.progress.get(pack.info.id, e.id)?.draft ?? null, answer: e.question !== undefined }))
      .filter((e): e is { id: string; text: string; answer: boolean } => e.text !== null);
    if (exercises.length === 0) throw new RequestError(`Hand in: you have not worked on any exercise of ${pack.info.title} yet`);
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
    checkSource(source);
    await this.options.storage.writeAtomic(SCRATCH_FILE, source);
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    await this.options.compute.close();
  }

  /**
   * Records a check in the progress (score 0 when the submission did not compile) and passes the
   * grade on; when saving fails the grade still comes back, with `progressError` saying why.
   */
  private async recordGrade(grade: GradeView, at: { packId: string; exerciseId: string }, draft: string): Promise<GradeView> {
    const score = grade.gradable && grade.max_points > 0 ? grade.points / grade.max_points : 0;
    try {
      await this.progress.recordCheck(at.packId, at.exerciseId, score, draft);
    } catch (e) {
      // the grade stands; only remembering it failed, and the student is told why
      return { ...grade, progressError: `Your result could not be saved: ${(e as Error).message}` };
    }
    return grade;
  }

  private startJob<J extends Job>(jobId: string | undefined, job: J): Promise<JobResult<J>> {
    return this.options.compute.start(jobId ?? `job-${++this.jobCount}`, job);
  }

  /** Loads and checks a pack in a worker; rejects with every problem found. */
  private describe(files: PackFiles): Promise<{ info: PackInfo; pack: Pack }> {
    return this.startJob(undefined, { kind: 'pack-describe', pack: files });
  }

  private async pack(packId: string): Promise<LoadedPack> {
    const pack = (await this.loadedPacks()).get(packId);
    if (!pack) throw new NotFoundError(`no pack "${packId}"`);
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
        const described = await this.describe(files);
        packs.set(described.info.id, { files, ...described, origin: 'builtin' });
      } catch (e) {
        this.notices.push({ message: `A pack shipped with the lab could not be loaded: ${(e as Error).message}`, keptAs: null });
      }
    }
    for (const name of await this.options.storage.list(IMPORTED_PACKS_FOLDER)) {
      const path = `${IMPORTED_PACKS_FOLDER}/${name}`;
      try {
        const files = await this.readImportedPack(name);
        if (!files) continue;
        const described = await this.describe(files);
        const id = described.info.id;
        if (packs.has(id)) throw new Error(`its id "${id}" is already taken`);
        packs.set(id, { files, ...described, origin: 'imported' });
      } catch (e) {
        this.notices.push({ message: `The imported pack ${name} could not be loaded: ${(e as Error).message}`, keptAs: path });
      }
    }
    return packs;
  }

  /**
   * The files of an imported pack kept in the data folder (pack-store.ts), or null for a file
   * that is not one. A zip kept by an earlier version is checked and converted once.
   */
  private async readImportedPack(name: string): Promise<PackFiles | null> {
    const storage = this.options.storage;
    const path = `${IMPORTED_PACKS_FOLDER}/${name}`;
    if (name.endsWith(PACK_STORE_SUFFIX)) {
      const bytes = await storage.read(path);
      return bytes ? decodePackFiles(bytes) : null;
    }
    if (!name.endsWith('.zip')) return null;
    const bytes = await storage.read(path);
    if (!bytes) return null;
    const files = await this.startJob(undefined, { kind: 'pack-unzip', bytes });
    await storage.writeAtomic(`${path.slice(0, -'.zip'.length)}${PACK_STORE_SUFFIX}`, encodePackFiles(files));
    await storage.remove(path);
    return files;
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

/** The exercise a grading job checks against (the whole exercise: the job decides which checks run). */
function gradedExercise(pack: LoadedPack, exerciseId: string): Exercise {
  findExercise(pack, exerciseId);
  const exercise = pack.pack.exercises.find((e) => e.id === exerciseId);
  if (!exercise) throw new NotFoundError(`pack "${pack.info.id}" has no exercise "${exerciseId}"`);
  return exercise;
}

function findExercise(pack: LoadedPack, exerciseId: string): ExerciseInfo {
  const exercise = pack.info.exercises.find((e) => e.id === exerciseId);
  if (!exercise) throw new NotFoundError(`pack "${pack.info.id}" has no exercise "${exerciseId}"`);
  return exercise;
}
