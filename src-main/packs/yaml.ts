/**
 * YAML with positions: a pack's YAML files parsed by the `yaml` package, keeping the source
 * positions so that every error can name the line of the field it is about.
 */
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { PackError } from './types.ts';

export interface ParsedYaml {
  /** the document as plain JSON data (undefined when it could not be parsed) */
  value: unknown;
  errors: PackError[];
  /** the 1-based line of the node at `path` (or of its nearest existing ancestor) */
  lineOf(path: (string | number)[]): number;
  /** the 1-based line of the key `key` in the map at `path` */
  keyLineOf(path: (string | number)[], key: string): number;
}

/** Parses one YAML file; syntax errors come back as PackErrors with their line. */
export function parseYaml(file: string, text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const errors: PackError[] = doc.errors.map((e) => ({
    file,
    line: lineCounter.linePos(e.pos[0]).line,
    field: '',
    message: e.code === 'DUPLICATE_KEY'
      ? `YAML: the key ${JSON.stringify(/^\s*["']?([^:\n"']*)/.exec(text.slice(e.pos[0]))?.[1]?.trim() ?? '')} appears twice in the same mapping (the second one is on this line)`
      : `YAML: ${firstLine(e.message)}`,
  }));
  let value: unknown = undefined;
  if (errors.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: 50 });
    } catch (e) {
      errors.push({ file, line: 0, field: '', message: `YAML: ${e instanceof Error ? e.message : String(e)}` });
    }
  }
  const lineAt = (offset: number | undefined): number => (offset === undefined ? 0 : lineCounter.linePos(offset).line);
  return {
    value,
    errors,
    lineOf: (path) => lineAt(nodeAt(doc, path)?.range?.[0]),
    keyLineOf: (path, key) => {
      const node = nodeAt(doc, path);
      if (isMap(node)) {
        for (const pair of node.items) {
          const k = pair.key as { value?: unknown; range?: [number, number, number] } | null;
          if (k && String(k.value) === key) return lineAt(k.range?.[0]);
        }
      }
      return lineAt(node?.range?.[0]);
    },
  };
}

interface RangedNode {
  range?: [number, number, number] | null;
}

/** The deepest node along `path` that exists (the document's root for []). */
function nodeAt(doc: Document, path: (string | number)[]): RangedNode | null {
  let node: unknown = doc.contents;
  for (const part of path) {
    let next: unknown = undefined;
    if (isMap(node)) next = node.get(part, true) ?? node.get(String(part), true);
    else if (isSeq(node) && typeof part === 'number') next = node.get(part, true);
    if (next === undefined || next === null) break;
    node = next;
  }
  return (node as RangedNode | null) ?? null;
}

function firstLine(text: string): string {
  return text.split('\n')[0];
}
