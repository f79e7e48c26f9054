/**
 * How an imported pack is kept in the user's data folder: as the files its zip held once they
 * were checked (`packs/<id>.pack.json`, each file in base64), never as the zip itself, so that no
 * zip is inflated again at each start. Lab versions before this one kept the zip
 * (`packs/<id>.zip`); LabService converts such a file once.
 */
import { decodeBase64, encodeBase64 } from './base64.ts';
import type { PackFiles } from './packs.ts';

export const PACK_STORE_SUFFIX = '.pack.json';
const KIND = 'forklab-pack-files';
const VERSION = 1;

/** The stored form of a pack's files. */
export function encodePackFiles(files: PackFiles): string {
  const encoded: Record<string, string> = {};
  for (const name of Object.keys(files).sort()) encoded[name] = encodeBase64(files[name]);
  return JSON.stringify({ kind: KIND, version: VERSION, files: encoded });
}

/** A pack's files from their stored form; throws an Error saying what is wrong with it. */
export function decodePackFiles(bytes: Uint8Array): PackFiles {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new Error('the stored pack is not valid JSON');
  }
  const v = value as { kind?: unknown; version?: unknown; files?: unknown };
  if (typeof v !== 'object' || v === null || v.kind !== KIND || v.version !== VERSION) throw new Error('not a stored pack of this lab version');
  if (typeof v.files !== 'object' || v.files === null || Array.isArray(v.files)) throw new Error('the stored pack has no files');
  const files: PackFiles = {};
  for (const [name, data] of Object.entries(v.files)) {
    if (typeof data !== 'string') throw new Error(`the stored pack's file ${name} is not base64 text`);
    files[name] = decodeBase64(data);
  }
  return files;
}
