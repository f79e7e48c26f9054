/** `forklab explore` (../shared/spec/cli.md): the JSON contract, the text report, exit statuses. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { main } from '../../src-main/cli/main.ts';

function sink(): { stream: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = sink();
  const err = sink();
  const code = await main(args, out.stream, err.stream);
  return { code, out: out.text(), err: err.text() };
}

const dir = mkdtempSync(join(tmpdir(), 'forklab-explore-'));
const race = join(dir, 'race.c');
writeFileSync(race, `#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>
int main(void) { if (fork() == 0) { printf("child\\n"); return 0; } printf("parent\\n"); wait(NULL); return 0; }
`);
const broken = join(dir, 'broken.c');
writeFileSync(broken, 'int main(void) { return x; }\n');

describe('forklab explore', () => {
  it('prints the JSON object of the spec, each schedule replaying its output', async () => {
    const r = await cli(['explore', race, '--json']);
    expect(r.code).toBe(0);
    const view = JSON.parse(r.out);
    expect(Object.keys(view).sort()).toEqual(['complete', 'outputs', 'schedulesExplored', 'statesExplored']);
    expect(view.complete).toBe(true);
    expect(view.outputs.map((o: { stdout: string }) => o.stdout).sort()).toEqual(['child\nparent\n', 'parent\nchild\n']);
    for (const o of view.outputs) {
      expect(o.exit).toEqual({ code: 0, signal: null });
      const replay = await cli(['run', race, '--schedule', o.schedule]);
      expect(replay.out).toBe(o.stdout);
    }
  });

  it('says in text which outputs exist and that the search was complete', async () => {
    const r = await cli(['explore', race]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('parent\nchild\n');
    expect(r.out).toContain('child\nparent\n');
    expect(r.out).toContain('--schedule "');
    expect(r.out).toContain('the search was complete');
  });

  it('prints a replay command with the options the program was explored with', async () => {
    const r = await cli(['explore', race, '--stdout', 'pipe', '--', 'one arg']);
    const replays = [...r.out.matchAll(/^--- output \d+ of \d+ \(exit 0\); replay: forklab run (.*)$/gm)].map((m) => m[1]);
    // on a pipe the parent's line waits in its buffer until it exits, after the child's
    expect(replays).toHaveLength(1);
    const texts = r.out.split(/^--- .*$/m).slice(1, 2).map((t) => t.replace(/^\n/, ''));
    expect(texts).toEqual(['child\nparent\n']);
    for (const [i, command] of replays.entries()) {
      expect(command).toMatch(/ --stdout pipe --schedule "[\d: ]+" -- 'one arg'$/);
      // the words as a shell splits them: plain, "double" or 'single' quoted
      const words = [...command.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
      expect((await cli(['run', ...words])).out).toBe(texts[i]);
    }
  });

  it('says when the budget cut the search off', async () => {
    const r = await cli(['explore', race, '--max-runs', '1', '--json']);
    expect(r.code).toBe(0);
    const view = JSON.parse(r.out);
    expect(view.complete).toBe(false);
    expect(view.outputs).toHaveLength(1);
    const text = await cli(['explore', race, '--max-runs', '1']);
    expect(text.out).toContain('cut off');
  });

  it('prints the process graph in DOT and in JSON', async () => {
    const dot = await cli(['explore', race, '--graph', 'dot']);
    expect(dot.code).toBe(0);
    expect(dot.out).toMatch(/^\/\/ the runs of outputs 1, 2\ndigraph "process graph 1" \{/);
    expect(dot.out).toContain('label="parent 3";');
    expect(dot.out).toContain('label="child 4";');
    expect(dot.out).toContain('[style=dashed, label="fork"]');
    expect(dot.out).toContain('[color=blue, label="wait"]');
    const json = JSON.parse((await cli(['explore', race, '--graph', 'json'])).out);
    expect(json.graphs).toHaveLength(1);
    for (const o of json.outputs) {
      expect(o.graph).toBe(0);
      expect(o.order.map((id: string) => json.graphs[0].vertices.find((v: { id: string }) => v.id === id).text).join('')).toBe(o.stdout);
    }
    expect((await cli(['explore', race, '--graph', 'svg'])).code).toBe(2);
  });

  it('says why an output is possible or not (--why)', async () => {
    const no = await cli(['explore', race, '--why', 'child\\n']);
    expect(no.out).toContain('--- impossible: no schedule prints it\n    Every run prints "parent" once; your output does not have it.\n');
    const yes = await cli(['explore', race, '--why', 'child\\nparent\\n']);
    expect(yes.out).toMatch(/--- possible: a schedule prints it \(replay: --schedule "[\d: ]+"\)\n {4}child 4 runs before parent 3 prints "parent"\n$/);
  });

  it('exits 1 with gcc-style diagnostics when the program does not compile, 2 on bad usage', async () => {
    const r = await cli(['explore', broken]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/broken\.c:1:\d+: error/);
    expect((await cli(['explore'])).code).toBe(2);
    expect((await cli(['explore', race, '--max-runs', 'zero'])).code).toBe(2);
  });
});
