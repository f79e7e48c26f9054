/**
 * The lab's file system of programs: what exec can run. Each is written in the lab's own C and
 * compiled on first use, so a student can read exactly what /bin/echo does. /usr/bin mirrors /bin
 * for PATH searches. Exercises can add their own programs (addProgram).
 */
import type { ProgramImage } from '../../lang/image.ts';
import { compile } from '../../lang/compile.ts';
import { CRT } from '../libc/crt.ts';
import { SH_SOURCE } from './sh.ts';
import {
  CAT_SOURCE, CP_SOURCE, ENV_SOURCE, GREP_SOURCE, HEAD_SOURCE, KILL_SOURCE, LS_SOURCE, PWD_SOURCE, RM_SOURCE, TOUCH_SOURCE, WC_SOURCE,
} from './coreutils.ts';
import { CUT_SOURCE, SORT_SOURCE, TAIL_SOURCE, TEE_SOURCE, TR_SOURCE, UNIQ_SOURCE } from './textutils.ts';
import { BASENAME_SOURCE, DIRNAME_SOURCE, EXPR_SOURCE, PRINTF_SOURCE, SEQ_SOURCE, YES_SOURCE } from './shellutils.ts';
import { MKDIR_SOURCE, MV_SOURCE } from './fileutils.ts';
import { ROOT, type RamFs } from '../../kernel/ramfs.ts';

const SOURCES: Record<string, string> = {
  echo: String.raw`
#include <stdio.h>
#include <string.h>

/* echo [-n] [ARG...]: writes the arguments separated by spaces, then a newline unless -n. */
int main(int argc, char *argv[]) {
    int newline = 1;
    int i = 1;
    if (i < argc && strcmp(argv[i], "-n") == 0) { newline = 0; i++; }
    for (int first = i; i < argc; i++) {
        if (i > first) putchar(' ');
        fputs(argv[i], stdout);
    }
    if (newline) putchar('\n');
    return 0;
}
`,
  true: 'int main(void) { return 0; }\n',
  false: 'int main(void) { return 1; }\n',
  sleep: String.raw`
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* sleep SECONDS: waits (on the lab's simulated clock). */
int main(int argc, char *argv[]) {
    if (argc < 2) { fprintf(stderr, "sleep: missing operand\n"); return 1; }
    sleep(atoi(argv[1]));
    return 0;
}
`,
  ps: String.raw`
#include <unistd.h>

/* ps [-e] [-p PID[,PID...]] [-o FIELD[=HEADER],...]: the process table, read from the kernel.
   Fields: pid, ppid, s (state letter), stat, comm, cmd. Without -o: PID TTY TIME CMD. */
int main(int argc, char *argv[]) {
    return __lab_ps(argc, argv);
}
`,
  cat: CAT_SOURCE,
  sh: SH_SOURCE,
  ls: LS_SOURCE,
  wc: WC_SOURCE,
  head: HEAD_SOURCE,
  grep: GREP_SOURCE,
  env: ENV_SOURCE,
  kill: KILL_SOURCE,
  pwd: PWD_SOURCE,
  rm: RM_SOURCE,
  touch: TOUCH_SOURCE,
  cp: CP_SOURCE,
  tr: TR_SOURCE,
  sort: SORT_SOURCE,
  uniq: UNIQ_SOURCE,
  tail: TAIL_SOURCE,
  seq: SEQ_SOURCE,
  mkdir: MKDIR_SOURCE,
  mv: MV_SOURCE,
  tee: TEE_SOURCE,
  cut: CUT_SOURCE,
  yes: YES_SOURCE,
  basename: BASENAME_SOURCE,
  dirname: DIRNAME_SOURCE,
  printf: PRINTF_SOURCE,
  expr: EXPR_SOURCE,
};

/** C source of each program the lab's file system holds, by absolute path. */
export function programSources(): Map<string, string> {
  const files = new Map<string, string>();
  for (const [name, source] of Object.entries(SOURCES)) {
    files.set(`/bin/${name}`, source);
    files.set(`/usr/bin/${name}`, source);
  }
  return files;
}

const compiled = new Map<string, ProgramImage>();

/** Compiles a program of the file system once; images are immutable, so runs share them. */
function imageOf(key: string, name: string, source: string): ProgramImage {
  let image = compiled.get(key);
  if (!image) {
    const result = compile({ files: [{ name: `${name}.c`, text: source }], runtime: [CRT], programName: name });
    if (!result.image) throw new Error(`internal error: the lab's program ${key} does not compile: ${result.diagnostics.map((d) => d.message).join('; ')}`);
    image = result.image;
    compiled.set(key, image);
  }
  return image;
}

/**
 * Puts the lab's programs (/bin and /usr/bin), plus `extra` ones (absolute path → C source) an
 * exercise adds, into a run's file system: executable files owned by root, each compiled the
 * first time a run execs it.
 */
export function installPrograms(fs: RamFs, extra: Map<string, string> = new Map()): void {
  const sources = programSources();
  for (const [path, source] of extra) sources.set(path, source);
  for (const [path, source] of sources) {
    const name = path.slice(path.lastIndexOf('/') + 1);
    // the lab's own programs are shared by path-independent name (/bin/echo is /usr/bin/echo)
    const key = extra.has(path) ? `${path}\u0000${source}` : name;
    fs.putFile(path, new Uint8Array(0), { uid: ROOT, mode: 0o755, program: () => imageOf(key, name, source) });
  }
}
