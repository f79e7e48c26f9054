/**
 * Diagnostics: errors and warnings as gcc writes them, for people learning C.
 *
 *   prog.c:7:12: error: 'fork' undeclared (first use in this function)
 *       7 |     pid_t p = fork();
 *         |               ^~~~
 *   prog.c:7:12: note: 'fork' is declared in <unistd.h>; add '#include <unistd.h>'
 */

export type Severity = 'error' | 'warning' | 'note';

export interface Diagnostic {
  severity: Severity;
  /** file name as the user knows it ("prog.c"), or a header name ("<stdio.h>") */
  file: string;
  /** 1-based */
  line: number;
  /** 1-based, in characters */
  column: number;
  /** length of the underlined range in characters (at least 1) */
  length: number;
  message: string;
  /** follow-up advice printed as a "note:" line, e.g. which header to include */
  hint?: string;
}

/** Collects diagnostics; the front end reports every error it can in one pass. */
export class DiagnosticBag {
  readonly items: Diagnostic[] = [];

  error(file: string, line: number, column: number, length: number, message: string, hint?: string): void {
    this.items.push({ severity: 'error', file, line, column, length: Math.max(1, length), message, hint });
  }

  warning(file: string, line: number, column: number, length: number, message: string, hint?: string): void {
    this.items.push({ severity: 'warning', file, line, column, length: Math.max(1, length), message, hint });
  }

  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === 'error');
  }
}

/** Formats diagnostics like gcc, with the source line and a caret under the range. */
export function formatDiagnostics(diags: readonly Diagnostic[], sources: ReadonlyMap<string, string>): string {
  let out = '';
  for (const d of diags) {
    out += `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}\n`;
    const text = sources.get(d.file);
    const srcLine = text?.split('\n')[d.line - 1];
    if (srcLine !== undefined) {
      const num = String(d.line).padStart(5);
      out += `${num} | ${srcLine.replace(/\r$/, '')}\n`;
      const pad = srcLine.slice(0, d.column - 1).replace(/[^\t]/g, ' ');
      const len = Math.max(1, Math.min(d.length, srcLine.length - d.column + 1));
      out += `${' '.repeat(5)} | ${pad}^${'~'.repeat(len - 1)}\n`;
    }
    if (d.hint) out += `${d.file}:${d.line}:${d.column}: note: ${d.hint}\n`;
  }
  return out;
}

/** An error or warning as runs and the app report it, with the notes the compiler printed for it. */
export interface ReportedDiagnostic {
  severity: 'error' | 'warning';
  file: string;
  line: number;
  column: number;
  message: string;
  /** its "note:" lines, in order: its hint, then any note diagnostics that follow it */
  notes: string[];
}

/**
 * The errors and warnings of a compilation, each carrying its notes (its `hint` and every
 * 'note' diagnostic after it up to the next error or warning), so that nothing gcc would print
 * below it is lost. A note with nothing before it is dropped (there is nothing to attach it to).
 */
export function reportedDiagnostics(diags: readonly Diagnostic[]): ReportedDiagnostic[] {
  const out: ReportedDiagnostic[] = [];
  for (const d of diags) {
    if (d.severity === 'note') {
      out.at(-1)?.notes.push(d.message);
      continue;
    }
    out.push({ severity: d.severity, file: d.file, line: d.line, column: d.column, message: d.message, notes: d.hint ? [d.hint] : [] });
  }
  return out;
}
