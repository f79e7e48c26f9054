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

/** A loaded pack: what the student sees (no secret checks, the prompts rendered to safe HTML), and the whole pack. */
export function describePack(files: PackFiles): { info: PackInfo; pack: Pack } {
  const whole = loadPackOrThrow(files);
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
      promptHtml: renderPrompt(e.prompt),
      starter: e.starter,
      hints: [...e.hints],
      run: { ...e.run },
      ...(e.question ? { question: { program: e.question.program, choices: e.question.choices.map((c) => c.output), options: { ...e.run } } } : {}),
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
