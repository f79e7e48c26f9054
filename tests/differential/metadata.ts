/**
 * The metadata a corpus program carries in `//` comments at the top of its file:
 *
 *   // args: a b "c d"          argv after argv[0], split like a shell does (quotes, backslashes)
 *   // stdin: two\nlines\n      terminal input, with C escapes (\n \t \r \\ \" \0 \xHH)
 *   // outputs: any             the program is nondeterministic: the recording keeps every
 *                               outcome seen over many runs (default: "one", a single outcome)
 *   // runs: 100                how many runs record an `outputs: any` program (default: the
 *                               recorder's, 20); raise it where a rare interleaving must be seen
 *   // file: data.txt=a\nb\n    a file in the program's working directory before it starts
 *                               (name=content, content with C escapes); one line per file
 *   // stdout: pipe             the program runs as `./prog | cat` (stdout a pipe to cat,
 *                               stderr the terminal): the lab's --stdout pipe (default: tty)
 *
 * Only the leading run of `//` lines is read; other comments there are ignored.
 */

export type OutputsKind = 'one' | 'any';

/** A file the program finds in its working directory (`// file:`). */
export interface SeededFile {
  name: string;
  content: string;
}

export interface ProgramMetadata {
  args: string[];
  files: SeededFile[];
  stdin: string | null;
  outputs: OutputsKind;
  /** runs that record an `outputs: any` program, or null for the recorder's default */
  runs: number | null;
  /** `// stdout: pipe`: run as `./prog | cat` */
  stdoutPipe: boolean;
}

const METADATA_LINE = /^\/\/\s*(args|stdin|outputs|runs|file|stdout):\s?(.*)$/;

/** Reads the metadata of a C source. Throws (naming the line) on a malformed value. */
export function parseMetadata(source: string): ProgramMetadata {
  const meta: ProgramMetadata = { args: [], files: [], stdin: null, outputs: 'one', runs: null, stdoutPipe: false };
  for (const line of leadingCommentLines(source)) {
    const match = METADATA_LINE.exec(line);
    if (!match) continue;
    const [, key, value] = match;
    if (key === 'args') meta.args = splitArgs(value);
    else if (key === 'stdin') meta.stdin = unescapeC(value);
    else if (key === 'runs') meta.runs = parseRuns(value.trim(), line);
    else if (key === 'file') meta.files.push(parseFile(value, line));
    else if (key === 'stdout') meta.stdoutPipe = parseStdout(value.trim(), line);
    else meta.outputs = parseOutputsKind(value.trim(), line);
  }
  return meta;
}

/** The lines of the first block of `//` comments (the file's first lines), trailing space removed. */
function leadingCommentLines(source: string): string[] {
  const lines: string[] = [];
  for (const raw of source.split('\n')) {
    const line = raw.replace(/\s+$/, '');
    if (!line.startsWith('//')) break;
    lines.push(line);
  }
  return lines;
}

function parseFile(value: string, line: string): SeededFile {
  const eq = value.indexOf('=');
  const name = value.slice(0, eq);
  if (eq <= 0 || !/^[A-Za-z0-9._-]+$/.test(name)) throw new Error(`bad metadata "${line}": file must be NAME=CONTENT with a plain file name`);
  return { name, content: unescapeC(value.slice(eq + 1)) };
}

function parseRuns(value: string, line: string): number {
  if (/^[1-9]\d{0,3}$/.test(value)) return Number(value);
  throw new Error(`bad metadata "${line}": runs must be a whole number from 1 to 9999`);
}

function parseStdout(value: string, line: string): boolean {
  if (value === 'pipe' || value === 'tty') return value === 'pipe';
  throw new Error(`bad metadata "${line}": stdout must be "pipe" or "tty"`);
}

function parseOutputsKind(value: string, line: string): OutputsKind {
  if (value === 'one' || value === 'any') return value;
  throw new Error(`bad metadata "${line}": outputs must be "one" or "any"`);
}

/**
 * Splits an argument string as a POSIX shell would for plain words: blanks separate words,
 * "double" and 'single' quotes group, a backslash escapes the next character (inside double
 * quotes only before " and \). No expansions.
 */
export function splitArgs(text: string): string[] {
  const args: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === ' ' || c === '\t') {
      if (inWord) args.push(word);
      word = '';
      inWord = false;
    } else if (c === "'") {
      const end = closingQuote(text, i, "'");
      word += text.slice(i + 1, end);
      i = end;
      inWord = true;
    } else if (c === '"') {
      const end = closingQuote(text, i, '"');
      word += text.slice(i + 1, end).replace(/\\(["\\])/g, '$1');
      i = end;
      inWord = true;
    } else if (c === '\\' && i + 1 < text.length) {
      word += text[++i];
      inWord = true;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) args.push(word);
  return args;
}

function closingQuote(text: string, open: number, quote: string): number {
  for (let i = open + 1; i < text.length; i++) {
    if (quote === '"' && text[i] === '\\') i++;
    else if (text[i] === quote) return i;
  }
  throw new Error(`unterminated ${quote} in args: ${text}`);
}

const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'", '0': '\0',
};

/** Replaces C escapes (\n \t \r \\ \" \' \0 \xHH) by the characters they stand for. */
export function unescapeC(text: string): string {
  return text.replace(/\\(x[0-9a-fA-F]{2}|.)/g, (whole, esc: string) => {
    if (esc.length === 3) return String.fromCharCode(parseInt(esc.slice(1), 16));
    const ch = SIMPLE_ESCAPES[esc];
    if (ch === undefined) throw new Error(`unknown escape ${whole} in stdin metadata`);
    return ch;
  });
}
