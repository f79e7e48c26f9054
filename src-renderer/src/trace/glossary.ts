/**
 * Short explanations of the words the viewer uses, for tooltips and side notes, in a beginner's
 * words and drawn from the lab's source texts (the seeds: Love's "Linux Kernel Development" on
 * fork, COW and vfork; "How Linux actually handles fork and exec" on zombies and reaping; Bovet &
 * Cesati and Mauerer on clone and page tables; Beck's notes on vfork's dangers).
 */
export type Term = 'zombie' | 'orphan' | 'reaping' | 'cow' | 'page-table' | 'frame' | 'vfork' | 'clone' | 'thread';

export const GLOSSARY: Record<Term, { word: string; text: string }> = {
  zombie: {
    word: 'zombie',
    text:
      'A zombie has exited but is still in the process table: it keeps its exit status until its parent collects it with wait(). ' +
      'ps shows it as Z <defunct>.',
  },
  orphan: {
    word: 'orphan',
    text:
      'An orphan is a process whose parent exited first. The kernel gives it a new parent, init (or a subreaper), ' +
      'which will wait() for it so it does not stay a zombie.',
  },
  reaping: {
    word: 'reaping',
    text: 'Reaping is collecting a finished child\'s exit status with wait() or waitpid(): only then does the zombie leave the process table.',
  },
  cow: {
    word: 'copy-on-write (COW)',
    text:
      'After fork, parent and child share their pages read-only instead of copying them. ' +
      'The first write to a shared page makes the kernel copy that one page for the writer: a COW fault.',
  },
  'page-table': {
    word: 'page table',
    text:
      'A page table maps each page of a process\'s virtual addresses to a physical frame. fork copies the page table, not the memory: ' +
      'both tables point to the same frames.',
  },
  frame: {
    word: 'frame',
    text: 'A physical frame is one page of real memory. ×n is how many page tables map it: more than one means it is shared.',
  },
  vfork: {
    word: 'vfork',
    text:
      'vfork makes a child that runs in its parent\'s memory (no page table is copied) while the parent waits until the child calls exec or _exit. ' +
      'Anything else the child changes, the parent sees.',
  },
  clone: {
    word: 'clone',
    text:
      'clone is the system call behind fork, vfork and threads: its flags choose what the child shares with its parent ' +
      '(memory with CLONE_VM, open files, signal handlers…) and what it gets a copy of.',
  },
  thread: {
    word: 'thread',
    text: 'A thread is a task made by clone that shares its parent\'s memory: both see every write at once.',
  },
};

/** The explanation of a term (one or two sentences). */
export function explain(term: Term): string {
  return GLOSSARY[term].text;
}

/** The term a task's origin ("made by …") is explained by, if any. */
export function originTerm(origin: string): Term | null {
  if (origin === 'vfork') return 'vfork';
  if (origin === 'thread') return 'thread';
  if (origin === 'clone' || origin === 'clone-vm') return 'clone';
  return null;
}
