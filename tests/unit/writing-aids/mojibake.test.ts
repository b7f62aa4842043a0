// Garbled characters: the shapes real posts show, repair that touches only garbled lines, and
// no false alarms on real non-English text (our own fixtures in six languages).
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  detectMojibake,
  fixMojibake,
  lineOf,
  decodeCodePage,
  encodeCodePage,
  MAC_ROMAN,
  WINDOWS_1252,
  type CodePageTable,
} from '../../../shared/mojibake';

const FIX = join(__dirname, '../../fixtures/writing-aids');
const read = (name: string) => readFileSync(join(FIX, name), 'utf8');
const garble = (s: string, t: CodePageTable) => decodeCodePage(t, new TextEncoder().encode(s));

describe('code page tables', () => {
  it('Mac Roman agrees with the platform decoder where it has one', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    let platform: string | null = null;
    try {
      platform = new TextDecoder('macintosh').decode(bytes);
    } catch {}
    if (platform) expect(decodeCodePage(MAC_ROMAN, bytes)).toBe(platform);
    expect(MAC_ROMAN.decode[0xf0 - 0x80]).toBe('\uF8FF');
  });
  it('Windows-1252 maps 0x80–0x9F to typography, not controls', () => {
    expect(decodeCodePage(WINDOWS_1252, Uint8Array.of(0x80, 0x92, 0x93, 0x94, 0x85, 0x99))).toBe('€’“”…™');
    expect(WINDOWS_1252.decode[0x81 - 0x80]).toBe('\u0081');
  });
  it('encode is the inverse of decode over 0x80–0xFF', () => {
    for (const t of [MAC_ROMAN, WINDOWS_1252]) {
      const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
      expect([...encodeCodePage(t, decodeCodePage(t, bytes))!]).toEqual([...bytes]);
    }
    expect(encodeCodePage(MAC_ROMAN, '中')).toBeNull();
  });
});

describe('detectMojibake: the shapes in real posts', () => {
  const cases: Array<[string, string]> = [
    ['‚Äô', '’'],
    ['‚Äú', '“'],
    ['‚Äù', '”'],
    ['‚Ä¶', '…'],
    ['\uF8FFüöÄ', '🚀'],
    ['\uF8FFüòÑ', '😄'],
    ['\uF8FFüêª', '🐻'],
    ['â€™', '’'],
    ['â€œ', '“'],
    ['Ã©', 'é'],
    ['√©', 'é'],
    ['ðŸš€', '🚀'],
  ];
  for (const [garbled, meant] of cases) {
    it(`${JSON.stringify(garbled)} → ${meant}`, () => {
      const text = `We${garbled}re here`;
      const runs = detectMojibake(text);
      expect(runs).toHaveLength(1);
      expect(runs[0]).toMatchObject({ start: 2, end: 2 + garbled.length, original: garbled, fixed: meant });
      expect(fixMojibake(text)).toBe(`We${meant}re here`);
    });
  }

  it('reports the code page', () => {
    expect(detectMojibake('It‚Äôs')[0].encoding).toBe('mac-roman');
    expect(detectMojibake('Itâ€™s')[0].encoding).toBe('windows-1252');
  });

  it('undoes text garbled twice', () => {
    const twice = garble(garble('It’s', MAC_ROMAN), MAC_ROMAN);
    expect(fixMojibake(twice)).toBe('It’s');
  });

  it('gives the line of a run', () => {
    const text = 'a\nb\nIt‚Äôs';
    expect(lineOf(text, detectMojibake(text)[0].start)).toBe(3);
  });
});

describe('fixMojibake on a garbled recap', () => {
  const clean = read('recap-clean.md');

  it('repairs a post garbled through Mac Roman, front matter and body', () => {
    const garbled = read('recap-mac-roman.md');
    const runs = detectMojibake(garbled);
    const fmEnd = garbled.indexOf('\n---', 4);
    expect(runs.some((r) => r.end < fmEnd)).toBe(true); // title and description
    expect(runs.some((r) => r.start > fmEnd)).toBe(true); // body
    expect(runs.every((r) => r.encoding === 'mac-roman')).toBe(true);
    expect(fixMojibake(garbled)).toBe(clean);
  });

  it('changes only the garbled lines, leaving correct typography alone', () => {
    const garbled = read('recap-windows-1252.md');
    const fixed = fixMojibake(garbled);
    expect(fixed).toBe(clean);
    const before = garbled.split('\n');
    const after = fixed.split('\n');
    expect(after).toHaveLength(before.length);
    before.forEach((line, i) => {
      const hasRun = detectMojibake(line).length > 0;
      if (!hasRun) expect(after[i]).toBe(line);
    });
    // The heading retyped with real quotes is not garbled and not touched.
    expect(detectMojibake('## Day one: “Gentle rollouts”')).toEqual([]);
  });

  it('finds nothing in the clean post', () => {
    expect(detectMojibake(clean)).toEqual([]);
  });
});

describe('no false alarms on real non-English text', () => {
  const dir = join(FIX, 'languages');
  const files = readdirSync(dir).filter((f) => f.endsWith('.md'));

  it('has fixtures in Chinese, Persian, Hebrew, Estonian, German and French', () => {
    expect(files.sort()).toEqual(['de.md', 'et.md', 'fa.md', 'fr.md', 'he.md', 'zh.md']);
  });

  for (const f of files) {
    it(`${f}: nothing flagged`, () => {
      expect(detectMojibake(read(join('languages', f)))).toEqual([]);
    });
    it(`${f}: garbled through either code page, repaired to the byte`, () => {
      const text = read(join('languages', f));
      expect(fixMojibake(garble(text, MAC_ROMAN))).toBe(text);
      expect(fixMojibake(garble(text, WINDOWS_1252))).toBe(text);
    });
  }

  it('leaves French and German typography next to accented letters alone', () => {
    for (const s of ['l’été', 'd’Éric', '« déjà »', '„Fuß“', 'Köln–Ärger', 'café…”', 'naïve', 'Ça, à l’œil', 'GRÜẞE', 'Øre, Åse, Æble']) {
      expect(detectMojibake(s), s).toEqual([]);
    }
  });
});

describe('property: garbling then fixing restores the text', () => {
  const tokens = ['It’s', '“quoted”', '…', '🚀', '😄', 'café', 'naïve', 'Straße', '—', 'word', ' ', '\n', '2025', '€5', '中文', 'Привет'];
  it('for both code pages', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...tokens), { maxLength: 30 }), fc.constantFrom(MAC_ROMAN, WINDOWS_1252), (parts, table) => {
        const text = parts.join('');
        expect(fixMojibake(garble(text, table))).toBe(text);
        expect(detectMojibake(text)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
