/** The editor's own keys, as the shortcuts help lists them (Monaco handles them inside the editor). */
export interface EditorShortcut {
  keys: string[];
  description: string;
}

export const EDITOR_SHORTCUTS: EditorShortcut[] = [
  { keys: ['Ctrl+M'], description: 'Tab moves the focus out of the editor (press again: Tab indents)' },
  { keys: ['F8', 'Shift+F8'], description: 'next / previous problem, with its message and notes' },
  { keys: ['Ctrl+F', 'Ctrl+H'], description: 'find / replace' },
  { keys: ['Ctrl+/'], description: 'comment or uncomment the lines' },
  { keys: ['Ctrl+=', 'Ctrl+-', 'Ctrl+0'], description: 'bigger / smaller / default text size (kept for next time)' },
  { keys: ['Ctrl+G'], description: 'go to a line' },
  { keys: ['Alt+↑', 'Alt+↓'], description: 'move the line up / down' },
  { keys: ['F1'], description: 'every editor action, by name' },
];
