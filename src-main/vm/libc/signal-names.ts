/**
 * glibc's descriptions of the signals (its sigdescr table, 2.36), as strsignal and psignal print
 * them: "Segmentation fault", "Real-time signal 3", "Unknown signal 99".
 */
import { NSIG } from '../../kernel/uapi.ts';

const DESCRIPTIONS = [
  '', 'Hangup', 'Interrupt', 'Quit', 'Illegal instruction', 'Trace/breakpoint trap', 'Aborted', 'Bus error',
  'Floating point exception', 'Killed', 'User defined signal 1', 'Segmentation fault', 'User defined signal 2',
  'Broken pipe', 'Alarm clock', 'Terminated', 'Stack fault', 'Child exited', 'Continued', 'Stopped (signal)', 'Stopped',
  'Stopped (tty input)', 'Stopped (tty output)', 'Urgent I/O condition', 'CPU time limit exceeded',
  'File size limit exceeded', 'Virtual timer expired', 'Profiling timer expired', 'Window changed', 'I/O possible',
  'Power failure', 'Bad system call',
];

/** glibc's SIGRTMIN (32 and 33 are its threads' own). */
const SIGRTMIN = 34;

/** The description of a standard signal (1..31), or null (glibc's __sigdescr_np). */
export function signalDescription(sig: number): string | null {
  return sig >= 1 && sig < DESCRIPTIONS.length ? DESCRIPTIONS[sig] : null;
}

/** strsignal's text: the description, "Real-time signal N" (N from SIGRTMIN), or "Unknown signal N". */
export function strsignalText(sig: number): string {
  const known = signalDescription(sig);
  if (known !== null) return known;
  if (sig >= SIGRTMIN && sig < NSIG) return `Real-time signal ${sig - SIGRTMIN}`;
  return `Unknown signal ${sig}`;
}
