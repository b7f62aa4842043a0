// Strict UTF-8 decoding of one sequence at a time, so that a run of garbled characters can be
// cut into the pieces that really were UTF-8 and the stray bytes around them.

/**
 * Decodes the UTF-8 sequence starting at bytes[i]. Returns the code point and its length, or
 * null when the bytes there are not a valid, shortest-form sequence (overlong forms and
 * surrogates are refused, as a strict decoder does).
 */
export function decodeUtf8At(bytes: Uint8Array, i: number): { cp: number; len: number } | null {
  const b0 = bytes[i];
  let len: number;
  let cp: number;
  let min: number;
  if (b0 >= 0xc2 && b0 <= 0xdf) [len, cp, min] = [2, b0 & 0x1f, 0x80];
  else if (b0 >= 0xe0 && b0 <= 0xef) [len, cp, min] = [3, b0 & 0x0f, 0x800];
  else if (b0 >= 0xf0 && b0 <= 0xf4) [len, cp, min] = [4, b0 & 0x07, 0x10000];
  else return null;
  if (i + len > bytes.length) return null;
  for (let k = 1; k < len; k++) {
    const b = bytes[i + k];
    if ((b & 0xc0) !== 0x80) return null;
    cp = (cp << 6) | (b & 0x3f);
  }
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return null;
  return { cp, len };
}
