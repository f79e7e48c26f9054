import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from './diagnostics.ts';
import { classifyNumber, lex, type PPToken } from './lexer.ts';

function lexText(text: string): { toks: PPToken[]; diags: DiagnosticBag } {
  const diags = new DiagnosticBag();
  return { toks: lex({ name: 'prog.c', text }, diags), diags };
}

const kinds = (text: string): string[] => lexText(text).toks.map((t) => `${t.kind}:${t.text}`);

describe('lexer tokens', () => {
  it('lexes identifiers, keywords and every punctuator', () => {
    expect(kinds('int _x$1 = a->b;')).toEqual(['ident:int', 'ident:_x$1', 'punct:=', 'ident:a', 'punct:->', 'ident:b', 'punct:;']);
    const puncts = '... <<= >>= -> ++ -- << >> <= >= == != && || *= /= %= += -= &= ^= |= ## [ ] ( ) { } . & * + - ~ ! / % < > ^ | ? : ; = , #';
    expect(lexText(puncts).toks.map((t) => t.text)).toEqual(puncts.split(' '));
  });

  it('takes the longest punctuator', () => {
    expect(kinds('a+++b')).toEqual(['ident:a', 'punct:++', 'punct:+', 'ident:b']);
    expect(kinds('x<<=2')).toEqual(['ident:x', 'punct:<<=', 'int:2']);
  });

  it('turns digraphs into the punctuators they stand for', () => {
    expect(lexText('<: :> <% %> %: %:%:').toks.map((t) => t.text)).toEqual(['[', ']', '{', '}', '#', '##']);
  });

  it('lexes integer constants with every base and suffix', () => {
    for (const n of ['0', '42', '0x1fUL', '0XABCdef', '0777', '0b1011', '10u', '10LL', '10ull', '10LLU', '7lu', '5Ul']) {
      expect(classifyNumber(n)).toEqual({ kind: 'int', error: undefined });
      expect(kinds(n)).toEqual([`int:${n}`]);
    }
  });

  it('lexes floating constants, decimal and hexadecimal', () => {
    for (const n of ['1.5', '.5', '1.', '1e10', '1.5e-3', '2E+4f', '3.0L', '0x1p3', '0x1.8P-2', '1.5F']) {
      expect(classifyNumber(n)).toEqual({ kind: 'float', error: undefined });
      expect(kinds(n)).toEqual([`float:${n}`]);
    }
  });

  it('reports bad numbers with gcc wording', () => {
    expect(classifyNumber('123abc').error).toBe('invalid suffix "abc" on integer constant');
    expect(classifyNumber('08').error).toBe('invalid digit "8" in octal constant');
    expect(classifyNumber('0x123456789ABCDEFULL').error).toBeUndefined();
    expect(classifyNumber('0b102').error).toBe('invalid digit "2" in binary constant');
    expect(classifyNumber('1e').error).toBe('exponent has no digits');
    expect(classifyNumber('1.5x').error).toBe('invalid suffix "x" on floating constant');
    expect(classifyNumber('0x1.5').error).toBe('hexadecimal floating constants require an exponent');
    expect(classifyNumber('10lul').error).toBe('invalid suffix "lul" on integer constant');
    // the error waits on the token until it is used
    const { toks, diags } = lexText('08');
    expect(toks[0].error).toBe('invalid digit "8" in octal constant');
    expect(diags.items).toEqual([]);
  });

  it('lexes character constants and strings with escapes', () => {
    expect(kinds(`'a' '\\n' '\\'' '\\x41' '\\0' "hi\\"there" ""`)).toEqual([
      "char:'a'", "char:'\\n'", "char:'\\''", "char:'\\x41'", "char:'\\0'", 'string:"hi\\"there"', 'string:""',
    ]);
    const { toks } = lexText(`'' 'ab' '\\q' L'x' u8"s"`);
    expect(toks.map((t) => t.error ?? t.warning)).toEqual([
      'empty character constant',
      'multi-character character constant',
      "unknown escape sequence: '\\q'",
      "wide and Unicode character constants (L'…) are not supported in the lab",
      'wide and Unicode string literals (u8"…) are not supported in the lab',
    ]);
  });

  it('marks an unterminated string or character constant', () => {
    const { toks } = lexText('char *s = "abc;\nint x;');
    const s = toks.find((t) => t.kind === 'string')!;
    expect(s.error).toBe('missing terminating " character');
    expect(s.text).toBe('"abc;');
    expect(toks.slice(-3).map((t) => t.text)).toEqual(['int', 'x', ';']);
    expect(lexText("c = 'a;").toks[2].error).toBe("missing terminating ' character");
  });

  it('marks stray characters, with a hint for typographic quotes', () => {
    const { toks } = lexText('a @ b \u201chi\u201d');
    expect(toks[1].error).toBe("stray '@' in program");
    const quote = toks.find((t) => t.text === '\u201c')!;
    expect(quote.error).toBe("stray '\u201c' in program");
    expect(quote.hint).toContain('typographic quote');
  });
});

describe('lexer layout', () => {
  it('records line and column of each token, and start-of-line and spacing', () => {
    const { toks } = lexText('int  x;\n  return 0;');
    const pos = toks.map((t) => [t.text, t.line, t.column, t.bol, t.space]);
    expect(pos).toEqual([
      ['int', 1, 1, true, false], ['x', 1, 6, false, true], [';', 1, 7, false, false],
      ['return', 2, 3, true, true], ['0', 2, 10, false, true], [';', 2, 11, false, false],
    ]);
  });

  it('skips comments as whitespace and keeps positions after them', () => {
    const { toks } = lexText('a /* one\ntwo */ b // rest\nc');
    expect(toks.map((t) => [t.text, t.line, t.column, t.bol])).toEqual([['a', 1, 1, true], ['b', 2, 8, false], ['c', 3, 1, true]]);
    expect(toks[1].space).toBe(true);
  });

  it('reports an unterminated comment at its start', () => {
    const { toks, diags } = lexText('int x;\n  /* never closed\nint y;');
    expect(toks.map((t) => t.text)).toEqual(['int', 'x', ';']);
    expect(diags.items).toHaveLength(1);
    expect(diags.items[0]).toMatchObject({ severity: 'error', line: 2, column: 3, message: 'unterminated comment' });
  });

  it('joins spliced lines and keeps the written positions', () => {
    const { toks } = lexText('#define X \\\n  42\nin\\\nt y;');
    expect(toks.map((t) => [t.text, t.line, t.column])).toEqual([
      ['#', 1, 1], ['define', 1, 2], ['X', 1, 9], ['42', 2, 3], ['int', 3, 1], ['y', 4, 3], [';', 4, 4],
    ]);
    expect(toks[3].bol).toBe(false); // still the directive's line
  });

  it('accepts \\r\\n line endings', () => {
    const { toks } = lexText('a\r\n b\r\n');
    expect(toks.map((t) => [t.text, t.line, t.column, t.bol])).toEqual([['a', 1, 1, true], ['b', 2, 2, true]]);
  });
});
