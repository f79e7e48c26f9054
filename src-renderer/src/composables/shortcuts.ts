/**
 * The keyboard shortcuts of every stepping action: one table, used both to handle keys and to
 * show them (the help overlay, and each button's title).
 */
import type { JumpKind } from '../trace/model.ts';
import type { StepUnit } from '../stores/viewer.ts';

export type Action =
  | { kind: 'step'; unit: StepUnit; dir: 1 | -1 }
  | { kind: 'jump'; to: JumpKind; dir: 1 | -1 }
  | { kind: 'start' }
  | { kind: 'end' }
  | { kind: 'play' }
  | { kind: 'help' };

export interface Shortcut {
  /** KeyboardEvent.key, with "Shift+" when Shift must be held */
  keys: string;
  /** how the key is shown */
  label: string;
  action: Action;
  description: string;
}

const jump = (to: JumpKind, key: string): Shortcut[] => [
  { keys: key, label: key, action: { kind: 'jump', to, dir: 1 }, description: `next ${to}` },
  { keys: `Shift+${key.toUpperCase()}`, label: `Shift+${key}`, action: { kind: 'jump', to, dir: -1 }, description: `previous ${to}` },
];

export const SHORTCUTS: Shortcut[] = [
  { keys: 'ArrowRight', label: '→', action: { kind: 'step', unit: 'step', dir: 1 }, description: 'forward one instruction step' },
  { keys: 'ArrowLeft', label: '←', action: { kind: 'step', unit: 'step', dir: -1 }, description: 'back one instruction step' },
  { keys: 'Shift+ArrowRight', label: 'Shift+→', action: { kind: 'step', unit: 'line', dir: 1 }, description: 'forward one source line' },
  { keys: 'Shift+ArrowLeft', label: 'Shift+←', action: { kind: 'step', unit: 'line', dir: -1 }, description: 'back one source line' },
  { keys: ']', label: ']', action: { kind: 'step', unit: 'event', dir: 1 }, description: 'forward one kernel event' },
  { keys: '[', label: '[', action: { kind: 'step', unit: 'event', dir: -1 }, description: 'back one kernel event' },
  ...jump('fork', 'f'),
  ...jump('exec', 'e'),
  ...jump('exit', 'x'),
  ...jump('fault', 'p'),
  ...jump('warning', 'w'),
  { keys: 'Home', label: 'Home', action: { kind: 'start' }, description: 'rewind to the start' },
  { keys: 'End', label: 'End', action: { kind: 'end' }, description: 'go to the end' },
  { keys: ' ', label: 'Space', action: { kind: 'play' }, description: 'play / pause' },
  { keys: '?', label: '?', action: { kind: 'help' }, description: 'show these shortcuts' },
];

/** The key string of an event, in SHORTCUTS' notation ("Shift+ArrowLeft", "Shift+F", "]"). */
export function keyOf(e: Pick<KeyboardEvent, 'key' | 'shiftKey'>): string {
  const printable = e.key.length === 1;
  if (e.shiftKey && !(printable && !/[a-z]/i.test(e.key))) return `Shift+${printable ? e.key.toUpperCase() : e.key}`;
  return e.key;
}

/** The shortcut a key press means, if any (Ctrl, Alt and Meta combinations are left alone). */
export function shortcutFor(e: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'altKey' | 'metaKey'>): Shortcut | null {
  if (e.ctrlKey || e.altKey || e.metaKey) return null;
  const key = keyOf(e);
  return SHORTCUTS.find((s) => s.keys === key) ?? null;
}

/** The label of the shortcut for an action, for a button's title ("" when none). */
export function labelFor(match: (a: Action) => boolean): string {
  const s = SHORTCUTS.find((x) => match(x.action));
  return s ? s.label : '';
}
