/**
 * What `forklab pack export --gradescope / --prairielearn` puts in its zip: the whole pack (secret
 * checks included: the platforms keep it from students), the lab bundled into one file
 * (bundle.ts), the config saying which exercises count, and each platform's entry scripts
 * (scripts.ts). The scripts use the platform's paths unless AUTOGRADER_ROOT / GRADE_ROOT say
 * otherwise (the tests lay a temporary folder out as the platform does).
 */
import type { Pack, PackFiles } from '../../packs/types.ts';
import type { GradescopeVisibility } from '../grade-results.ts';
import type { ZipEntry } from '../zip-write.ts';
import { autogradeBundle } from './bundle.ts';
import { gradescopeReadme, gradescopeRun, gradescopeSetup, prairielearnDockerfile, prairielearnInfo, prairielearnReadme, prairielearnRun } from './scripts.ts';

export const SECRET_VISIBILITIES = ['hidden', 'after_due_date', 'after_published'] as const;

/** Choices of `forklab pack export` for an autograder. */
export interface AutograderOptions {
  /** the exercises that count (all of the pack when empty) */
  exercises: string[];
  /** Gradescope's visibility of secret checks' tests */
  secretVisibility: (typeof SECRET_VISIBILITIES)[number];
}

/** forklab-autograder.json: what the entry scripts pass to `forklab autograde --config`. */
export interface AutograderConfig {
  exercises: string[];
  secretVisibility: GradescopeVisibility;
}

/** The name of the bundled lab inside the zips. */
export const BUNDLE_NAME = 'forklab-autograde.mjs';

function config(pack: Pack, options: AutograderOptions): string {
  const body: AutograderConfig = {
    exercises: options.exercises.length > 0 ? options.exercises : pack.exercises.map((e) => e.id),
    secretVisibility: options.secretVisibility,
  };
  return `${JSON.stringify({ packId: pack.id, packVersion: pack.version, ...body }, null, 2)}\n`;
}

function packEntries(files: PackFiles, folder: string): ZipEntry[] {
  return Object.entries(files).map(([path, data]) => ({ path: `${folder}/${path}`, data }));
}

/**
 * Gradescope's autograder zip: setup.sh and run_autograder at its top (Gradescope unpacks it into
 * /autograder/source), the lab, the pack and the config.
 */
export async function gradescopeAutograder(pack: Pack, files: PackFiles, options: AutograderOptions): Promise<ZipEntry[]> {
  return [
    { path: 'setup.sh', data: gradescopeSetup(), executable: true },
    { path: 'run_autograder', data: gradescopeRun(), executable: true },
    { path: 'README.md', data: gradescopeReadme(pack) },
    { path: `forklab/${BUNDLE_NAME}`, data: await autogradeBundle() },
    { path: 'forklab-autograder.json', data: config(pack, options) },
    ...packEntries(files, 'pack'),
  ];
}

/**
 * PrairieLearn's external grader: the image (a Dockerfile with the lab and run.sh), what goes into
 * each question's tests/ folder (the pack and the config), and info.json's grading options.
 */
export async function prairielearnGrader(pack: Pack, files: PackFiles, options: AutograderOptions): Promise<ZipEntry[]> {
  return [
    { path: 'README.md', data: prairielearnReadme(pack) },
    { path: 'image/Dockerfile', data: prairielearnDockerfile() },
    { path: 'image/run.sh', data: prairielearnRun(), executable: true },
    { path: `image/${BUNDLE_NAME}`, data: await autogradeBundle() },
    { path: 'info.json.externalGradingOptions', data: prairielearnInfo(pack) },
    { path: 'tests/forklab-autograder.json', data: config(pack, options) },
    ...packEntries(files, 'tests/pack'),
  ];
}
