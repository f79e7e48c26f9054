/**
 * Regular expressions said in words: students never see a raw pattern. A simple pattern (text,
 * anchors, numbers, "anything", spaces) becomes an example line such as
 * `reaped <number>, exit status 3`; anything more complex has no example (null), and the message
 * then speaks of "a required line" without showing it.
 */

/** Pieces of pattern syntax and what they read as, tried in order at each position. */
const READINGS: [RegExp, string][] = [
  [/^\\d\+|^\[0-9\]\+|^-\?\\d\+|^\\d\*/, '<number>'],
  [/^\\d|^\[0-9\]/, '<digit>'],
  [/^\[\\s\\S\][*+]\??|^\.[*+]\??|^\[\^\\n\][*+]/, '…'],
  [/^\\s[*+]|^ [*+]|^\\s/, ' '],
  [/^\\n/, '\n'],
  [/^\\t/, '\t'],
  [/^\\([.()[\]{}*+?^$|\\/-])/, '$1'],
];

/** An example of what `pattern` matches, for people; null when the pattern is too complex to say so. */
export function patternExample(pattern: string): string | null {
  let rest = pattern.replace(/^\^/, '').replace(/(?<!\\)\$$/, '');
  let out = '';
  while (rest.length > 0) {
    const reading = READINGS.find(([re]) => re.test(rest));
    if (reading) {
      const [re, text] = reading;
      const m = re.exec(rest)!;
      out += text.replace('$1', m[1] ?? '');
      rest = rest.slice(m[0].length);
      continue;
    }
    const c = rest[0];
    // groups, classes, alternatives, quantifiers, anchors inside: too complex to give an example of
    if ('()[]{}|*+?^$\\.'.includes(c)) return null;
    out += c;
    rest = rest.slice(1);
  }
  return out;
}
