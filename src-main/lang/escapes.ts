/** Escape sequences of C string and character literals. */

/**
 * The bytes of a string or character literal's body (without quotes), escapes decoded and other
 * characters in UTF-8. With `offsets`, also the index in body where each byte was written.
 */
export function decodeEscapes(body: string, offsets?: number[]): Uint8Array {
  const out: number[] = [];
  const enc = new TextEncoder();
  for (let i = 0; i < body.length; ) {
    const start = i;
    const c = body[i];
    if (c !== '\\') {
      const cp = body.codePointAt(i)!;
      if (cp < 128) out.push(cp);
      else out.push(...enc.encode(String.fromCodePoint(cp)));
      i += cp > 0xffff ? 2 : 1;
    } else {
      const e = body[i + 1];
      if (e === 'x') {
        let j = i + 2;
        let v = 0;
        while (j < body.length && /[0-9a-fA-F]/.test(body[j])) v = (v * 16 + parseInt(body[j++], 16)) & 0xff;
        out.push(v);
        i = j;
      } else if (e >= '0' && e <= '7') {
        let j = i + 1;
        let v = 0;
        while (j < i + 4 && j < body.length && body[j] >= '0' && body[j] <= '7') v = v * 8 + Number(body[j++]);
        out.push(v & 0xff);
        i = j;
      } else {
        const simple: Record<string, number> = { n: 10, t: 9, r: 13, a: 7, b: 8, f: 12, v: 11, e: 27, '\\': 92, "'": 39, '"': 34, '?': 63, '0': 0 };
        out.push(simple[e] ?? e.charCodeAt(0));
        i += 2;
      }
    }
    if (offsets) while (offsets.length < out.length) offsets.push(start);
  }
  return Uint8Array.from(out);
}
