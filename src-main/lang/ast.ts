/**
 * The syntax tree the parser builds and the type checker annotates. Identifiers are resolved to
 * their symbols while parsing (C needs that anyway to tell typedef names from variables), and
 * every expression carries its C type once sema has seen it.
 */
import type { CType } from './types.ts';

export interface Pos {
  file: string;
  line: number;
  column: number;
  /** length of the token or range, for the caret */
  length?: number;
}

/** One string-literal token as written (adjacent literals are several), quotes included. */
export interface StringSpelling {
  text: string;
  file: string;
  line: number;
  column: number;
}

export type Storage = 'local' | 'param' | 'global' | 'static' | 'extern';

/** A declared name: a variable, function, typedef or enum constant. */
export interface Sym {
  name: string;
  kind: 'var' | 'func' | 'typedef' | 'enumconst';
  type: CType;
  storage: Storage;
  pos: Pos;
  /** translation unit index; statics are private to it */
  tu: number;
  /** name the linker knows it by (statics get a unit-qualified name, static locals a counter) */
  linkName: string;
  /** enum constant value */
  value?: bigint;
  /** a function body or an object definition (not just a declaration) was seen */
  defined?: boolean;
  /** object with file or static storage: its initialiser as written */
  init?: Init;
  /** object with static storage or a compound literal: its flattened initialiser */
  pieces?: InitPiece[];
  /** an undeclared name already reported (uses of it are error expressions) */
  poisoned?: boolean;
  /** a tentative definition (`int x;` at file scope) */
  tentative?: boolean;
  /** frame offset of a local or parameter, set by codegen */
  frameOffset?: number;
  /** function containing a static local */
  scopeFunction?: string;
}

export type Init =
  | { k: 'expr'; expr: Expr; pos: Pos }
  | { k: 'list'; items: InitItem[]; pos: Pos };

export interface InitItem {
  designators: Designator[];
  init: Init;
}

export type Designator = { k: 'field'; name: string; pos: Pos } | { k: 'index'; index: Expr; pos: Pos };

/** A flattened initialiser: scalar stores at byte offsets into the object (the rest is zero). */
export type InitPiece =
  | { k: 'scalar'; offset: number; type: CType; expr: Expr }
  | { k: 'bytes'; offset: number; bytes: Uint8Array };

export type BinaryOp =
  | '+' | '-' | '*' | '/' | '%' | '<<' | '>>' | '&' | '|' | '^'
  | '==' | '!=' | '<' | '<=' | '>' | '>=';

interface ExprBase {
  pos: Pos;
  /** set by sema */
  type: CType;
}

export type Expr = ExprBase &
  (
    | { k: 'int'; value: bigint }
    | { k: 'float'; value: number }
    | { k: 'string'; bytes: Uint8Array; /** the literal's tokens where written (format warnings point into them) */ spelling?: StringSpelling[] }
    | { k: 'var'; sym: Sym }
    | { k: 'call'; callee: Expr; args: Expr[] }
    | { k: 'binary'; op: BinaryOp; left: Expr; right: Expr; /** operand type of the operation */ opType?: CType }
    | { k: 'logand' | 'logor'; left: Expr; right: Expr }
    | { k: 'assign'; target: Expr; value: Expr }
    | { k: 'opassign'; op: BinaryOp; target: Expr; value: Expr; opType?: CType }
    | { k: 'incdec'; prefix: boolean; delta: 1 | -1; target: Expr }
    | { k: 'cond'; test: Expr; then: Expr; else: Expr }
    | { k: 'comma'; left: Expr; right: Expr }
    | { k: 'cast'; expr: Expr; implicit?: boolean }
    | { k: 'member'; object: Expr; name: string; offset?: number }
    | { k: 'deref'; expr: Expr }
    | { k: 'addr'; expr: Expr }
    | { k: 'neg' | 'bitnot' | 'not' | 'plus'; expr: Expr }
    | { k: 'compound'; sym: Sym }
    | { k: 'error' }
  );

export type ExprOf<K extends Expr['k']> = Extract<Expr, { k: K }>;

export interface Block {
  k: 'block';
  pos: Pos;
  body: Stmt[];
  /** position of the closing brace */
  end: Pos;
}

export type Stmt =
  | Block
  | { k: 'expr'; pos: Pos; expr: Expr }
  | { k: 'decl'; pos: Pos; vars: { sym: Sym; pieces?: InitPiece[]; pos: Pos }[] }
  | { k: 'if'; pos: Pos; test: Expr; then: Stmt; else?: Stmt }
  | { k: 'while'; pos: Pos; test: Expr; body: Stmt }
  | { k: 'do'; pos: Pos; body: Stmt; test: Expr }
  | { k: 'for'; pos: Pos; init?: Stmt; test?: Expr; step?: Expr; body: Stmt }
  | { k: 'switch'; pos: Pos; test: Expr; body: Stmt; cases: CaseStmt[]; hasDefault: boolean }
  | CaseStmt
  | { k: 'default'; pos: Pos; body: Stmt }
  | { k: 'break' | 'continue'; pos: Pos }
  | { k: 'return'; pos: Pos; value?: Expr }
  | { k: 'goto'; pos: Pos; label: string }
  | { k: 'label'; pos: Pos; label: string; body: Stmt }
  | { k: 'empty'; pos: Pos };

export interface CaseStmt {
  k: 'case';
  pos: Pos;
  value: bigint;
  body: Stmt;
}

export interface FunctionDef {
  sym: Sym;
  params: Sym[];
  body: Block;
  pos: Pos;
  /** static locals declared inside */
  statics: Sym[];
  /**
   * A variadic function's hidden last parameter: the address of the area where its caller put
   * the arguments that match `...` (va_start reads it; see headers/stdarg.ts)
   */
  vaArea?: Sym;
}

/** One parsed translation unit. */
export interface Unit {
  file: string;
  index: number;
  functions: FunctionDef[];
  /** file-scope objects and functions (declared or defined), in order of first declaration */
  globals: Sym[];
  /** static locals and compound literals at file scope, also laid out in data */
  statics: Sym[];
}
