// Editing one YAML field changes that field's lines only; every other shape real posts use
// (quotes, lists, folded text, dates in several styles, comments) stays byte for byte.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffLines } from 'diff';
import { setField, unsetField } from '../../../shared/frontmatter/edit';
import { parseFrontMatter } from '../../../shared/frontmatter/parse';

const SRC = readFileSync(join(__dirname, '../../fixtures/frontmatter/all-shapes.yaml'), 'utf8');

/** A new value for each field, of the kind a writer would pick in the form. */
const EDITS: Record<string, unknown> = {
  title: 'A new title: with a colon',
  description: "Port Alder's second day",
  lead: 'Another lead',
  slug: 'driftwood-2025',
  tags: ['Driftwood Summit', 'Tidal Computing', 'recap', 'harbour'],
  categories: ['Events'],
  date: '2025-12-03',
  summary: 'A shorter summary of the two days.\n',
  canonicalurl: 'https://lanternfish.example/blog/driftwood-2025',
  draft: true,
  weight: 7,
  images: ['images/blog/2025/driftwood/stage.png'],
  contributors: ['Mara Okonkwo-Lindqvist', 'Ivo Brandt'],
  speakers: ['Ivo Brandt', 'Selma Ruiz', 'Nadia Ferreira'],
  lastmod: '2025-05-02T9:00:00+00:00',
  publishDate: '2025-12-22T11:00:00',
  expiryDate: '2025-12-09T10:30:14-05:00',
};

/** The [start, end) offsets of a top-level field's lines: its key line and indented lines after it. */
function region(text: string, key: string): [number, number] {
  const start = text.search(new RegExp(`^${key}:`, 'm'));
  let end = text.indexOf('\n', start) + 1;
  while (end < text.length && /^[ \t]/.test(text.slice(end))) end = text.indexOf('\n', end) + 1 || text.length;
  return [start, end];
}

describe('YAML field edits', () => {
  for (const [key, value] of Object.entries(EDITS)) {
    it(`changing ${key} leaves every other byte as it was`, () => {
      const out = setField('yaml', SRC, [key], value);
      const [from, to] = region(SRC, key);
      const tail = SRC.slice(to);
      expect(out.startsWith(SRC.slice(0, from))).toBe(true);
      expect(out.endsWith(tail)).toBe(true);
      expect(parseFrontMatter('yaml', out).fields).toEqual({ ...parseFrontMatter('yaml', SRC).fields, [key]: value });
      // The changed lines all belong to this field.
      const changed = diffLines(SRC, out).filter((p) => p.added || p.removed).map((p) => p.value).join('');
      for (const line of changed.split('\n').filter(Boolean)) {
        expect(line.startsWith(`${key}:`) || /^\s/.test(line)).toBe(true);
      }
    });
  }

  it('changes exactly one line for a one-line field, in its own quote style', () => {
    const cases: Array<[string, unknown, string]> = [
      ['title', 'Tide: high', 'title: "Tide: high"'],
      ['description', "It's here", "description: 'It''s here'"],
      ['lead', 'Plain words', 'lead: Plain words'],
      ['draft', true, 'draft: true'],
      ['weight', 7, 'weight: 7'],
      ['expiryDate', '2025-12-09T10:30:14-05:00', "expiryDate: '2025-12-09T10:30:14-05:00'"],
      ['lastmod', '2025-05-02T9:00:00+00:00', 'lastmod: 2025-05-02T9:00:00+00:00'],
      ['contributors', ['Mara Okonkwo-Lindqvist', 'Ivo Brandt'], 'contributors: ["Mara Okonkwo-Lindqvist", "Ivo Brandt"]'],
    ];
    for (const [key, value, line] of cases) {
      const out = setField('yaml', SRC, [key], value);
      const parts = diffLines(SRC, out).filter((p) => p.added || p.removed);
      expect(parts.map((p) => p.count)).toEqual([1, 1]);
      expect(parts[1].value).toBe(line + '\n');
    }
  });

  it('keeps a folded summary folded', () => {
    const out = setField('yaml', SRC, ['summary'], 'Short.\n');
    expect(out).toContain('summary: >\n  Short.\ncanonicalurl:');
    const two = setField('yaml', SRC, ['summary'], 'First line.\nSecond line.\n');
    expect(parseFrontMatter('yaml', two).fields.summary).toBe('First line.\nSecond line.\n');
  });

  it('adds an item to a block list as one new line in the same style', () => {
    const out = setField('yaml', SRC, ['speakers'], ['Ivo Brandt', 'Selma Ruiz', 'Nadia Ferreira']);
    const parts = diffLines(SRC, out).filter((p) => p.added || p.removed);
    expect(parts).toHaveLength(1);
    expect(parts[0].added && parts[0].value).toBe('  - "Nadia Ferreira"\n');
  });

  it('edits a nested key and adds one beside it', () => {
    const out = setField('yaml', SRC, ['menu', 'main', 'weight'], 4);
    expect(out).toBe(SRC.replace('    weight: 3\n', '    weight: 4\n'));
    const added = setField('yaml', SRC, ['menu', 'footer', 'weight'], 1);
    expect(added).toBe(SRC + '  footer:\n    weight: 1\n');
  });

  it('appends a new key in the file style and removes only a key’s own lines', () => {
    expect(setField('yaml', SRC, ['audience'], 'Operators')).toBe(SRC + 'audience: Operators\n');
    expect(setField('yaml', SRC, ['rooms'], ['Hall A'])).toBe(SRC + 'rooms:\n  - Hall A\n');
    const removed = unsetField('yaml', SRC, ['images']);
    expect(removed).toBe(SRC.replace('images: ["images/blog/2025/driftwood/booth.png"]\n', ''));
    expect(removed).toContain('# images: ["thumbnail.png"]\n# post thumb\n');
    expect(unsetField('yaml', SRC, ['tags'])).toBe(SRC.replace('tags:\n  - Driftwood Summit\n  - "Tidal Computing"\n  - recap\n', ''));
    expect(unsetField('yaml', SRC, ['menu', 'main', 'parent'])).toBe(SRC.replace('    parent: events\n', ''));
    expect(unsetField('yaml', SRC, ['nothing'])).toBe(SRC);
  });

  it('setting a value to what it already is changes nothing', () => {
    for (const [k, v] of Object.entries(parseFrontMatter('yaml', SRC).fields)) expect(setField('yaml', SRC, [k], v)).toBe(SRC);
  });

  it('keeps CRLF line endings, including on new lines', () => {
    const crlf = SRC.replace(/\n/g, '\r\n');
    const out = setField('yaml', setField('yaml', crlf, ['rooms'], ['Hall A', 'Hall B']), ['title'], 'Tide');
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
    expect(out).toBe(crlf.replace(/^title: .*\r\n/m, 'title: "Tide"\r\n') + 'rooms:\r\n  - Hall A\r\n  - Hall B\r\n');
    expect(setField('yaml', crlf, ['summary'], 'Short.\n')).toContain('summary: >\r\n  Short.\r\ncanonicalurl');
  });

  it('quotes a new text that would otherwise read as another type', () => {
    expect(setField('yaml', 'title: x\n', ['weight'], '7')).toBe('title: x\nweight: "7"\n');
    expect(setField('yaml', 'title: x\n', ['note'], 'a: b # c')).toBe('title: x\nnote: "a: b # c"\n');
    expect(setField('yaml', 'title: x\n', ['title'], 'true')).toBe('title: "true"\n');
    expect(setField('yaml', '', ['title'], 'First')).toBe('title: First\n');
  });

  it('follows a file that writes lists in flow style and quotes with single quotes', () => {
    const src = "title: 'A'\ntags: ['x', 'y']\n";
    expect(setField('yaml', src, ['categories'], ['Events'])).toBe(src + "categories: ['Events']\n");
    expect(setField('yaml', src, ['lead'], 'Hello')).toBe(src + "lead: 'Hello'\n");
  });

  it('keeps a flow map on its one line', () => {
    const src = 'title: A\nmenu: {main: {weight: 3}}\n';
    expect(setField('yaml', src, ['menu', 'main', 'weight'], 4)).toBe('title: A\nmenu: {main: {weight: 4}}\n');
  });

  it('refuses to edit broken front matter and changes nothing', () => {
    expect(() => setField('yaml', 'title: "x\n', ['draft'], true)).toThrow(/error on line/);
  });

  it('keeps a trailing comment on the edited line', () => {
    expect(setField('yaml', 'draft: false # until review\n', ['draft'], true)).toBe('draft: true # until review\n');
  });
});
