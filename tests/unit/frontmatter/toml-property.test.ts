// Property: on generated TOML front matters written in many styles (spaced table headers, tabs,
// trailing blanks, comments, CRLF, tables and arrays of tables), one field edit changes only that
// field's line; adding a field only adds lines; removing one only removes its line.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { setField, unsetField } from '../../../shared/frontmatter/edit';

interface Line {
  text: string;
  /** Key path of the scalar written on this line, if any. */
  path?: string[];
}

// Table names (below) are never key names, so the generated TOML is always valid.
const NAMES = ['title', 'subtitle', 'slug', 'weight', 'draft', 'name', 'summary', 'lang', 'color', 'count'];
const indent = fc.constantFrom('', '', '  ', '\t');
const equals = fc.constantFrom(' = ', ' = ', '=', '   =  ', '\t= ');
const tail = fc.constantFrom('', '', ' ', '   ', '\t', ' # note', '  # a "comment" ');
const text = fc.constantFrom('A', 'Tide tables', 'ünï 🎉', 'with "quotes"', "it's", 'a#b', 'x = y', '[not a table]');
const scalar = fc.oneof(
  text.map((t) => JSON.stringify(t)),
  text.filter((t) => !t.includes("'")).map((t) => `'${t}'`),
  fc.integer({ min: -5, max: 500 }).map(String),
  fc.constantFrom('true', 'false', '1.5', '2025-05-01', '2025-05-01T09:30:00-07:00', '[ "a",  "b" ]', '["x"]'),
);
const header = (name: string, arr: boolean) =>
  fc.constantFrom('', ' ', '  ').chain((sp) => fc.constantFrom('', ' ').map((sp2) => (arr ? `[[${sp}${name}${sp2}]]` : `[${sp}${name}${sp2}]`)));

/** Lines `key = value` under one table, with unique keys, blank lines and comments between. */
function keyValues(table: string[]): fc.Arbitrary<Line[]> {
  return fc
    .uniqueArray(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 5 })
    .chain((keys) =>
      fc.tuple(...keys.map((k) => fc.tuple(indent, equals, scalar, tail, fc.constantFrom('', '', '\n', '# remark\n')).map(([i, e, v, t, before]) => ({ k, i, e, v, t, before })))),
    )
    .map((rows) =>
      rows.flatMap(({ k, i, e, v, t, before }) => {
        const out: Line[] = before === '' ? [] : [{ text: before.replace(/\n$/, '') }];
        out.push({ text: `${i}${k}${e}${v}${t}`, path: [...table, k] });
        return out;
      }),
    );
}

const tables = fc.uniqueArray(fc.constantFrom('params', 'author', 'menu', 'build'), { maxLength: 3 }).chain((names) =>
  fc.tuple(...names.map((n) => fc.tuple(header(n, false), keyValues([n])).map(([h, kv]) => [{ text: h }, ...kv]))),
);
const links: fc.Arbitrary<Line[]> = fc.array(fc.tuple(header('links', true), indent, tail), { maxLength: 2 }).map((ls) => ls.flatMap(([h, i, t]) => [{ text: h }, { text: `${i}url = "https://example.org/"${t}` }]));

const frontMatter = fc.tuple(keyValues([]), tables, links, fc.constantFrom('\n', '\r\n')).map(([root, ts, ls, eol]) => ({
  lines: [...root, ...ts.flat(), ...ls],
  eol,
}));

const render = (lines: Line[], eol: string) => lines.map((l) => l.text + eol).join('');
const splitKeep = (s: string) => s.match(/[^\n]*\n|[^\n]+$/g) ?? [];

describe('TOML front-matter edits, generated', () => {
  it('a changed field changes its own line only; an added field only adds; a removed field removes its line only', () => {
    fc.assert(
      fc.property(frontMatter, fc.nat(), text, fc.constantFrom('set', 'add', 'unset'), ({ lines, eol }, pick, value, kind) => {
        const src = render(lines, eol);
        const fields = lines.map((l, i) => ({ ...l, i })).filter((l): l is Line & { path: string[]; i: number } => l.path !== undefined);
        const target = fields[pick % fields.length];
        const before = splitKeep(src);
        if (kind === 'set') {
          const out = setField('toml', src, target.path, value);
          const after = splitKeep(out);
          expect(after.length).toBe(before.length);
          const differ = before.map((l, i) => (l === after[i] ? -1 : i)).filter((i) => i >= 0);
          expect(differ.every((i) => i === target.i)).toBe(true);
          // The edited line keeps its indentation and its line ending.
          expect(after[target.i].match(/^[ \t]*/)![0]).toBe(before[target.i].match(/^[ \t]*/)![0]);
          expect(after[target.i].endsWith(eol)).toBe(true);
        } else if (kind === 'add') {
          const out = setField('toml', src, [...target.path.slice(0, -1), 'audience'], value);
          const after = splitKeep(out);
          // Every original line is still there, in order, byte for byte.
          let j = 0;
          for (const line of after) if (j < before.length && line === before[j]) j++;
          expect(j).toBe(before.length);
          expect(after.length).toBeGreaterThan(before.length);
        } else {
          const out = unsetField('toml', src, target.path);
          const after = splitKeep(out);
          // Only the field's own line goes, and a comment line right above it that the library
          // counts as the field's own.
          const expected = before.filter((_, i) => i !== target.i);
          const withoutComment = before.filter((_, i) => i !== target.i && !(i === target.i - 1 && before[i].startsWith('#')));
          expect([expected, withoutComment]).toContainEqual(after);
        }
      }),
      { numRuns: 300 },
    );
  });
});
