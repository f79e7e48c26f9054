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

/** A type string, parsed once (the parse is cached: a run formats the same types again and again). */
type TypeDesc =
  | { kind: 'array'; element: TypeDesc; elementType: string; length: number; isChar: boolean }
  | { kind: 'pointer' }
  | { kind: 'scalar'; scalar: Scalar }
  | { kind: 'record'; tagged: string }
  | { kind: 'unknown' };

const descriptors = new Map<string, TypeDesc>();

function describe(type: string): TypeDesc {
  let d = descriptors.get(type);
  if (d === undefined) {
    d = parseType(type);
    descriptors.set(type, d);
  }
  return d;
}

function parseType(type: string): TypeDesc {
  const t = stripQualifiers(type);
  const array = splitArray(t);
  if (array) {
    const e = stripQualifiers(array.element);
    return { kind: 'array', element: describe(array.element), elementType: array.element, length: array.length, isChar: e === 'char' || e === 'signed char' || e === 'unsigned char' };
  }
  if (isPointerType(t)) return { kind: 'pointer' };
  const scalar = scalarOf(t) ?? (t.startsWith('enum ') ? SCALARS.int : null);
  if (scalar) return { kind: 'scalar', scalar };
  if (/^(struct|union) /.test(t)) return { kind: 'record', tagged: t };
  return { kind: 'unknown' };
}

/** How many bytes a value of `type` occupies, or null when the type string does not say. */
export function sizeOfType(type: string, records: RecordLookup): number | null {
  const d = describe(type);
  switch (d.kind) {
    case 'array': {
      const inner = sizeOfType(d.elementType, records);
      return inner === null ? null : inner * d.length;
    }
    case 'pointer':
      return 8;
    case 'scalar':
      return d.scalar.size;
    case 'record': {
      const rec = records(d.tagged);
      return rec ? rec.members.reduce((n, m) => Math.max(n, m.offset + m.size), 0) : null;
    }
    default:
      return null;
  }
}

/**
 * `bytes` formatted as C would print a value of `type` whose object is `size` bytes long.
 * `bytes` may hold only the first displayBytes(type, size) of them.
 */
export function formatValue(type: string, bytes: Uint8Array, records: RecordLookup, size = bytes.byteLength): string {
  return formatAt(describe(type), new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), 0, size, records, 0);
}

/** How many of an object's `size` bytes formatValue looks at (an array shows its first elements). */
export function displayBytes(type: string, size: number): number {
  const d = describe(type);
  if (d.kind !== 'array' || d.length === 0) return size;
  if (d.isChar) return Math.min(size, MAX_STRING_BYTES);
  return Math.min(size, (size / d.length) * MAX_ARRAY_ELEMENTS);
}

/** the longest char array shown as a string */
export const MAX_STRING_BYTES = 256;

function formatAt(d: TypeDesc, view: DataView, offset: number, size: number, records: RecordLookup, depth: number): string {
  switch (d.kind) {
    case 'array':
      return d.isChar ? formatCharArray(view, offset, Math.min(d.length, size, view.byteLength - offset)) : formatArray(d, view, offset, size, records, depth);
    case 'pointer':
      return formatPointer(size >= 8 ? readI64(view, offset) : 0);
    case 'scalar':
      return size >= d.scalar.size ? formatScalar(d.scalar, view, offset) : '?';
    case 'record': {
      const rec = records(d.tagged);
      if (!rec || depth > 4) return '{...}';
      const parts = rec.members.map((m) => `.${m.name} = ${formatAt(describe(m.type), view, offset + m.offset, m.size, records, depth + 1)}`);
      return `{${parts.join(', ')}}`;
    }
    default: {
      // an unknown name (a typedef the compiler did not expand): a signed integer of its size
      const bySize = [null, SCALARS['signed char'], SCALARS.short, null, SCALARS.int, null, null, null, SCALARS.long][size];
      return bySize ? formatScalar(bySize, view, offset) : '?';
    }
  }
}

function formatArray(d: TypeDesc & { kind: 'array' }, view: DataView, offset: number, size: number, records: RecordLookup, depth: number): string {
  const length = d.length;
  const elementSize = length > 0 ? size / length : 0;
  const shown = Math.min(length, MAX_ARRAY_ELEMENTS);
  const parts: string[] = [];
  for (let i = 0; i < shown; i++) parts.push(formatAt(d.element, view, offset + i * elementSize, elementSize, records, depth + 1));
  if (length > shown) parts.push('...');
  return `{${parts.join(', ')}}`;
}

/** A char array as a C string literal, up to its first NUL. */
function formatCharArray(view: DataView, offset: number, length: number): string {
  let out = '"';
  for (let i = 0; i < length; i++) {
    const c = view.getUint8(offset + i);
    if (c === 0) break;
    out += escapeChar(c, '"');
  }
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

/** The scalar a type names: "int", "unsigned long", gcc's "long unsigned int", a known typedef. */
function scalarOf(t: string): Scalar | null {
  const known = SCALARS[t];
  if (known) return known;
  const words = t.split(' ');
  if (!words.every((w) => INTEGER_WORDS.has(w))) return null;
  const unsigned = words.includes('unsigned');
  if (words.includes('char')) return unsigned ? SCALARS['unsigned char'] : SCALARS.char;
  const size = words.includes('short') ? 2 : words.includes('long') ? 8 : 4;
  return { size, kind: unsigned ? 'unsigned' : 'signed' };
}

const INTEGER_WORDS = new Set(['signed', 'unsigned', 'char', 'short', 'int', 'long']);

function formatScalar(s: Scalar, view: DataView, o: number): string {
  switch (s.kind) {
    case 'char': {
      const c = view.getInt8(o);
      return `'${escapeChar(c & 0xff, "'")}' (${c})`;
    }
    case 'uchar': {
      const c = view.getUint8(o);
      return `'${escapeChar(c, "'")}' (${c})`;
    }
    case 'bool':
      return String(view.getUint8(o));
    case 'float':
      return String(s.size === 4 ? view.getFloat32(o, true) : view.getFloat64(o, true));
    case 'signed':
      if (s.size === 1) return String(view.getInt8(o));
      if (s.size === 2) return String(view.getInt16(o, true));
      if (s.size === 4) return String(view.getInt32(o, true));
      return view.getBigInt64(o, true).toString();
    case 'unsigned':
      if (s.size === 1) return String(view.getUint8(o));
      if (s.size === 2) return String(view.getUint16(o, true));
      if (s.size === 4) return String(view.getUint32(o, true));
      return view.getBigUint64(o, true).toString();
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
