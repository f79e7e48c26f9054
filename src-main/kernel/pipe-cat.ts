/**
 * `prog | cat` for --stdout pipe: the shell gives the program the write end of a pipe as its
 * stdout and starts /bin/cat (the lab's, a real task the scheduler interleaves) with the read end
 * as its stdin and the terminal as its stdout; the program's stderr stays the terminal. So text
 * on stderr can reach the terminal before cat has passed on stdout text written earlier, as on
 * Linux.
 *
 * The cat is the shell's, not the student's: the run's report leaves it out (its process, its
 * steps, its exec, its frames), and it never counts as a zombie of the program.
 */
import type { Kernel } from './kernel.ts';
import type { Task } from './task.ts';
import { FdTable, newOpenFile, type OpenFile, type Pipe } from './files.ts';
import { execImage } from './exec.ts';
import { traceFdTable, traceFile } from './fs.ts';
import { wakeUp } from './sched-core.ts';
import { O_RDONLY, O_WRONLY } from './uapi.ts';
import type { MmEvent } from './mm/events.ts';

/** The cat of `prog | cat` and what it costs, kept apart from the program's costs. */
export interface PipeCat {
  task: Task;
  /** frames cat's memory holds now (its own pages, and its text in the image cache) */
  frames: Set<number>;
  /** the most frames in use at once, cat's left out */
  programFramesPeak: number;
}

/** The pipe of `prog | cat` and its two ends: `writeEnd` for the program's stdout, `catFiles` for cat. */
export function stdoutPipe(k: Kernel): { writeEnd: OpenFile; catFiles: FdTable } {
  const pipe: Pipe = { id: k.nextPipeId++, buffer: [], readers: 1, writers: 1 };
  const writeEnd = newOpenFile(k.nextFileId++, 'pipe-write', O_WRONLY, pipe);
  const catFiles = new FdTable();
  catFiles.install(0, newOpenFile(k.nextFileId++, 'pipe-read', O_RDONLY, pipe));
  catFiles.install(1, k.ttyFile);
  catFiles.install(2, k.ttyFile);
  return { writeEnd, catFiles };
}

/** Runs /bin/cat in `task` (made by boot with the descriptors of stdoutPipe) and makes it runnable. */
export function startPipeCat(k: Kernel, task: Task, envp: string[]): PipeCat {
  const inode = k.fs.resolve('/bin/cat', '/');
  const image = typeof inode === 'number' ? null : inode.program?.() ?? null;
  if (!image) throw new Error('cannot start /bin/cat for --stdout pipe');
  const cat: PipeCat = { task, frames: new Set(), programFramesPeak: k.memory.phys.framesPeak };
  // set before exec, so that the frames exec gives cat are counted as cat's
  k.pipeCat = cat;
  const error = execImage(k, task, image, ['cat'], envp);
  if (error) throw new Error(`cannot start /bin/cat for --stdout pipe: ${error}`);
  traceFile(k, task, task.files.fds[0]!.file);
  traceFdTable(k, task.files);
  wakeUp(k, task);
  return cat;
}

/**
 * Keeps count of the frames cat holds (`actor`: the task the memory event happened for) and of
 * the program's peak without them; `framesInUse` is the machine's count after the event.
 */
export function countCatFrames(cat: PipeCat, e: MmEvent, actor: Task | null, framesInUse: number): void {
  if (e.kind === 'frame-alloc') {
    if (actor === cat.task) cat.frames.add(e.frame);
    cat.programFramesPeak = Math.max(cat.programFramesPeak, framesInUse - cat.frames.size);
  } else if (e.kind === 'frame-free') {
    cat.frames.delete(e.frame);
  }
}
