/**
 * Monaco with only what the C editor needs (ecosystem-facts.md): the editor API, the C/C++
 * language, the editor worker bundled by Vite's `?worker`, and the contributions a student expects
 * of an editor, each imported by its own `monaco-editor/features/…/register` path. Never the
 * package root (it pulls every language and the TypeScript worker).
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/languages/definitions/cpp/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';

// reading diagnostics: the hover over a squiggle, F8 / Shift+F8 from problem to problem
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/gotoError/register';
// find and replace (Ctrl+F, Ctrl+H, F3), go to line (Ctrl+G)
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/gotoLine/register';
// Ctrl+/ and Shift+Alt+A comment toggling
import 'monaco-editor/features/comment/register';
// (Ctrl+M, Tab moves the focus out of the editor, is CodeEditor.vue's own command, so that it can
// show which mode is on: Monaco's toggleTabFocusMode contribution keeps its state out of reach)
// the usual editing actions: move/copy/delete lines, indent, multiple cursors, word moves,
// bracket matching, folding, cut/copy/paste and the context menu, cursor undo, smart select
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/indentation/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/smartSelect/register';
import 'monaco-editor/features/caretOperations/register';
// F1: the command palette, so every action can be found by name
import 'monaco-editor/features/quickCommand/register';
import 'monaco-editor/features/codicon/register';

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
  }
}

self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

export { monaco };
