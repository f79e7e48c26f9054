/**
 * Records how Linux runs corpus programs: compile with the machine's gcc, run on a fresh
 * pseudo-terminal (pty-run.py), and report the terminal text and the program's own exit.
 * Tests and tools only (uses node:child_process).
 */
import { execFile, spawn } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { CorpusSource, ExpectedFile, Outcome } from './corpus.ts';

const run = promisify(execFile);
const PTY_RUNNER = join(dirname(fileURLToPath(import.meta.url)), 'pty-run.py');

/** The environment every recorded program starts with (kept small and fixed). */
export const PROGRAM_ENV: Record<string, string> = { PATH: '/usr/bin:/bin' };

export interface RecordOptions {
  /** seconds a run may take before it is killed and the recording fails (default 10) */
  timeoutSeconds?: number;
  /** runs of a program marked `// outputs: any` (default: its `// runs:`, else 20) */
  runsForAny?: number;
  /** at most this many runs per `outputs: any` program (a quick containment check) */
  maxRunsForAny?: number;
  /** programs compiled and run at once (default: the number of CPUs) */
  jobs?: number;
}

interface PtyReply {
  output: string;
  status: number | null;
  signal: string | null;
  timedOut: boolean;
}

const SIGNAL_NUMBERS: Record<string, number> = {
  SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6, SIGBUS: 7, SIGFPE: 8,
  SIGKILL: 9, SIGUSR1: 10, SIGSEGV: 11, SIGUSR2: 12, SIGPIPE: 13, SIGALRM: 14, SIGTERM: 15,
  SIGCHLD: 17, SIGXCPU: 24, SIGXFSZ: 25,
};

/**
 * Compiles `gcc -std=gnu11 -O0 -w` in the program's folder (so __FILE__ is "NNN_topic.c", as in
 * the lab) into workDir, linked with libm (-lm) for <math.h>. Throws with gcc's message on a
 * compile error. Returns the executable.
 */
export async function compileProgram(program: CorpusSource, workDir: string): Promise<string> {
  const exe = join(workDir, program.name);
  try {
    await run('gcc', ['-std=gnu11', '-O0', '-w', '-o', exe, basename(program.path), '-lm'], {
      cwd: dirname(program.path),
    });
  } catch (err) {
    throw new Error(`${program.name}: gcc failed:\n${(err as { stderr?: string }).stderr ?? err}`);
  }
  return exe;
}

/**
 * Runs a compiled program once on a pty with argv[0] = its name, its args and its stdin.
 * Throws when the run times out. The code is the exit status, or 128 + signo for a signal.
 */
export async function runOnTerminal(program: CorpusSource, exe: string, timeoutSeconds = 10): Promise<Outcome> {
  const dir = workingDirectory(program, exe);
  try {
    const request = {
      exe: join(dir, program.name),
      // argv[0] as a shell gives it for `./NAME`, which is how the lab starts a program
      argv: [`./${program.name}`, ...program.args],
      stdin: program.stdin,
      timeout: timeoutSeconds,
      env: PROGRAM_ENV,
      cwd: dir,
      // `./prog | cat`: stdout the write end of a pipe that the machine's cat copies to the terminal
      stdoutPipe: program.stdoutPipe,
    };
    const python = await pythonInterpreter();
    const reply = JSON.parse(await pipeThrough(python, ['-I', '-S', PTY_RUNNER], JSON.stringify(request))) as PtyReply;
    if (reply.timedOut) throw new Error(`${program.name}: still running after ${timeoutSeconds} s`);
    return { stdout: Buffer.from(reply.output, 'base64').toString('utf8'), exit: exitOf(reply) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A fresh working directory for one run, as the lab gives a program: the program itself (so
 * that `./NAME` execs it and `ls` lists it) and the files its `// file:` lines seed, nothing else.
 */
function workingDirectory(program: CorpusSource, exe: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'forklab-run-'));
  copyFileSync(exe, join(dir, program.name));
  chmodSync(join(dir, program.name), 0o755);
  for (const file of program.files) writeFileSync(join(dir, file.name), file.content);
  return dir;
}

let interpreter: Promise<string> | undefined;

/**
 * The real python3 executable, looked up once: a version manager's `python3` shim can take
 * 100 ms per start, which would dominate the recording of a hundred short programs.
 */
function pythonInterpreter(): Promise<string> {
  interpreter ??= run('python3', ['-c', 'import sys; print(sys.executable)']).then(
    ({ stdout }) => stdout.trim() || 'python3',
    () => {
      throw new Error('python3 is needed to run programs on a pseudo-terminal (tests/differential/pty-run.py)');
    },
  );
  return interpreter;
}

function exitOf(reply: PtyReply): Outcome['exit'] {
  if (reply.signal === null) return { code: reply.status ?? -1, signal: null };
  const signo = SIGNAL_NUMBERS[reply.signal];
  if (signo === undefined) throw new Error(`unexpected signal ${reply.signal}`);
  return { code: 128 + signo, signal: reply.signal };
}

/** Runs command with input on its stdin; resolves with its stdout, rejects on a non-zero exit. */
function pipeThrough(command: string, args: string[], input: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${command} failed (${code}): ${err}`))));
    child.stdin.end(input);
  });
}

/** How many times an `outputs: any` program is run under these options. */
export function runsFor(program: CorpusSource, options: RecordOptions = {}): number {
  const wanted = options.runsForAny ?? program.runs ?? 20;
  return Math.min(wanted, options.maxRunsForAny ?? wanted);
}

/**
 * The recording of one program: compile, run once (or `runsFor` times for `outputs: any`,
 * keeping each distinct outcome, sorted), in workDir.
 */
export async function recordProgram(program: CorpusSource, workDir: string, options: RecordOptions = {}): Promise<ExpectedFile> {
  const exe = await compileProgram(program, workDir);
  if (program.outputs === 'one') return runOnTerminal(program, exe, options.timeoutSeconds);
  const seen = new Map<string, Outcome>();
  for (let i = 0, runs = runsFor(program, options); i < runs; i++) {
    const outcome = await runOnTerminal(program, exe, options.timeoutSeconds);
    seen.set(JSON.stringify(outcome), outcome);
  }
  return { outputs: [...seen.keys()].sort().map((key) => seen.get(key)!) };
}

/**
 * Records every program, `jobs` at a time, in a temporary folder removed afterwards. Returns
 * the recordings by program name; rejects with the first failure.
 */
export async function recordAll(programs: CorpusSource[], options: RecordOptions = {}): Promise<Map<string, ExpectedFile>> {
  const workDir = mkdtempSync(join(tmpdir(), 'forklab-record-'));
  const results = new Map<string, ExpectedFile>();
  try {
    await forEachLimited(programs, options.jobs ?? cpus().length, async (program) => {
      results.set(program.name, await recordProgram(program, workDir, options));
    });
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  return results;
}

async function forEachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

/** The text written to an .expected.json file (stable, diff-friendly). */
export function formatRecording(recording: ExpectedFile): string {
  return JSON.stringify(recording, null, 2) + '\n';
}
