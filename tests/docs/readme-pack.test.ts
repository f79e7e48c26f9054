/**
 * The README's "How to write a pack" and "How to grade" hold true: the files it shows are
 * written to a folder as it names them, and each command it shows after `$` is run with the
 * built `forklab` and prints what the README says it prints. A new instructor follows these
 * steps from the repository alone.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildHandIn } from '../../src-main/checker/handin.ts';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/forklab.mjs');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** A fenced block's text without the indentation of its fence. */
function unindent(fence: string, body: string): string {
  return body
    .split('\n')
    .map((line) => line.slice(Math.min(fence.length, line.length - line.trimStart().length)))
    .join('\n');
}

/** The files the README shows: "`my-course/…`:" then a fenced block. */
function readmeFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const m of README.matchAll(/`(my-course\/[^`]+)`:\n( *)```\w*\n([\s\S]*?)\n *```/g)) files[m[1]] = `${unindent(m[2], m[3])}\n`;
  return files;
}

/** The commands the README shows with their output: a block whose first line starts with "$ npx forklab". */
function readmeTranscripts(): { args: string[]; output: string }[] {
  const out: { args: string[]; output: string }[] = [];
  for (const m of README.matchAll(/\n( *)```\n *\$ npx forklab ([^\n]*)\n([\s\S]*?)\n *```/g)) {
    out.push({ args: m[2].split(' '), output: `${unindent(m[1], m[3])}\n` });
  }
  return out;
}

function forklab(cwd: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("the README's pack", () => {
  it('its files, its commands and what they print', { timeout: 300_000 }, async () => {
    const files = readmeFiles();
    expect(Object.keys(files).sort()).toEqual([
      'my-course/hello-fork/exercise.yaml',
      'my-course/hello-fork/prompt.md',
      'my-course/hello-fork/solution.c',
      'my-course/hello-fork/starter.c',
      'my-course/hello-fork/wrong/no-wait.c',
      'my-course/pack.yaml',
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'forklab-readme-'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    // the class folder the README shows: two students' folders and a hand-in zip
    const solution = files['my-course/hello-fork/solution.c'];
    const noWait = files['my-course/hello-fork/wrong/no-wait.c'];
    mkdirSync(join(dir, 'class/alice'), { recursive: true });
    mkdirSync(join(dir, 'class/bob'), { recursive: true });
    writeFileSync(join(dir, 'class/alice/hello-fork.c'), solution);
    writeFileSync(join(dir, 'class/bob/hello-fork.c'), noWait);
    const pack = { id: 'my-course', uuid: 'd587a925-f018-4634-b4bd-182397249939', version: '1.0.0' };
    const zip = await buildHandIn({ student: 'Zoë Lee', pack, createdAt: new Date(), exercises: [{ id: 'hello-fork', text: files['my-course/hello-fork/starter.c'], answer: false }] });
    writeFileSync(join(dir, 'class/forklab-handin-my-course-Zoë Lee.zip'), zip);
    expect(README).toContain('forklab-handin-my-course-Zoë Lee.zip');

    const transcripts = readmeTranscripts();
    expect(transcripts.map((t) => t.args.slice(0, 2).join(' '))).toEqual(['pack validate', 'grade --pack']);
    for (const { args, output } of transcripts) {
      const r = forklab(dir, args);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout, args.join(' ')).toBe(output);
    }

    // step 6: what `forklab check` prints for the wrong submission, as the README quotes it
    writeFileSync(join(dir, 'hello-fork.c'), noWait);
    const check = forklab(dir, ['check', '--pack', 'my-course', 'hello-fork.c']);
    expect(check.status).toBe(1);
    const quoted = /hello-fork\.c` prints what the app's Check shows[\s\S]*?```\n([\s\S]*?)\n *```/.exec(README)![1];
    for (const line of quoted.split('\n')) expect(check.stdout).toContain(line.trim());

    // the error the README gives as an example
    writeFileSync(join(dir, 'my-course/hello-fork/exercise.yaml'), files['my-course/hello-fork/exercise.yaml'].replace('points: 4', 'points: four'));
    const broken = forklab(dir, ['pack', 'validate', 'my-course']);
    expect(broken.status).toBe(1);
    expect(README.replace(/\n\s+/g, ' ')).toContain(`gives \`${broken.stderr.trim()}\``);
  });
});
