/**
 * Reads pack folders from disk into the in-memory file maps the pack loader takes. Symbolic links
 * and anything that is not a plain file are skipped, so nothing outside the folder is read; the
 * loader then applies its limits (src-main/packs/files.ts).
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { PackFiles } from '../service/packs.ts';

/** Stop reading a folder with more files than this (the loader refuses far fewer anyway). */
const MAX_FILES_READ = 5000;

/** The files under `folder`, by path relative to it with `/`. */
export async function readPackFolder(folder: string): Promise<PackFiles> {
  const files: PackFiles = {};
  let count = 0;
  async function walk(dir: string, prefix: string): Promise<void> {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(join(dir, entry.name), rel);
      else if (entry.isFile()) {
        if (++count > MAX_FILES_READ) throw new Error(`${folder}: more than ${MAX_FILES_READ} files`);
        files[rel] = new Uint8Array(await fs.readFile(join(dir, entry.name)));
      }
    }
  }
  await walk(folder, '');
  return files;
}

/** Every pack folder directly under `root` (each holding a pack.yaml); [] when root is missing. */
export async function readPackFolders(root: string): Promise<PackFiles[]> {
  let entries;
  try {
    entries = await fs.readdir(root, { withFileTypes: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const packs: PackFiles[] = [];
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const folder = join(root, entry.name);
    try {
      await fs.access(join(folder, 'pack.yaml'));
    } catch {
      continue;
    }
    packs.push(await readPackFolder(folder));
  }
  return packs;
}
