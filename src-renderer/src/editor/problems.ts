/**
 * The compiler's diagnostics as the editor shows them: the hover text of a squiggle (its message
 * and notes), and the Problems list (sorted by place, counted in words).
 */
import type { LabDiagnostic } from '../lab/index.ts';

/** A diagnostic's hover text: its message, then each note on a line of its own, as gcc prints them. */
export function markerMessage(d: LabDiagnostic): string {
  return [d.message, ...(d.notes ?? []).map((n) => `note: ${n}`)].join('\n');
}

/** The diagnostics in the order of the file: by line, then column; errors before warnings at one place. */
export function sortProblems(diags: readonly LabDiagnostic[]): LabDiagnostic[] {
  return [...diags].sort((a, b) => a.line - b.line || a.column - b.column || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}

/** "2 errors, 1 warning", "1 error", "no problems". */
export function countProblems(diags: readonly LabDiagnostic[]): string {
  const errors = diags.filter((d) => d.severity === 'error').length;
  const warnings = diags.length - errors;
  const parts = [];
  if (errors > 0) parts.push(`${errors} error${errors === 1 ? '' : 's'}`);
  if (warnings > 0) parts.push(`${warnings} warning${warnings === 1 ? '' : 's'}`);
  return parts.length > 0 ? parts.join(', ') : 'no problems';
}
