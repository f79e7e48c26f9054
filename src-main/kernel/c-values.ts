/**
 * Values as C would print them, from the bytes in a task's memory and the type as the compiler
 * writes it ("int", "char *", "int [3]", "struct pt"): what the viewer shows for a variable.
 *
 *   integers  42, -1            char      'a' (97), '\n' (10)
 *   pointers  0x4052a0, NULL    doubles   3.5
 *   arrays    {1, 2, 3} (at most 16 elements, then "...")
 *   char arrays  "hello" (up to the first NUL)
 *   structs   {.a = 1, .b = 2} (when the layout is known, else {...})
 */

/** A struct or union's members (byte offsets), as the compiler laid it out. */
export interface RecordLayout {
  members: { name: string; type: string; offset: number; size: number }[];
}

/** Finds the layout of "struct tag" / "union tag", or null when unknown. */
export type RecordLookup = (tagged: string) => RecordLayout | null;

export const MAX_ARRAY_ELEMENTS = 16;

/** How many bytes a value of `type` occupies, or null when the type string does not say. */
export function sizeOfType(type: string, records: RecordLookup): number | null {
  const t = stripQualifiers(type);
  const array = splitArray(t);
  if (array) {
    const inner = sizeOfType(array.element, records);
    return inner === null ? null : inner * array.length;
  }
  if (isPointerType(t)) return 8;
  const scalar = scalarOf(t);
  if (scalar) return scalar.size;
  const rec = records(t);
  if (rec) return rec.members.reduce((n, m) => Math.max(n, m.offset + m.size), 0);
  return null;
}

/** `bytes` (the whole object) formatted as C would print a value of `type`. */
export function formatValue(type: string, bytes: Uint8Array, records: RecordLookup, depth = 0): string {
  const t = stripQualifiers(type);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const array = splitArray(t);
  if (array) return formatArray(array.element, array.length, bytes, records, depth);
  if (isPointerType(t)) return formatPointer(bytes.byteLength >= 8 ? readI64(view, 0) : 0);
  const scalar = scalarOf(t) ?? (t.startsWith('enum ') ? SCALARS.int : null);
  if (scalar) return formatScalar(scalar, view);
  const rec = /^(struct|union) /.test(t) ? records(t) : null;
  if (rec) {
    if (depth > 4) return '{...}';
    const parts = rec.members.map((m) => {
      const slice = bytes.subarray(m.offset, m.offset + m.size);
      return `.${m.name} = ${formatValue(m.type, slice, records, depth + 1)}`;
    });
    return `{${parts.join(', ')}}`;
  }
  if (/^(struct|union) /.test(t)) return '{...}';
  // an unknown name (a typedef the compiler did not expand): a signed integer of its size
  const bySize = [null, SCALARS['signed char'], SCALARS.short, null, SCALARS.int, null, null, null, SCALARS.long][bytes.byteLength];
  return bySize ? formatScalar(bySize, view) : '?';
}

function formatArray(element: string, length: number, bytes: Uint8Array, records: RecordLookup, depth: number): string {
  const e = stripQualifiers(element);
  if (e === 'char' || e === 'signed char' || e === 'unsigned char') return formatCharArray(bytes.subarray(0, length));
  const size = length > 0 ? bytes.byteLength / length : 0;
  const shown = Math.min(length, MAX_ARRAY_ELEMENTS);
  const parts: string[] = [];
  for (let i = 0; i < shown; i++) parts.push(formatValue(element, bytes.subarray(i * size, (i + 1) * size), records, depth + 1));
  if (length > shown) parts.push('...');
  return `{${parts.join(', ')}}`;
}

/** A char array as a C string literal, up to its first NUL. */
function formatCharArray(bytes: Uint8Array): string {
  let end = bytes.indexOf(0);
  if (end < 0) end = bytes.length;
  let out = '"';
  for (let i = 0; i < end; i++) out += escapeChar(bytes[i], '"');
  return out + '"';
}

function formatPointer(p: number): string {
  if (p === 0) return 'NULL';
  const unsigned = p < 0 ? BigInt.asUintN(64, BigInt(p)) : BigInt(p);
  return `0x${unsigned.toString(16)}`;
}

interface Scalar {
  size: number;
  kind: 'signed' | 'unsigned' | 'char' | 'uchar' | 'float' | 'bool';
}

const SCALARS: Record<string, Scalar> = {
  char: { size: 1, kind: 'char' },
  'signed char': { size: 1, kind: 'char' },
  'unsigned char': { size: 1, kind: 'uchar' },
  _Bool: { size: 1, kind: 'bool' },
  bool: { size: 1, kind: 'bool' },
  short: { size: 2, kind: 'signed' },
  'unsigned short': { size: 2, kind: 'unsigned' },
  int: { size: 4, kind: 'signed' },
  'unsigned int': { size: 4, kind: 'unsigned' },
  unsigned: { size: 4, kind: 'unsigned' },
  long: { size: 8, kind: 'signed' },
  'unsigned long': { size: 8, kind: 'unsigned' },
  'long long': { size: 8, kind: 'signed' },
  'unsigned long long': { size: 8, kind: 'unsigned' },
  float: { size: 4, kind: 'float' },
  double: { size: 8, kind: 'float' },
  // the typedefs of the lab's headers
  pid_t: { size: 4, kind: 'signed' },
  uid_t: { size: 4, kind: 'unsigned' },
  size_t: { size: 8, kind: 'unsigned' },
  ssize_t: { size: 8, kind: 'signed' },
  off_t: { size: 8, kind: 'signed' },
  time_t: { size: 8, kind: 'signed' },
  pthread_t: { size: 8, kind: 'unsigned' },
  sig_atomic_t: { size: 4, kind: 'signed' },
};

function scalarOf(t: string): Scalar | null {
  const normal = t.replace(/\bsigned (short|int|long)/, '$1').replace(/ int$/, '').replace(/^short int$/, 'short');
  return SCALARS[t] ?? SCALARS[normal] ?? null;
}

function formatScalar(s: Scalar, view: DataView): string {
  switch (s.kind) {
    case 'char': {
      const c = view.getInt8(0);
      return `'${escapeChar(c & 0xff, "'")}' (${c})`;
    }
    case 'uchar': {
      const c = view.getUint8(0);
      return `'${escapeChar(c, "'")}' (${c})`;
    }
    case 'bool':
      return String(view.getUint8(0));
    case 'float':
      return String(s.size === 4 ? view.getFloat32(0, true) : view.getFloat64(0, true));
    case 'signed':
      if (s.size === 1) return String(view.getInt8(0));
      if (s.size === 2) return String(view.getInt16(0, true));
      if (s.size === 4) return String(view.getInt32(0, true));
      return view.getBigInt64(0, true).toString();
    case 'unsigned':
      if (s.size === 1) return String(view.getUint8(0));
      if (s.size === 2) return String(view.getUint16(0, true));
      if (s.size === 4) return String(view.getUint32(0, true));
      return view.getBigUint64(0, true).toString();
  }
}

const ESCAPES: Record<number, string> = { 0: '\\0', 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r', 92: '\\\\' };

function escapeChar(c: number, quote: string): string {
  if (ESCAPES[c]) return ESCAPES[c];
  if (String.fromCharCode(c) === quote) return `\\${quote}`;
  if (c >= 32 && c < 127) return String.fromCharCode(c);
  return `\\${c.toString(8).padStart(3, '0')}`;
}

function readI64(view: DataView, offset: number): number {
  return view.getInt32(offset + 4, true) * 4294967296 + view.getUint32(offset, true);
}

function stripQualifiers(type: string): string {
  return type.replace(/\b(const|volatile|static|register|restrict)\b\s*/g, '').replace(/\s+/g, ' ').trim();
}

/** True for pointers and function pointers ("char *", "void (*)(int)", "int (*)[3]"). */
function isPointerType(t: string): boolean {
  if (t.includes('(*')) return true;
  return t.endsWith('*');
}

/** "int [2][3]" → element "int [3]", length 2; null when not an array type. */
function splitArray(t: string): { element: string; length: number } | null {
  if (t.includes('(*')) return null;
  const m = /^(.*?) ?\[(\d*)\](.*)$/.exec(t);
  if (!m) return null;
  const rest = m[3].trim();
  return { element: rest ? `${m[1]} ${rest}` : m[1], length: m[2] === '' ? 0 : Number(m[2]) };
}
