/**
 * Signal names, default actions and wait status words, as on Linux x86-64 (signal(7)). The
 * numbers themselves are in uapi.ts.
 */
import {
  SIGABRT, SIGBUS, SIGCHLD, SIGCONT, SIGFPE, SIGILL, SIGQUIT, SIGSEGV, SIGSTOP, SIGSYS, SIGTRAP,
  SIGTSTP, SIGTTIN, SIGTTOU, SIGURG, SIGWINCH, SIGXCPU, SIGXFSZ,
} from './uapi.ts';

export const SIGNAL_NAMES: Record<number, string> = {
  1: 'SIGHUP', 2: 'SIGINT', 3: 'SIGQUIT', 4: 'SIGILL', 5: 'SIGTRAP', 6: 'SIGABRT', 7: 'SIGBUS',
  8: 'SIGFPE', 9: 'SIGKILL', 10: 'SIGUSR1', 11: 'SIGSEGV', 12: 'SIGUSR2', 13: 'SIGPIPE',
  14: 'SIGALRM', 15: 'SIGTERM', 16: 'SIGSTKFLT', 17: 'SIGCHLD', 18: 'SIGCONT', 19: 'SIGSTOP',
  20: 'SIGTSTP', 21: 'SIGTTIN', 22: 'SIGTTOU', 23: 'SIGURG', 24: 'SIGXCPU', 25: 'SIGXFSZ',
  26: 'SIGVTALRM', 27: 'SIGPROF', 28: 'SIGWINCH', 29: 'SIGIO', 30: 'SIGPWR', 31: 'SIGSYS',
};

/** The number of a signal name ('SIGSEGV' → 11). */
export function signalNumber(name: string): number {
  for (const [n, s] of Object.entries(SIGNAL_NAMES)) if (s === name) return Number(n);
  return 0;
}

export type DefaultAction = 'terminate' | 'core' | 'ignore' | 'stop' | 'continue';

/** What happens to a task that receives `sig` without a handler. */
export function defaultAction(sig: number): DefaultAction {
  switch (sig) {
    case SIGQUIT:
    case SIGILL:
    case SIGTRAP:
    case SIGABRT:
    case SIGBUS:
    case SIGFPE:
    case SIGSEGV:
    case SIGXCPU:
    case SIGXFSZ:
    case SIGSYS:
      return 'core';
    case SIGCHLD:
    case SIGURG:
    case SIGWINCH:
      return 'ignore';
    case SIGSTOP:
    case SIGTSTP:
    case SIGTTIN:
    case SIGTTOU:
      return 'stop';
    case SIGCONT:
      return 'continue';
    default:
      return 'terminate';
  }
}

/** The wait status of a task that exited with `code` (WIFEXITED). */
export function exitedStatus(code: number): number {
  return (code & 0xff) << 8;
}

/** The wait status of a task killed by `sig` (WIFSIGNALED), with the core-dump flag. */
export function signaledStatus(sig: number, core: boolean): number {
  return (sig & 0x7f) | (core ? 0x80 : 0);
}

/** Linux's strsignal text, as a shell prints it for a killed job. */
export const SIGNAL_DESCRIPTIONS: Record<number, string> = {
  1: 'Hangup', 2: 'Interrupt', 3: 'Quit', 4: 'Illegal instruction', 5: 'Trace/breakpoint trap',
  6: 'Aborted', 7: 'Bus error', 8: 'Floating point exception', 9: 'Killed',
  10: 'User defined signal 1', 11: 'Segmentation fault', 12: 'User defined signal 2',
  13: 'Broken pipe', 14: 'Alarm clock', 15: 'Terminated', 17: 'Child exited', 19: 'Stopped (signal)',
};
