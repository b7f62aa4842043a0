import { describe, expect, it } from 'vitest';
import { readFields, setField, splitLines } from '../../../renderer/app/front-matter-lines';

const yaml = [
  'title: "Opening night at Driftwood Summit" # shown on the home page',
  "author: 'Mara O''Neill'",
  'date: 2024-05-02T09:00:00+02:00',
  'draft: false',
  'tags: [keynote, summit]',
  'categories:',
  '  - events',
  '  - news',
  'summary: >',
  '  Folded text',
  'slug: opening-night   ',
  '',
].join('\r\n');

describe('readFields (YAML)', () => {
  it('finds top-level scalars with their decoded values and styles', () => {
    const f = readFields(yaml, 'yaml');
    expect(f.map((x) => [x.key, x.value, x.style, x.editable])).toEqual([
      ['title', 'Opening night at Driftwood Summit', 'double', true],
      ['author', "Mara O'Neill", 'single', true],
      ['date', '2024-05-02T09:00:00+02:00', 'plain', true],
      ['draft', 'false', 'plain', true],
      ['tags', '[keynote, summit]', 'plain', false],
      ['categories', '', 'plain', false],
      ['summary', '>', 'plain', false],
      ['slug', 'opening-night', 'plain', true],
    ]);
    expect(f.find((x) => x.key === 'categories')?.written).toBe('events, news');
  });
});

describe('setField', () => {
  function changedLines(a: string, b: string): number[] {
    const la = splitLines(a);
    const lb = splitLines(b);
    expect(lb.length).toBe(la.length);
    return la.flatMap((l, i) => (l.content + l.ending === lb[i].content + lb[i].ending ? [] : [i]));
  }

  it('rewrites only the changed line, keeping quotes, comment and CRLF', () => {
    const out = setField(yaml, 'yaml', 'title', 'Closing "night"', yaml);
    expect(changedLines(yaml, out)).toEqual([0]);
    expect(splitLines(out)[0]).toEqual({ content: 'title: "Closing \\"night\\"" # shown on the home page', ending: '\r\n' });
  });

  it('keeps single quotes and doubles embedded ones', () => {
    const out = setField(yaml, 'yaml', 'author', "Ilse O'Brien", yaml);
    expect(splitLines(out)[1].content).toBe("author: 'Ilse O''Brien'");
  });

  it('keeps plain values plain when safe and quotes them when not', () => {
    expect(splitLines(setField(yaml, 'yaml', 'slug', 'closing-night', yaml))[10].content).toBe('slug: closing-night   ');
    expect(splitLines(setField(yaml, 'yaml', 'slug', 'a: b', yaml))[10].content).toBe('slug: "a: b"   ');
  });

  it('returns the original line byte for byte when the value comes back', () => {
    const once = setField(yaml, 'yaml', 'slug', 'a: b', yaml);
    expect(setField(once, 'yaml', 'slug', 'opening-night', yaml)).toBe(yaml);
  });

  it('leaves read-only fields and unknown keys alone', () => {
    expect(setField(yaml, 'yaml', 'tags', 'x', yaml)).toBe(yaml);
    expect(setField(yaml, 'yaml', 'nope', 'x', yaml)).toBe(yaml);
  });

  it('handles TOML, stopping at the first table', () => {
    const toml = 'title = "Lanternfish Labs at the summit"\ndraft = true\nweight = 3\n\n[params]\nauthor = "x"\n';
    const f = readFields(toml, 'toml');
    expect(f.map((x) => x.key)).toEqual(['title', 'draft', 'weight']);
    expect(setField(toml, 'toml', 'draft', 'false', toml)).toBe(toml.replace('draft = true', 'draft = false'));
    expect(setField(toml, 'toml', 'weight', 'heavy', toml)).toBe(toml.replace('weight = 3', 'weight = "heavy"'));
    expect(setField(toml, 'toml', 'title', 'Näher', toml)).toBe(toml.replace('"Lanternfish Labs at the summit"', '"Näher"'));
  });

  it('keeps a file without a final newline without one', () => {
    const t = 'title: a\ndraft: true';
    expect(setField(t, 'yaml', 'draft', 'false', t)).toBe('title: a\ndraft: false');
  });
});
