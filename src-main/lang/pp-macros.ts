/**
 * Macros: their table, and expansion with C's rescanning rules.
 *
 * Expansion follows Prosser's algorithm (the one behind the C standard's wording, as in chibicc):
 * every token carries a "hide set" of the macros it came out of; a macro name whose hide set
 * contains that macro is not expanded again, which stops recursion, and the expansion is pushed
 * back onto the input so that it is rescanned together with the tokens that follow.
 */
import { DiagnosticBag } from './diagnostics.ts';
import { cloneToken, lex, type PPToken } from './lexer.ts';
import { CompileLimitError, MAX_EXPANDED_TOKENS, MAX_EXPANSION_WORK, compileTick } from './limits.ts';

export interface Macro {
  name: string;
  /** parameter names of a function-like macro (the variadic one is `__VA_ARGS__` or its GNU name); undefined: object-like */
  params?: string[];
  variadic: boolean;
  body: PPToken[];
  /** where it was defined (undefined for the predefined ones) */
  defined?: PPToken;
  /** computed at each use: __FILE__, __LINE__, __COUNTER__ */
  dynamic?: (origin: Origin) => string;
}

export type Origin = NonNullable<PPToken['expandedFrom']>;

/** A stack of tokens to read: the next token is at the end of the array. */
export class TokenStream {
  private readonly stack: PPToken[];

  constructor(tokens: readonly PPToken[] = []) {
    this.stack = tokens.slice().reverse();
  }

  /** The next token, or undefined at the end. */
  next(): PPToken | undefined {
    return this.stack.pop();
  }

  peek(): PPToken | undefined {
    return this.stack[this.stack.length - 1];
  }

  /** Puts tokens back so that tokens[0] is read next. */
  unshift(tokens: readonly PPToken[]): void {
    for (let i = tokens.length - 1; i >= 0; i--) this.stack.push(tokens[i]);
  }
}

/** Marks "no tokens" where an argument was empty, for # and ## (removed after substitution). */
const PLACEMARKER = '';

function isPunct(t: PPToken | undefined, text: string): boolean {
  return t !== undefined && t.kind === 'punct' && t.text === text;
}

function union(a: ReadonlySet<string> | undefined, name: string): ReadonlySet<string> {
  const s = new Set(a);
  s.add(name);
  return s;
}

function intersect(a: ReadonlySet<string> | undefined, b: ReadonlySet<string> | undefined): Set<string> {
  const s = new Set<string>();
  if (a && b) for (const x of a) if (b.has(x)) s.add(x);
  return s;
}

/** The union of two hide sets, reusing one of them when it already holds the other. */
function mergeHide(a: ReadonlySet<string> | undefined, b: ReadonlySet<string>): ReadonlySet<string> {
  if (!a || a === b) return b;
  let aHasB = true;
  for (const x of b) if (!a.has(x)) aHasB = false;
  if (aHasB) return a;
  const s = new Set(a);
  for (const x of b) s.add(x);
  return s;
}

/** Writes a string literal for `text`, escaping backslashes and quotes. */
export function quoteString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => '\\' + c)}"`;
}

/** The macro table and the expander. */
export class Macros {
  readonly table = new Map<string, Macro>();

  /**
   * `onDirective` carries out a directive met while reading a macro's arguments (gcc allows
   * #ifdef there) and says whether the tokens that follow are compiled.
   */
  constructor(
    private readonly diags: DiagnosticBag,
    private readonly onDirective?: (hash: PPToken) => boolean,
  ) {}

  /**
   * If `tok` names a macro that may expand here, expands it: consumes its arguments from `input`
   * and pushes the expansion back onto `input`. Returns whether it did.
   */
  expand(tok: PPToken, input: TokenStream): boolean {
    if (tok.kind !== 'ident' || tok.hide?.has(tok.text)) return false;
    const m = this.table.get(tok.text);
    if (!m) return false;
    const origin: Origin = tok.expandedFrom ?? { file: tok.file, line: tok.line, column: tok.column, macro: tok.text };
    if (m.dynamic) {
      const [t] = lex({ name: tok.file, text: m.dynamic(origin) }, new DiagnosticBag());
      input.unshift([cloneToken(t, { file: tok.file, line: tok.line, column: tok.column, bol: false, space: tok.space, expandedFrom: tok.expandedFrom ?? origin })]);
      return true;
    }
    if (!m.params) {
      const hide = union(tok.hide, m.name);
      input.unshift(this.finish(this.substitute(m, [], origin), hide, tok));
      return true;
    }
    if (!isPunct(input.peek(), '(')) return false;
    input.next();
    const call = this.readArguments(m, tok, input);
    if (!call) return true;
    const hide = union(intersect(tok.hide, call.rparen.hide), m.name);
    input.unshift(this.finish(this.substitute(m, call.args, origin), hide, tok));
    return true;
  }

  /** Fully expands a list of tokens on its own (a macro argument, an #if line). */
  expandAll(tokens: readonly PPToken[], keep?: (t: PPToken, input: TokenStream) => PPToken | undefined): PPToken[] {
    const input = new TokenStream(tokens);
    const out: PPToken[] = [];
    for (let t = input.next(); t; t = input.next()) {
      const kept = keep?.(t, input);
      if (kept) out.push(kept);
      else if (!this.expand(t, input)) out.push(t);
    }
    return out;
  }

  /** Tokens produced by expansions so far, and their hide sets' size (the budgets of limits.ts). */
  private expandedTokens = 0;
  private expansionWork = 0;

  /** Counts an expansion against the budgets; throws CompileLimitError at the use when one runs out. */
  private charge(tokens: number, hide: ReadonlySet<string>, use: PPToken): void {
    this.expandedTokens += tokens;
    this.expansionWork += tokens + hide.size;
    const at = use.expandedFrom ?? use;
    compileTick(at);
    if (this.expandedTokens > MAX_EXPANDED_TOKENS) {
      throw new CompileLimitError(at, `macro expansion produces more than ${MAX_EXPANDED_TOKENS.toLocaleString('en-US')} tokens, the most the lab compiles (in expansion of macro "${use.text}")`);
    }
    if (this.expansionWork > MAX_EXPANSION_WORK) {
      throw new CompileLimitError(at, `macros expand into each other too deeply for the lab (in expansion of macro "${use.text}")`);
    }
  }

  /** Adds the hide set to every token of an expansion; the first token takes the use's spacing. */
  private finish(tokens: PPToken[], hide: ReadonlySet<string>, use: PPToken): PPToken[] {
    this.charge(tokens.length, hide, use);
    const out: PPToken[] = [];
    for (const t of tokens) {
      if (t.text === PLACEMARKER) continue;
      out.push(cloneToken(t, { bol: false, hide: mergeHide(t.hide, hide) }));
    }
    if (out.length > 0) out[0].space = use.space;
    return out;
  }

  /**
   * Reads the arguments of a function-like macro after its '('. Returns them with the ')' token,
   * or null (after reporting) when the call is unterminated or has the wrong number of arguments.
   */
  private readArguments(m: Macro, nameTok: PPToken, input: TokenStream): { args: PPToken[][]; rparen: PPToken } | null {
    const params = m.params!;
    const args: PPToken[][] = [[]];
    let depth = 0;
    let active = true;
    for (;;) {
      const t = input.peek();
      if (!t || t.kind === 'eof') {
        this.diags.error(nameTok.file, nameTok.line, nameTok.column, nameTok.text.length,
          `unterminated argument list invoking macro "${m.name}"`, "a ')' is missing after the macro's arguments");
        return null;
      }
      input.next();
      if (this.onDirective && t.bol && isPunct(t, '#') && !t.expandedFrom) {
        active = this.onDirective(t);
        continue;
      }
      if (!active) continue;
      if (depth === 0 && isPunct(t, ')')) return this.checkArgumentCount(m, nameTok, args) ? { args, rparen: t } : null;
      if (isPunct(t, '(')) depth++;
      if (isPunct(t, ')')) depth--;
      const inVariadicPart = m.variadic && args.length === params.length;
      if (depth === 0 && isPunct(t, ',') && !inVariadicPart) args.push([]);
      else args[args.length - 1].push(t);
    }
  }

  private checkArgumentCount(m: Macro, nameTok: PPToken, args: PPToken[][]): boolean {
    const want = m.params!.length;
    if (want === 0 && args.length === 1 && args[0].length === 0) {
      args.pop();
      return true;
    }
    if (m.variadic && args.length === want - 1) args.push([]);
    if (args.length === want) return true;
    const given = args.length;
    const message = given > want
      ? `macro "${m.name}" passed ${given} arguments, but takes just ${want}`
      : `macro "${m.name}" requires ${want} arguments, but only ${given} given`;
    this.diags.error(nameTok.file, nameTok.line, nameTok.column, nameTok.text.length, message);
    return false;
  }

  /** The body of a macro with its parameters replaced (# and ## applied). */
  private substitute(m: Macro, args: PPToken[][], origin: Origin): PPToken[] {
    const params = m.params ?? [];
    const body = m.body;
    const expanded = new Map<number, PPToken[]>();
    const paramAt = (t: PPToken | undefined): number => (t && t.kind === 'ident' ? params.indexOf(t.text) : -1);
    const out: PPToken[] = [];
    for (let i = 0; i < body.length; i++) {
      const t = body[i];
      const p = paramAt(t);
      if (isPunct(t, '#') && paramAt(body[i + 1]) >= 0) {
        out.push(cloneToken(this.stringize(args[paramAt(body[i + 1])], t), { expandedFrom: origin }));
        i++;
      } else if (isPunct(t, '##')) {
        const q = paramAt(body[i + 1]);
        const rhs = q >= 0 ? args[q] : [cloneToken(body[i + 1], { expandedFrom: origin })];
        i++;
        if (isPunct(out[out.length - 1], ',') && m.variadic && q === params.length - 1) {
          if (rhs.length === 0) out.pop(); // GNU: `, ## __VA_ARGS__` drops the comma when there are none
          else out.push(...rhs);
        } else {
          this.pasteInto(out, rhs, origin);
        }
      } else if (p >= 0) {
        if (isPunct(body[i + 1], '##')) out.push(...(args[p].length ? args[p] : [cloneToken(t, { text: PLACEMARKER })]));
        else {
          if (!expanded.has(p)) expanded.set(p, this.expandAll(args[p]));
          const e = expanded.get(p)!;
          if (e.length) out.push(cloneToken(e[0], { space: t.space }), ...e.slice(1));
        }
      } else {
        out.push(cloneToken(t, { expandedFrom: origin }));
      }
    }
    return out;
  }

  /** Applies `##` between the last token of `out` and the first of `rhs`. */
  private pasteInto(out: PPToken[], rhs: PPToken[], origin: Origin): void {
    const lhs = out.pop();
    if (!lhs || lhs.text === PLACEMARKER) {
      out.push(...rhs);
      return;
    }
    if (rhs.length === 0 || rhs[0].text === PLACEMARKER) {
      out.push(lhs, ...rhs.slice(1));
      return;
    }
    out.push(this.paste(lhs, rhs[0], origin), ...rhs.slice(1));
  }

  /** One token made of two; reports (and keeps the left one) when the result is not one token. */
  private paste(lhs: PPToken, rhs: PPToken, origin: Origin): PPToken {
    const text = lhs.text + rhs.text;
    const toks = lex({ name: lhs.file, text }, new DiagnosticBag());
    if (toks.length === 1 && toks[0].text.length === text.length) {
      return cloneToken(toks[0], { file: lhs.file, line: lhs.line, column: lhs.column, bol: false, space: lhs.space, expandedFrom: origin });
    }
    this.diags.error(origin.file, origin.line, origin.column, origin.macro.length,
      `pasting "${lhs.text}" and "${rhs.text}" does not give a valid preprocessing token`);
    return lhs;
  }

  /** The string literal `#arg` makes: the argument's spelling, spaces collapsed to one. */
  private stringize(arg: PPToken[], hash: PPToken): PPToken {
    let text = '';
    arg.forEach((t, i) => {
      if (i > 0 && t.space) text += ' ';
      text += t.kind === 'string' || t.kind === 'char' ? t.text.replace(/[\\"]/g, (c) => '\\' + c) : t.text;
    });
    return cloneToken(hash, { kind: 'string', text: `"${text}"` });
  }
}
