/**
 * The real domain functions behind the service's jobs and packs: the engine (src-main/vm/run.ts),
 * the explorer (src-main/explore) and the pack format and checker (src-main/packs,
 * src-main/checker). Loaded by the worker thread and, for what is quick, by the service itself.
 */
import { gradeQuestion, gradeSubmission } from '../checker/index.ts';
import { ExploreCompileError, exploreProgram } from '../explore/explore.ts';
import { formatPackError, loadPack, renderPrompt, studentView, unzipPack, type Pack, type PackError } from '../packs/index.ts';
import { compileProgram, runProgram } from '../vm/run.ts';
import type { ExploreRequest, ExploreView, LabDiagnostic } from './contract.ts';
import type { Engines } from './jobs.ts';
import type { PackEngine, PackFiles, PackInfo } from './packs.ts';
import { engineRequest, toLabDiagnostic, toRunView } from './run-view.ts';

/**
 * Compiles only. Diagnostics of the program's file keep their place; one found in a header is
 * put on line 1 with the header's name, so the editor still shows it.
 */
export function diagnoseSource(source: string, fileName = 'prog.c'): LabDiagnostic[] {
  return compileProgram(source, fileName)
    .diagnostics.filter((d) => d.severity !== 'note')
    .map((d) =>
      toLabDiagnostic(
        d.file === fileName
          ? { severity: d.severity as 'error' | 'warning', line: d.line, column: d.column, message: d.message }
          : { severity: d.severity as 'error' | 'warning', line: 1, column: 1, message: `${d.file}:${d.line}: ${d.message}` },
      ),
    );
}

/** Every output the program can produce (the explorer); a compile error is a rejection with gcc's text. */
export function exploreSource(request: ExploreRequest): ExploreView {
  const options = { ...(request.options ?? {}), fileName: request.fileName ?? 'prog.c', ...(request.maxRuns !== undefined ? { maxRuns: request.maxRuns } : {}) };
  try {
    return exploreProgram(request.source, options);
  } catch (e) {
    if (e instanceof ExploreCompileError) throw new Error(`the program did not compile:\n${e.diagnosticsText}`);
    throw e;
  }
}

/** "file:line: field: message" lines, as people read them. */
function formatPackErrors(errors: PackError[]): string {
  return errors.map(formatPackError).join('\n');
}

/** The most recently loaded packs, by a fingerprint of their files (a worker grades the same pack often). */
const loaded = new Map<string, Pack>();

/** Loads and validates a pack; throws an Error listing every problem. */
export function loadPackOrThrow(files: PackFiles): Pack {
  const key = fingerprint(files);
  const cached = loaded.get(key);
  if (cached) return cached;
  const result = loadPack(files);
  if (!result.pack) throw new Error(formatPackErrors(result.errors));
  if (loaded.size >= 8) loaded.delete(loaded.keys().next().value as string);
  loaded.set(key, result.pack);
  return result.pack;
}

/** A cheap content hash (FNV-1a over names and bytes). */
function fingerprint(files: PackFiles): string {
  let h = 0x811c9dc5;
  const mix = (byte: number) => {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  };
  for (const name of Object.keys(files).sort()) {
    for (let i = 0; i < name.length; i++) mix(name.charCodeAt(i) & 0xff);
    mix(0);
    const bytes = files[name];
    for (let i = 0; i < bytes.length; i++) mix(bytes[i]);
    mix(0);
  }
  return `${Object.keys(files).length}:${h.toString(16)}`;
}

/** A fingerprint of what grading and the student see of an exercise (every check, secret ones too). */
function exerciseFingerprint(exercise: Pack['exercises'][number]): string {
  const { checks, maxPoints, heldBack, prompt, starter, question, run } = exercise;
  return fnv1a(JSON.stringify({ checks, maxPoints, heldBack, prompt, starter, question, run }));
}

/** FNV-1a of a text's UTF-16 code units, in hex. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** What the student sees of a pack: no secret checks, the prompts rendered to safe HTML. */
export function describePack(files: PackFiles): PackInfo {
  const full = loadPackOrThrow(files);
  const fingerprints = new Map(full.exercises.map((e) => [e.id, exerciseFingerprint(e)]));
  const pack = studentView(full);
  return {
    id: pack.id,
    uuid: pack.uuid,
    title: pack.title,
    version: pack.version,
    exercises: pack.exercises.map((e) => ({
      id: e.id,
      uuid: e.uuid,
      title: e.title,
      topics: [...e.topics],
      maxPoints: e.maxPoints,
      heldBack: e.heldBack,
      fingerprint: fingerprints.get(e.id)!,
      promptHtml: renderPrompt(e.prompt),
      starter: e.starter,
      hints: [...e.hints],
      ...(e.question ? { question: { program: e.question.program, choices: e.question.choices.map((c) => c.output), options: { ...e.run }, reveal: e.question.reveal } } : {}),
    })),
  };
}

/** The pack engine; packs.ts documents the contract. */
export const packEngine: PackEngine = {
  describe: describePack,
  grade(files: PackFiles, exerciseId: string, source: string) {
    return gradeSubmission(loadPackOrThrow(files), exerciseId, source, { includeSecret: false, detail: true });
  },
  answer(files: PackFiles, exerciseId: string, ticked: number[]) {
    const pack = loadPackOrThrow(files);
    const exercise = pack.exercises.find((e) => e.id === exerciseId);
    if (!exercise) throw new Error(`pack ${pack.id} has no exercise "${exerciseId}"`);
    return gradeQuestion(exercise, ticked, pack.id);
  },
  unzip(bytes: Uint8Array) {
    const { files, errors } = unzipPack(bytes);
    if (errors.length > 0) throw new Error(formatPackErrors(errors));
    return files;
  },
};

/** The engines the jobs use. */
export const engines: Engines = {
  run: (request) => toRunView(runProgram(engineRequest(request)), request),
  explore: exploreSource,
  grade: (files, exerciseId, source) => packEngine.grade(files, exerciseId, source),
  answer: (files, exerciseId, ticked) => packEngine.answer(files, exerciseId, ticked),
};
