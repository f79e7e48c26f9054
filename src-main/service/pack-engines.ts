/**
 * The engines that read packs (jobs.ts): unzipping an imported pack, loading and checking one
 * (what students see of it, and the exercises the service grades against), and `forklab pack
 * validate`'s full report.
 */
import { validatePack } from '../checker/validate-pack.ts';
import { formatPackError, loadPack, renderPrompt, studentView, unzipPack, type Pack, type PackError } from '../packs/index.ts';
import type { PackEngines } from './jobs.ts';
import type { PackFiles, PackInfo } from './packs.ts';

/** "file:line: field: message" lines, as people read them. */
function formatPackErrors(errors: PackError[]): string {
  return errors.map(formatPackError).join('\n');
}

/** Loads and validates a pack; throws an Error listing every problem. */
export function loadPackOrThrow(files: PackFiles): Pack {
  const result = loadPack(files);
  if (!result.pack) throw new Error(formatPackErrors(result.errors));
  return result.pack;
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

/** A loaded pack: what the student sees (no secret checks, the prompts rendered to safe HTML), and the whole pack. */
export function describePack(files: PackFiles): { info: PackInfo; pack: Pack } {
  const whole = loadPackOrThrow(files);
  const fingerprints = new Map(whole.exercises.map((e) => [e.id, exerciseFingerprint(e)]));
  const pack = studentView(whole);
  const info: PackInfo = {
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
      run: { ...e.run },
      ...(e.question ? { question: { program: e.question.program, choices: e.question.choices.map((c) => c.output), options: { ...e.run }, reveal: e.question.reveal } } : {}),
    })),
  };
  return { info, pack: whole };
}

export const packEngines: PackEngines = {
  unzipPack(bytes: Uint8Array) {
    const { files, errors } = unzipPack(bytes);
    if (errors.length > 0) throw new Error(formatPackErrors(errors));
    return files;
  },
  describePack,
  validatePack: (files) => validatePack(files),
};
