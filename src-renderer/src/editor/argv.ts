/**
 * The argv field: the words a student types after the program's name, split as a shell splits
 * them (spaces separate words; "double" or 'single' quotes keep spaces; a backslash escapes the
 * next character), and the reverse, to show an exercise's arguments in the same notation.
 */

export type ParsedArgs = { ok: true; args: string[] } | { ok: false; message: string };

/** Splits an argument line into words; an unclosed quote is an error that says which. */
export function parseArgs(line: string): ParsedArgs {
  const args: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote === "'") {
      if (c === "'") quote = null;
      else word += c;
    } else if (c === '\\' && i + 1 < line.length && (quote === null || /["\\$`]/.test(line[i + 1]!))) {
      word += line[++i];
      inWord = true;
    } else if (quote === '"') {
      if (c === '"') quote = null;
      else word += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) args.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote) return { ok: false, message: `an argument starts with ${quote} but is never closed: add the closing ${quote}` };
  if (inWord) args.push(word);
  return { ok: true, args };
}

/** Writes words so that parseArgs gives them back (quoting those with spaces or quotes). */
export function formatArgs(args: readonly string[]): string {
  return args.map((a) => (a !== '' && /^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}
