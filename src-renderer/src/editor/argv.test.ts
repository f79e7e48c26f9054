import { describe, expect, it } from 'vitest';
import { formatArgs, parseArgs } from './argv.ts';

describe('the argv field', () => {
  it('splits words as a shell does: spaces, quotes, backslashes', () => {
    expect(parseArgs('')).toEqual({ ok: true, args: [] });
    expect(parseArgs('  one   two\tthree ')).toEqual({ ok: true, args: ['one', 'two', 'three'] });
    expect(parseArgs(`"two words" 'single "quoted"' a\\ b ""`)).toEqual({ ok: true, args: ['two words', 'single "quoted"', 'a b', ''] });
    expect(parseArgs(`"say \\"hi\\"" it's'`)).toEqual({ ok: true, args: ['say "hi"', 'its'] });
  });

  it('says which quote is never closed', () => {
    const r = parseArgs('one "two');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/"/);
  });

  it('writes arguments back so that they split the same way', () => {
    for (const args of [[], ['alpha', 'beta'], ['one', 'two words', '3'], ["it's", '', 'a"b', '$HOME']]) {
      expect(parseArgs(formatArgs(args))).toEqual({ ok: true, args });
    }
    expect(formatArgs(['one', 'two words'])).toBe("one 'two words'");
  });
});
