/**
 * Tokens, as the preprocessor hands them to the parser.
 */

export type TokenKind =
  | 'ident' //     identifiers and keywords (the parser decides which; see KEYWORDS)
  | 'int' //       integer constant, text as written (e.g. "0x1fUL")
  | 'float' //     floating constant, text as written (e.g. "1.5e3f")
  | 'char' //      character constant, text as written including quotes (e.g. "'\\n'")
  | 'string' //    string literal, text as written including quotes; adjacent literals are separate tokens
  | 'punct' //     operator or punctuator (e.g. "<<=", "...", "{")
  | 'eof';

export interface Token {
  kind: TokenKind;
  text: string;
  /** source file name as shown in diagnostics ("prog.c", "<stdio.h>") */
  file: string;
  /** 1-based line and column of the first character, in the file where it was written */
  line: number;
  column: number;
  /**
   * When the token came from a macro expansion: the position of the macro's name where it was
   * used, so errors inside expansions point at the use (gcc adds "in expansion of macro" notes).
   */
  expandedFrom?: { file: string; line: number; column: number; macro: string };
}

export const KEYWORDS = new Set([
  'auto', 'break', 'case', 'char', 'const', 'continue', 'default', 'do', 'double', 'else', 'enum',
  'extern', 'float', 'for', 'goto', 'if', 'inline', 'int', 'long', 'register', 'restrict', 'return',
  'short', 'signed', 'sizeof', 'static', 'struct', 'switch', 'typedef', 'union', 'unsigned', 'void',
  'volatile', 'while', '_Bool', '_Alignas', '_Alignof', '_Atomic', '_Generic', '_Noreturn',
  '_Static_assert', '_Thread_local', '_Complex', '__attribute__', '__inline', '__inline__',
  '__restrict', '__restrict__', '__volatile__', '__const', '__extension__', '__typeof__', 'typeof',
  'asm', '__asm__',
]);
