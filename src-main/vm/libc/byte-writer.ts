/**
 * A growable byte buffer for building printf output without intermediate strings.
 */
export class ByteWriter {
  private bytes: Uint8Array;
  private length = 0;

  /** A writer with room for `capacity` bytes to start with (it grows as needed). */
  constructor(capacity = 64) {
    this.bytes = new Uint8Array(Math.max(capacity, 16));
  }

  /** Makes room for `extra` more bytes. */
  private reserve(extra: number): void {
    const needed = this.length + extra;
    if (needed <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < needed) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  /** The number of bytes written so far (what %n stores). */
  get count(): number {
    return this.length;
  }

  /** Appends one byte (the low 8 bits of b). */
  byte(b: number): void {
    this.reserve(1);
    this.bytes[this.length++] = b & 0xff;
  }

  /** Appends a string of ASCII characters, one byte each. */
  ascii(text: string): void {
    this.reserve(text.length);
    for (let i = 0; i < text.length; i++) this.bytes[this.length++] = text.charCodeAt(i);
  }

  /** Appends raw bytes. */
  append(data: Uint8Array): void {
    this.reserve(data.length);
    this.bytes.set(data, this.length);
    this.length += data.length;
  }

  /** Appends `count` copies of byte b (nothing when count <= 0). */
  repeat(b: number, count: number): void {
    if (count <= 0) return;
    this.reserve(count);
    this.bytes.fill(b, this.length, this.length + count);
    this.length += count;
  }

  /** The bytes written, as a fresh array. */
  result(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}
