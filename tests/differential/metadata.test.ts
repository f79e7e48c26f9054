import { describe, it, expect } from 'vitest';
import { parseMetadata, splitArgs, unescapeC } from './metadata.ts';

describe('corpus metadata', () => {
  it('splits arguments like a shell: quotes group, backslashes escape', () => {
    expect(splitArgs('a b "c d"')).toEqual(['a', 'b', 'c d']);
    expect(splitArgs("  one   'two three'  ''")).toEqual(['one', 'two three', '']);
    expect(splitArgs('x\\ y "say \\"hi\\"" mid"dle"')).toEqual(['x y', 'say "hi"', 'middle']);
    expect(splitArgs('')).toEqual([]);
    expect(() => splitArgs('"open')).toThrow(/unterminated/);
  });

  it('unescapes C escapes in stdin', () => {
    expect(unescapeC('a\\nb\\tc\\\\d\\x41')).toBe('a\nb\tc\\dA');
    expect(() => unescapeC('\\q')).toThrow(/unknown escape/);
  });

  it('reads only the leading comment block', () => {
    const source = '// args: -n 3\n// stdin: x\\n\n// a plain comment\n// outputs: any\n#include <stdio.h>\n// args: late\n';
    expect(parseMetadata(source)).toEqual({ args: ['-n', '3'], files: [], stdin: 'x\n', outputs: 'any', runs: null, stdoutPipe: false });
    expect(parseMetadata('#include <stdio.h>\n')).toEqual({ args: [], files: [], stdin: null, outputs: 'one', runs: null, stdoutPipe: false });
    expect(parseMetadata('// file: a.txt=one\\ntwo\n// file: b=\n').files).toEqual([{ name: 'a.txt', content: 'one\ntwo' }, { name: 'b', content: '' }]);
    expect(() => parseMetadata('// file: ../x=1\n')).toThrow(/plain file name/);
    expect(() => parseMetadata('// outputs: some\n')).toThrow(/outputs must be/);
    expect(parseMetadata('// stdout: pipe\n').stdoutPipe).toBe(true);
    expect(parseMetadata('// stdout: tty\n').stdoutPipe).toBe(false);
    expect(() => parseMetadata('// stdout: file\n')).toThrow(/stdout must be/);
  });

  it('reads the run count of a nondeterministic program', () => {
    expect(parseMetadata('// outputs: any\n// runs: 80\nint main(void) { return 0; }\n').runs).toBe(80);
    expect(() => parseMetadata('// runs: 0\n')).toThrow(/runs must be/);
    expect(() => parseMetadata('// runs: many\n')).toThrow(/runs must be/);
  });
});
