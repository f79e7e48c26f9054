/**
 * Colours: one per task (Okabe–Ito, by pid) and one per state letter. CSS variables in style.css
 * carry the values, so light and dark themes both work.
 */
import type { StateLetter } from './trace/state.ts';

const TASK_COLOURS = 7;

/** The CSS class that sets --task to this pid's colour. */
export function taskClass(pid: number): string {
  return `task-c${pid % TASK_COLOURS}`;
}

/** The CSS colour of a state letter. */
export function stateColour(letter: StateLetter): string {
  return `var(--state-${letter})`;
}

/** The colour of text drawn on a state's colour (white on the dark blue of D, black on the others: 4.5:1 at least). */
export function stateInk(letter: StateLetter): string {
  return letter === 'D' ? '#fff' : '#000';
}

/** What a state letter means, for titles and the legend. */
export const STATE_NAMES: Record<StateLetter, string> = {
  R: 'running or ready',
  S: 'sleeping',
  D: 'waiting for its vfork child (uninterruptible)',
  T: 'stopped',
  Z: 'zombie: exited, not yet reaped',
  X: 'reaped (gone)',
};
