// The two 8-bit code pages that garble UTF-8 in practice, written as data: what each byte
// 0x80–0xFF shows as. A post saved "through" one of them had each UTF-8 byte turned into the
// character below, so encoding the garbled characters back to these bytes recovers the UTF-8.
// (Node's built-in windows-1252 decoder is really Latin-1, and the encode direction is not
// built in anywhere, hence tables rather than TextDecoder.)

export type CodePage = 'mac-roman' | 'windows-1252';

/** Mac OS Roman, bytes 0x80–0xFF (WHATWG "macintosh": 0xDB is €, 0xF0 is U+F8FF, the Apple logo). */
const MAC_ROMAN_HIGH =
  'ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø' +
  '¿¡¬√ƒ≈∆«»…\u00A0ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uF8FFÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ';

/**
 * Windows-1252, bytes 0x80–0x9F; 0xA0–0xFF are Latin-1. The five unassigned bytes (0x81,
 * 0x8D, 0x8F, 0x90, 0x9D) pass through as the C1 control of the same number, as browsers do.
 */
const CP1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const CP1252_HIGH = CP1252_80_9F + Array.from({ length: 96 }, (_, i) => String.fromCharCode(0xa0 + i)).join('');

export interface CodePageTable {
  name: CodePage;
  /** Character shown for byte 0x80 + i. */
  decode: readonly string[];
  /** Byte for each non-ASCII character of the code page (the inverse of decode). */
  encode: ReadonlyMap<string, number>;
}

function build(name: CodePage, high: string): CodePageTable {
  const decode = Array.from(high);
  if (decode.length !== 128) throw new Error(`${name} table must have 128 entries, has ${decode.length}`);
  const encode = new Map<string, number>();
  decode.forEach((ch, i) => encode.set(ch, 0x80 + i));
  return { name, decode, encode };
}

export const MAC_ROMAN: CodePageTable = build('mac-roman', MAC_ROMAN_HIGH);
export const WINDOWS_1252: CodePageTable = build('windows-1252', CP1252_HIGH);
export const CODE_PAGES: readonly CodePageTable[] = [MAC_ROMAN, WINDOWS_1252];

/** Encodes text to bytes of the code page, or null if a character has no byte there. */
export function encodeCodePage(table: CodePageTable, text: string): Uint8Array | null {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else {
      const b = table.encode.get(ch);
      if (b === undefined) return null;
      out.push(b);
    }
  }
  return Uint8Array.from(out);
}

/** Decodes bytes as the code page (what a wrong-encoding editor would have shown). */
export function decodeCodePage(table: CodePageTable, bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b < 0x80 ? String.fromCharCode(b) : table.decode[b - 0x80];
  return s;
}
