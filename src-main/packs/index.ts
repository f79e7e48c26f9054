/**
 * Exercise packs (docs/packs.md): load and validate from in-memory files, read a .zip, the JSON
 * Schema, the student's view and the prompt's Markdown rendering.
 */
export { loadPack, formatPackError, roundPoints, QUESTION_MAX_RUNS, type LoadResult } from './load.ts';
export { unzipPack, stripTopFolder } from './zip.ts';
export { checkPackFiles, pathProblem, MAX_FILES, MAX_FILE_BYTES, MAX_TOTAL_BYTES } from './files.ts';
export { PACK_SCHEMA } from './schema.ts';
export { studentView } from './student-view.ts';
export { studentCopy } from './student-copy.ts';
export { renderPrompt, isSafeUrl } from './markdown.ts';
export { WARNING_KINDS, normalizeOutput } from './semantic.ts';
export type * from './types.ts';
