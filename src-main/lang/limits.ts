/**
 * The compiler's budgets (docs/c-subset.md, "Limits"): what a program may cost to compile before
 * the lab stops and says so in a diagnostic, whatever the program does. gcc's own limits are far
 * above what students write; these keep one program from taking the host's memory or time.
 */

/** Tokens that macro expansion may produce in one translation unit. */
export const MAX_EXPANDED_TOKENS = 500_000;
/** Work of macro expansion in one unit, counted in hide-set entries copied (a chain of n macros costs about n²/2). */
export const MAX_EXPANSION_WORK = 5_000_000;
/** Expressions nested inside each other (parentheses, operands, arguments): gcc compiles 1,000 and more. */
export const MAX_EXPRESSION_NESTING = 10_000;

/** A budget ran out: the message is the diagnostic, at the place given. */
export class CompileLimitError extends Error {
  constructor(readonly at: { file: string; line: number; column: number }, message: string) {
    super(message);
    this.name = 'CompileLimitError';
  }
}

/** True for the JavaScript stack overflow a very deep program can still cause. */
export function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack/i.test(e.message);
}
