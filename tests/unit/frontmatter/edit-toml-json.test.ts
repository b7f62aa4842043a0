// TOML and JSON front matter: one edit, one line; comments, order and line endings kept.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffLines } from 'diff';
import { setField, unsetField } from '../../../shared/frontmatter/edit';
import { parseFrontMatter } from '../../../shared/frontmatter/parse';
import { editPostFrontMatter } from '../../../shared/frontmatter/post-edit';

const fixture = (n: string) => readFileSync(join(__dirname, '../../fixtures/frontmatter', n), 'utf8');
const TOML = fixture('all-shapes.toml');
const JSONFM = fixture('all-shapes.json');

function changed(a: string, b: string): string[] {
  return diffLines(a, b).filter((p) => p.added || p.removed).map((p) => `${p.added ? '+' : '-'}${p.value}`);
}

describe('TOML edits', () => {
  it('changes only the edited line', () => {
    expect(changed(TOML, setField('toml', TOML, ['title'], 'Tide: high'))).toEqual(['-title = "Tide tables and tiny fish: a Driftwood recap"\n', '+title = "Tide: high"\n']);
    expect(changed(TOML, setField('toml', TOML, ['menu', 'main', 'weight'], 4))).toEqual(['-weight = 3 # after the home page\n', '+weight = 4 # after the home page\n']);
    expect(changed(TOML, setField('toml', TOML, ['slug'], 'tides'))).toEqual(["-slug = 'driftwood-tide-tables'\n", "+slug = 'tides'\n"]);
  });

  it('writes a changed date as a TOML date in the same style', () => {
    const out = setField('toml', TOML, ['date'], '2025-05-03T09:30:00-07:00');
    expect(changed(TOML, out)).toEqual(['-date = 2025-05-01T09:30:00-07:00\n', '+date = 2025-05-03T09:30:00-07:00\n']);
    expect(parseFrontMatter('toml', out).fields.date).toBe('2025-05-03T09:30:00-07:00');
    expect(parseFrontMatter('toml', TOML).fields.lastmod).toBe('2025-05-02');
  });

  it('adds and removes keys, keeping comments', () => {
    const added = setField('toml', TOML, ['audience'], 'Operators');
    expect(changed(TOML, added)).toEqual(['+audience = "Operators"\n']);
    // toml-patch treats a comment right above a key as that key's own, so it goes with it.
    const removed = unsetField('toml', TOML, ['slug']);
    expect(removed).toBe(TOML.replace("# the slug follows the title\nslug = 'driftwood-tide-tables'\n", ''));
    expect(unsetField('toml', TOML, ['weight'])).toBe(TOML.replace('weight = 12\n', ''));
  });

  it('leaves spaced table headers, trailing blanks and indentation of other lines alone (issue 20 item 5)', () => {
    // toml-patch rewrites `[ author ]` to `[author]`, `[[ links ]]` to `[[links]]` and drops the
    // trailing blank after "b" on every patch; none of those lines were asked to change.
    const src = 'title = "A"\nsubtitle = "b" \n[ author ]\nname = "Ana"\n[[ links ]]\nurl = "x"\n';
    expect(changed(src, setField('toml', src, ['title'], 'X'))).toEqual(['-title = "A"\n', '+title = "X"\n']);
    const post = `+++\n${src}+++\nBody\n`;
    expect(editPostFrontMatter(post, [{ path: ['title'], value: 'X' }])).toBe(post.replace('title = "A"', 'title = "X"'));
    // The edited line keeps its own indentation and trailing blanks; a new key inside a spaced
    // table header is added without rewriting the header; a removed key takes only its line.
    const spaced = '  title   =   "A"  # keep\n  subtitle = "b"   \n[ author ]\n\tname = "Ana"\n[[ links ]]\nurl = "x"\n';
    expect(changed(spaced, setField('toml', spaced, ['subtitle'], 'c'))).toEqual(['-  subtitle = "b"   \n', '+  subtitle = "c"   \n']);
    expect(changed(spaced, setField('toml', spaced, ['author', 'role'], 'host'))).toEqual([expect.stringMatching(/^\+\s*role = "host"\n$/)]);
    expect(unsetField('toml', spaced, ['author', 'name'])).toBe(spaced.replace('\tname = "Ana"\n', ''));
    expect(unsetField('toml', spaced, ['subtitle'])).toBe(spaced.replace('  subtitle = "b"   \n', ''));
  });

  it('keeps CRLF', () => {
    const crlf = TOML.replace(/\n/g, '\r\n');
    const out = setField('toml', setField('toml', crlf, ['draft'], true), ['audience'], 'All');
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
  });
});

describe('JSON edits', () => {
  it('changes only the edited line and keeps one-line lists on one line', () => {
    expect(changed(JSONFM, setField('json', JSONFM, ['title'], 'Tide'))).toEqual(['-    "title": "Harbour lights: Driftwood Summit day two",\n', '+    "title": "Tide",\n']);
    expect(changed(JSONFM, setField('json', JSONFM, ['tags'], ['Driftwood Summit', 'day two', 'night']))).toEqual([
      '-    "tags": ["Driftwood Summit", "day two"],\n',
      '+    "tags": ["Driftwood Summit", "day two", "night"],\n',
    ]);
    expect(changed(JSONFM, setField('json', JSONFM, ['menu', 'main', 'weight'], 4))).toEqual(['-            "weight": 3\n', '+            "weight": 4\n']);
  });

  it('adds a key with the file indentation and removes one', () => {
    const added = setField('json', JSONFM, ['audience'], 'All');
    expect(added).toBe(JSONFM.replace('    }\n}', '    },\n    "audience": "All"\n}'));
    expect(unsetField('json', JSONFM, ['draft'])).toBe(JSONFM.replace('    "draft": true,\n', ''));
    expect(unsetField('json', JSONFM, ['title'])).toBe(JSONFM.replace('    "title": "Harbour lights: Driftwood Summit day two",\n', ''));
  });
});

describe('parseFrontMatter', () => {
  it('keeps dates as written in every format', () => {
    expect(parseFrontMatter('yaml', 'a: 2025-05-01T0:00:00+00:00\nb: 2025-12-02\nc: 2025-12-21T10:00:00\n').fields).toEqual({
      a: '2025-05-01T0:00:00+00:00',
      b: '2025-12-02',
      c: '2025-12-21T10:00:00',
    });
    expect(parseFrontMatter('toml', 'd = 1979-05-27 07:32:00Z\nl = 1979-05-27\n').fields).toEqual({ d: '1979-05-27 07:32:00Z', l: '1979-05-27' });
    expect(parseFrontMatter('json', '{"date": "2025-12-21T10:00:00"}').fields).toEqual({ date: '2025-12-21T10:00:00' });
  });

  it('reports errors with a line and column in plain words', () => {
    expect(parseFrontMatter('yaml', 'title: x\ntitle: y\n').error).toMatchObject({ line: 2, message: expect.stringMatching(/same field name appears twice/) });
    expect(parseFrontMatter('toml', 'a = 1\nb = \n').error).toMatchObject({ line: 2, message: expect.stringMatching(/not valid TOML/) });
    expect(parseFrontMatter('json', '{\n  "a": 1,\n}').error).toMatchObject({ line: 3, message: expect.stringMatching(/not valid JSON/) });
    expect(parseFrontMatter('yaml', 'just words\n').error?.message).toMatch(/single value/);
  });
});
