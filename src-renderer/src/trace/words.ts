/**
 * Words the viewer shows a beginner: counts with their plural right ("1 fork", "2 forks"), what a
 * sleeping task waits for, the run's statistics and the warnings' titles in plain English instead
 * of the trace's identifiers. Pure TypeScript.
 */

/** one formatter for every count (making one per call costs a millisecond each) */
const NUMBER = new Intl.NumberFormat('en');

/** A number with thousands separators ("12,345"). */
export function formatNumber(n: number): string {
  return NUMBER.format(n);
}

/** "1 fork", "2 forks", "0 pages copied" (`many` for irregular plurals). */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${NUMBER.format(n)} ${n === 1 ? one : many}`;
}

/** What a task blocked `on` (the trace's `block` reason) is doing, in words. */
export function waitingFor(on: string | null): string {
  switch (on) {
    case 'wait':
      return 'waits for a child (wait)';
    case 'vfork':
      return 'waits for its vfork child';
    case 'sleep':
      return 'sleeps (sleep)';
    case 'pause':
      return 'waits for a signal (pause)';
    case 'pipe-read':
      return 'waits to read a pipe';
    case 'pipe-write':
      return 'waits to write a pipe';
    case 'futex':
      return 'waits for another thread';
    case 'terminal-read':
      return 'waits for input';
    case 'stopped':
      return 'stopped';
    case null:
      return 'waits';
    default:
      return `waits (${on})`;
  }
}

/** The run statistics the eager-fork comparison shows, with their labels. */
export const COST_LABELS = {
  pagesCopied: { label: 'pages copied', help: 'pages the kernel had to copy (at fork for eager fork, at the first write for copy-on-write)' },
  cowFaults: { label: 'copy-on-write faults', help: 'writes to a shared page that made the kernel copy it or make it writable' },
  framesPeak: { label: 'most frames in use', help: 'the most physical frames in use at one time' },
} as const;

/** Titles of the teaching warnings (by the trace's warningKind). */
const WARNING_TITLES: Record<string, string> = {
  'vfork-child-wrote-memory': "a vfork child wrote its parent's memory",
  'vfork-child-called-function': 'a vfork child called a function',
  'vfork-child-returned': 'a vfork child returned from main',
  'exec-failed-fell-through': 'exec failed and the code after it ran',
  'fork-with-unflushed-stdout': 'fork copied output not yet printed',
  'zombie-not-reaped': 'a zombie nobody reaped',
  'orphan-reparented': 'an orphan was adopted',
  'fork-failed-rlimit': 'fork failed: too many processes',
  'use-after-free': 'memory used after free()',
  'uninitialised-value': 'a value used before it was set',
  'missing-return': 'a function ended without return',
};

/** A warning's title in words (an unknown kind reads with spaces for its dashes). */
export function warningTitle(kind: string): string {
  return WARNING_TITLES[kind] ?? kind.replace(/-/g, ' ');
}
