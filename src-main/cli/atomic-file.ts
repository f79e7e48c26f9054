/**
 * Files the command line writes for people to rely on (grading results): each one appears whole
 * or not at all. The text goes to a temporary file next to the target, is flushed to the disk,
 * and is renamed over the target; a run killed at any moment leaves the old file or the new one.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Writes `text` to `path` atomically (creating its folder); throws what the file system throws. */
export function writeFileAtomic(path: string, text: string): void {
  const folder = dirname(path);
  mkdirSync(folder, { recursive: true });
  const temp = join(folder, `.tmp-${process.pid}-${Math.random().toString(36).slice(2)}-${basename(path)}`);
  const fd = openSync(temp, 'wx', 0o644);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw e;
  }
  closeSync(fd);
  try {
    renameSync(temp, path);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}
