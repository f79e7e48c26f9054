/**
 * Hostile hand-in zips in a class folder (issue 15, attacked again once `forklab grade` read the
 * app's hand-ins): a bomb, two entries with one name, a path out of the zip, a zip inside a zip,
 * a manifest naming `__proto__`, a hand-in whose file was changed after it was made. Each is
 * skipped with its reason (nothing inflated past its limit, nothing written outside), and the
 * honest hand-in beside them is graded.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildHandIn, sha256 } from '../../src-main/checker/handin.ts';
import { findSubmissions } from '../../src-main/cli/submissions.ts';
import { loadPack } from '../../src-main/packs/load.ts';
import { SOLUTION, tinyPack } from '../packs/tiny-pack.ts';
import { elapsed } from './bounds.ts';

const pack = loadPack(tinyPack()).pack!;
const text = (s: string): Uint8Array => new TextEncoder().encode(s);

/** A sound hand-in of `student` (hello-fork.c holding `source`), as the app makes it. */
const handIn = (student: string, source = SOLUTION): Promise<Uint8Array> =>
  buildHandIn({ student, pack: { id: pack.id, uuid: pack.uuid, version: pack.version }, createdAt: new Date('2026-01-05T10:00:00Z'), exercises: [{ id: 'hello-fork', text: source, answer: false }] });

/** The central directory entries' offsets of a zip, to forge them. */
function centralEntries(zip: Uint8Array): { view: DataView; central: number[]; local: number[] } {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = zip.length - 22;
  while (view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  const central: number[] = [];
  let at = view.getUint32(eocd + 16, true);
  for (let i = 0; i < view.getUint16(eocd + 10, true); i++) {
    central.push(at);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return { view, central, local: central.map((c) => view.getUint32(c + 42, true)) };
}

/** Renames the zip entry whose name is `from` to `to` (same length), in its directory and local header. */
function rename(zip: Uint8Array, from: string, to: string): Uint8Array {
  const { view, central, local } = centralEntries(zip);
  central.forEach((c, i) => {
    const name = new TextDecoder().decode(zip.subarray(c + 46, c + 46 + view.getUint16(c + 28, true)));
    if (name !== from) return;
    zip.set(text(to), c + 46);
    zip.set(text(to), local[i] + 30);
  });
  return zip;
}

describe('a class folder of hostile hand-ins', () => {
  it('skips each with its reason and grades the honest one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'forklab-hostile-handins-'));
    mkdirSync(join(dir, 'class'));
    const put = (name: string, bytes: Uint8Array): void => writeFileSync(join(dir, 'class', name), bytes);
    put('ann.zip', await handIn('Ann'));
    // a bomb: 8 MiB of zeros whose directory says 100 bytes
    const bomb = zipSync({ 'forklab-handin.json': text('{}'), 'hello-fork.c': [new Uint8Array(8 << 20), { level: 9 }] });
    const b = centralEntries(bomb);
    b.view.setUint32(b.central[1] + 24, 100, true);
    put('bomb.zip', bomb);
    // a second hello-fork.c after the one the manifest's hash is of
    put('dup.zip', rename(zipSync({ 'hello-fork.c': text('one'), 'hello-fork.X': text('two'), 'forklab-handin.json': text('{}') }), 'hello-fork.X', 'hello-fork.c'));
    // a path out of the zip
    put('escape.zip', rename(zipSync({ 'forklab-handin.json': text('{}'), 'xx/hello-fork.c': text(SOLUTION) }), 'xx/hello-fork.c', '../hello-fork.c'));
    // a zip inside a zip (a folder of hand-ins zipped again)
    put('nested.zip', zipSync({ 'ann.zip': await handIn('Nested') }));
    // a manifest that names __proto__
    const proto = JSON.stringify({ kind: 'forklab-handin', version: 1, student: 'Proto', packId: pack.id, packUuid: pack.uuid, packVersion: pack.version, createdAt: 'x', files: [{ path: '__proto__.c', exercise: '__proto__', sha256: await sha256(text('x')) }] });
    put('proto.zip', zipSync({ 'forklab-handin.json': text(proto), '__proto__.c': text('x') }));
    // a file changed after the hand-in was made
    const changed = zipSync({ ...unzipSync(await handIn('Changed')), 'hello-fork.c': text('int main(void) { return 0; }\n') });
    put('changed.zip', changed);

    const t = elapsed();
    const { submissions, skipped } = await findSubmissions([join(dir, 'class')], pack, null);
    expect(t()).toBeLessThan(5000);
    expect(submissions.map((s) => s.student)).toEqual(['Ann']);
    const reasons = Object.fromEntries(skipped.map((s) => [s.path.slice(join(dir, 'class').length + 1), s.reason]));
    expect(reasons['bomb.zip']).toBe('not graded: not a readable zip file (refused: it inflates to more than the 100 bytes its directory declares)');
    expect(reasons['dup.zip']).toBe('not graded: not a readable zip file (refused: the zip holds two entries with this name)');
    expect(reasons['escape.zip']).toBe('not graded: not a readable zip file (refused: path leaves the pack folder (..))');
    expect(reasons['nested.zip']).toBe('not graded: not a ForkLab hand-in: it has no forklab-handin.json');
    expect(reasons['proto.zip:__proto__.c']).toBe('not named after an exercise of the pack (hello-fork)');
    expect(reasons['changed.zip']).toBe('not graded: hello-fork.c was changed after it was handed in (its SHA-256 is not the one recorded)');
  });
});
