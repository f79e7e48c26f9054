/**
 * Integer constant expressions of #if and #elif, evaluated as the preprocessor does: in intmax_t
 * (64 bits) or uintmax_t when an operand is unsigned, with C's operators and precedence.
 * The caller has already replaced `defined X` by 1 or 0 and expanded macros; identifiers that
 * are left count as 0.
 */
import { classifyNumber, type PPToken } from './lexer.ts';

/** A bad #if expression: the message and the token to point at. */
export class PPExprError extends Error {
  constructor(message: string, readonly at: PPToken | undefined) {
    super(message);
  }
}

interface Value {
  v: bigint;
  unsigned: boolean;
}

const BINARY_PRECEDENCE: Record<string, number> = {
  '*': 10, '/': 10, '%': 10,
  '+': 9, '-': 9,
  '<<': 8, '>>': 8,
  '<': 7, '>': 7, '<=': 7, '>=': 7,
  '==': 6, '!=': 6,
  '&': 5, '^': 4, '|': 3, '&&': 2, '||': 1,
};

const wrap = (v: bigint, unsigned: boolean): Value => ({ v: unsigned ? BigInt.asUintN(64, v) : BigInt.asIntN(64, v), unsigned });
const bool = (b: boolean): Value => ({ v: b ? 1n : 0n, unsigned: false });

/**
 * Evaluates the tokens of one #if line. Returns whether the condition holds; throws PPExprError
 * (and only that) when the expression is malformed.
 */
export function evaluateCondition(tokens: readonly PPToken[], directiveToken: PPToken): boolean {
  if (tokens.length === 0) throw new PPExprError(`#${directiveToken.text} with no expression`, directiveToken);
  const parser = new ExprParser(tokens);
  const value = parser.comma(true);
  const extra = parser.peek();
  if (extra) {
    if (extra.text === ')' ) throw new PPExprError("missing '(' in expression", extra);
    throw new PPExprError(`missing binary operator before token "${extra.text}"`, extra);
  }
  return value.v !== 0n;
}

class ExprParser {
  private i = 0;
  constructor(private readonly toks: readonly PPToken[]) {}

  peek(): PPToken | undefined {
    return this.toks[this.i];
  }

  private isPunct(text: string): boolean {
    const t = this.toks[this.i];
    return t !== undefined && t.kind === 'punct' && t.text === text;
  }

  comma(live: boolean): Value {
    let v = this.conditional(live);
    while (this.isPunct(',')) {
      this.i++;
      v = this.conditional(live);
    }
    return v;
  }

  private conditional(live: boolean): Value {
    const cond = this.binary(1, live);
    if (!this.isPunct('?')) return cond;
    const q = this.toks[this.i++];
    const taken = cond.v !== 0n;
    const a = this.comma(live && taken);
    if (!this.isPunct(':')) throw new PPExprError("'?' without following ':'", this.peek() ?? q);
    this.i++;
    const b = this.conditional(live && !taken);
    const unsigned = a.unsigned || b.unsigned;
    return wrap(taken ? a.v : b.v, unsigned);
  }

  /** Precedence climbing over the binary operators of precedence >= min. */
  private binary(min: number, live: boolean): Value {
    let left = this.unary(live);
    for (;;) {
      const t = this.peek();
      const prec = t && t.kind === 'punct' ? BINARY_PRECEDENCE[t.text] : undefined;
      if (prec === undefined || prec < min) return left;
      this.i++;
      const op = t!.text;
      const rightLive = op === '&&' ? live && left.v !== 0n : op === '||' ? live && left.v === 0n : live;
      const right = this.binary(prec + 1, rightLive);
      left = applyBinary(op, left, right, live, t!);
    }
  }

  private unary(live: boolean): Value {
    const t = this.peek();
    if (!t) throw new PPExprError('#if with no expression', this.toks[this.toks.length - 1]);
    if (t.kind === 'punct' && '+-~!'.includes(t.text) && t.text.length === 1) {
      this.i++;
      const v = this.unary(live);
      if (t.text === '+') return v;
      if (t.text === '-') return wrap(-v.v, v.unsigned);
      if (t.text === '~') return wrap(~v.v, v.unsigned);
      return bool(v.v === 0n);
    }
    return this.primary(live);
  }

  private primary(live: boolean): Value {
    const t = this.toks[this.i++];
    if (t.kind === 'punct' && t.text === '(') {
      if (this.isPunct(')')) throw new PPExprError("missing expression between '(' and ')'", t);
      const v = this.comma(live);
      if (!this.isPunct(')')) throw new PPExprError("missing ')' in expression", this.peek() ?? t);
      this.i++;
      return v;
    }
    if (t.kind === 'int') return integerValue(t);
    if (t.kind === 'char') return { v: BigInt(charValue(t.text)), unsigned: false };
    if (t.kind === 'ident') return { v: 0n, unsigned: false };
    if (t.kind === 'float') throw new PPExprError('floating constant in preprocessor expression', t);
    if (t.kind === 'punct' && BINARY_PRECEDENCE[t.text] !== undefined) {
      throw new PPExprError(`operator '${t.text}' has no left operand`, t);
    }
    throw new PPExprError(`token "${t.text}" is not valid in preprocessor expressions`, t);
  }
}

function applyBinary(op: string, a: Value, b: Value, live: boolean, at: PPToken): Value {
  const unsigned = a.unsigned || b.unsigned;
  const x = unsigned ? BigInt.asUintN(64, a.v) : a.v;
  const y = unsigned ? BigInt.asUintN(64, b.v) : b.v;
  switch (op) {
    case '*': return wrap(x * y, unsigned);
    case '/':
    case '%':
      if (y === 0n) {
        if (live) throw new PPExprError('division by zero in #if', at);
        return wrap(0n, unsigned);
      }
      return wrap(op === '/' ? x / y : x % y, unsigned);
    case '+': return wrap(x + y, unsigned);
    case '-': return wrap(x - y, unsigned);
    case '<<': return wrap(b.v >= 64n || b.v < 0n ? 0n : x << b.v, a.unsigned);
    case '>>': return wrap(b.v >= 64n || b.v < 0n ? (x < 0n ? -1n : 0n) : x >> b.v, a.unsigned);
    case '<': return bool(x < y);
    case '>': return bool(x > y);
    case '<=': return bool(x <= y);
    case '>=': return bool(x >= y);
    case '==': return bool(x === y);
    case '!=': return bool(x !== y);
    case '&': return wrap(x & y, unsigned);
    case '^': return wrap(x ^ y, unsigned);
    case '|': return wrap(x | y, unsigned);
    case '&&': return bool(a.v !== 0n && b.v !== 0n);
    default: return bool(a.v !== 0n || b.v !== 0n); // '||'
  }
}

/** The value and signedness of an integer constant token as #if sees it. */
function integerValue(t: PPToken): Value {
  const { error } = classifyNumber(t.text);
  if (error) throw new PPExprError(error, t);
  const m = /^(0[xX][0-9a-fA-F]+|0[bB][01]+|[0-9]+)([uUlL]*)$/.exec(t.text)!;
  let digits = m[1];
  if (/^0[0-7]/.test(digits)) digits = '0o' + digits.slice(1);
  const v = BigInt(digits);
  if (v > 0xffffffffffffffffn) throw new PPExprError('integer constant is too large for its type', t);
  const unsigned = /[uU]/.test(m[2]) || v > 0x7fffffffffffffffn;
  return wrap(v, unsigned);
}

/** The int value of a character constant (first character; escapes decoded; char is signed). */
export function charValue(text: string): number {
  const body = text.slice(1, -1);
  let code: number;
  if (body[0] !== '\\') {
    code = body.codePointAt(0) ?? 0;
  } else {
    const e = body[1];
    const simple: Record<string, number> = { n: 10, t: 9, r: 13, a: 7, b: 8, f: 12, v: 11, e: 27, '\\': 92, "'": 39, '"': 34, '?': 63 };
    if (e === 'x') code = parseInt(/^[0-9a-fA-F]+/.exec(body.slice(2))?.[0] ?? '0', 16);
    else if (e >= '0' && e <= '7') code = parseInt(/^[0-7]{1,3}/.exec(body.slice(1))![0], 8);
    else code = simple[e] ?? e.charCodeAt(0);
  }
  code &= 0xff;
  return code >= 128 ? code - 256 : code;
}
