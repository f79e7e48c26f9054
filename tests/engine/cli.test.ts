/**
 * The `forklab run` command line as other tools see it (../shared/spec/cli.md): the terminal
 * text byte for byte, the exit status, and the --json fields.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = join(import.meta.dirname, '../../bin/forklab.mjs');
const dir = mkdtempSync(join(tmpdir(), 'forklab-cli-'));

function forklab(args: string[], source?: string): { status: number | null; stdout: string; stderr: string } {
  if (source !== undefined) writeFileSync(join(dir, 'prog.c'), source);
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('forklab run', () => {
  it('prints the terminal text and exits with the program status; argv and stdin reach the program', () => {
    const r = forklab(['run', 'prog.c', '--stdin', 'hello\n', '--', 'one', 'two'], String.raw`#include <stdio.h>
int main(int argc, char *argv[]) {
    char line[32];
    fgets(line, sizeof line, stdin);
    printf("%s %d %s %s", argv[0], argc, argv[2], line);
    return 7;
}
`);
    expect(r.stdout).toBe('./prog 3 two hello\n');
    expect(r.status).toBe(7);
  });

  it('exits 1 with gcc-style diagnostics on standard error for a compile error', () => {
    const r = forklab(['run', 'prog.c'], 'int main(void) {\n  int x = 1\n  return x;\n}\n');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/prog\.c:2:\d+: error: expected ';'/);
    expect(r.stdout).toBe('');
  });

  it('gives each diagnostic its notes in the JSON object', () => {
    const r = forklab(['run', 'prog.c', '--json'], 'int main(void) {\n  fork();\n  return 0;\n}\n');
    expect(r.status).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.diagnostics).toEqual([
      { severity: 'error', line: 2, column: 3, message: "implicit declaration of function 'fork'", notes: ["'fork' is declared in <unistd.h>; add '#include <unistd.h>'"] },
    ]);
  });

  it('gives the program the files --file names, and reports the files the run left in --json', () => {
    writeFileSync(join(dir, 'input.txt'), 'alpha\nbeta\n');
    const r = forklab(['run', 'prog.c', '--json', '--file', 'data.txt=input.txt', '--file', '/tmp/x=input.txt'], String.raw`#include <stdio.h>
int main(void) {
    FILE *in = fopen("data.txt", "r"), *out = fopen("out.txt", "w");
    char line[32];
    while (fgets(line, sizeof line, in)) fprintf(out, "> %s", line);
    fclose(out);
    printf("%s\n", fopen("/tmp/x", "r") ? "tmp too" : "no tmp");
    return 0;
}
`);
    expect(r.status, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.stdout).toBe('tmp too\n');
    expect(json.files).toEqual([
      { path: '/home/student/data.txt', size: 11, text: 'alpha\nbeta\n', truncated: false },
      { path: '/home/student/out.txt', size: 15, text: '> alpha\n> beta\n', truncated: false },
      { path: '/tmp/x', size: 11, text: 'alpha\nbeta\n', truncated: false },
    ]);
  });

  it('refuses a --file it cannot give, and --max-procs sets RLIMIT_NPROC', () => {
    const missing = forklab(['run', 'prog.c', '--file', 'a.txt=no-such-file'], 'int main(void) { return 0; }\n');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/--file a\.txt=no-such-file: cannot read no-such-file/);
    const bad = forklab(['run', 'prog.c', '--file', '../up=prog.c'], 'int main(void) { return 0; }\n');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/not a plain file name/);
    const r = forklab(['run', 'prog.c', '--max-procs', '3'], String.raw`#include <stdio.h>
#include <signal.h>
#include <unistd.h>
int main(void) {
    int made = 0;
    pid_t pid;
    while ((pid = fork()) > 0) made++;
    if (pid == 0) { pause(); return 0; }
    printf("%d\n", made);
    kill(0, SIGKILL);
    return 0;
}
`);
    expect(r.stdout, r.stderr).toBe('2\n');
  });

  it('exits 128 + N when signal N killed the program', () => {
    const r = forklab(['run', 'prog.c'], 'int main(void) { int *p = 0; return *p; }\n');
    expect(r.status).toBe(139);
    expect(r.stderr).toMatch(/SIGSEGV/);
  });

  it('gives the documented JSON object', () => {
    const r = forklab(['run', 'prog.c', '--json'], String.raw`#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>
int main(void) {
    pid_t p = fork();
    if (p == 0) { printf("child\n"); return 3; }
    int status;
    waitpid(p, &status, 0);
    printf("parent saw %d\n", WEXITSTATUS(status));
    return 0;
}
`);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    for (const key of ['ok', 'diagnostics', 'stdout', 'exit', 'stopReason', 'processes', 'stats', 'warnings']) expect(json).toHaveProperty(key);
    expect(json.stdout).toBe('child\nparent saw 3\n');
    expect(json.exit).toEqual({ code: 0, signal: null });
    expect(json.stopReason).toBe('exited');
    expect(json.processes).toHaveLength(2);
    const [parent, child] = json.processes;
    expect(child).toMatchObject({ ppid: parent.pid, state: 'exited', exitCode: 3, reapedBy: parent.pid });
    for (const key of ['steps', 'forks', 'cowFaults', 'pagesCopied', 'framesPeak', 'zombiesAtEnd', 'orphansReparented']) expect(json.stats).toHaveProperty(key);
  });

  it('stops at --max-steps with status 124 and keeps the output', () => {
    const r = forklab(['run', 'prog.c', '--max-steps', '10000'], '#include <stdio.h>\nint main(void) { puts("hi"); for (;;); }\n');
    expect(r.status).toBe(124);
    expect(r.stdout).toBe('hi\n');
    expect(r.stderr).toMatch(/step limit/);
  });

  it('exits 2 on a usage error', () => {
    expect(forklab(['run']).status).toBe(2);
    expect(forklab(['run', 'prog.c', '--bogus']).status).toBe(2);
    expect(forklab(['frobnicate']).status).toBe(2);
  });
});
