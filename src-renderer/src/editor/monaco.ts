/**
 * Monaco with only what the C editor needs (ecosystem-facts.md): the editor API, the C/C++
 * language, and the editor worker bundled by Vite's `?worker`. Never the package root.
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/languages/definitions/cpp/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
  }
}

self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

export { monaco };
