// The post service's view of front matter: byte-exact offsets, fields, plain errors, and
// gray-matter made safe (a `---js` post never runs; its cache does not leak edits).
import { describe, it, expect } from 'vitest';
import matter from 'gray-matter';
import { readFrontMatter } from '../../../electron/services/frontmatter/read-front-matter';
import { grayMatterRead, declaredLanguage } from '../../../electron/services/frontmatter/safe-gray-matter';

const g = globalThis as Record<string, unknown>;

describe('readFrontMatter', () => {
  it('reads YAML, TOML and JSON with their offsets', () => {
    const yaml = '---\ntitle: "Tides"\ndate: 2025-12-21T10:00:00\n---\nBody\n';
    const r = readFrontMatter(yaml);
    expect(r).toMatchObject({ format: 'yaml', frontMatter: 'title: "Tides"\ndate: 2025-12-21T10:00:00\n', fields: { title: 'Tides', date: '2025-12-21T10:00:00' }, frontMatterError: null });
    expect(yaml.slice(r.bodyOffset)).toBe('Body\n');
    expect(readFrontMatter('+++\r\ntitle = "T"\r\n+++\r\nB').fields).toEqual({ title: 'T' });
    expect(readFrontMatter('{\n"title": "J"\n}\nB').fields).toEqual({ title: 'J' });
    expect(readFrontMatter('No front matter').format).toBe('none');
  });

  it('gives the line and column in the file, in plain words', () => {
    const r = readFrontMatter('\n---\ntitle: x\ntitle: y\n---\n');
    expect(r.frontMatterError).toMatch(/^Line 4, column 1: The same field name appears twice/);
    expect(r.errorAt?.line).toBe(4);
    expect(readFrontMatter('---\ntitle: x\nBody without closing\n').frontMatterError).toMatch(/no closing "---"/);
  });

  it('never runs ---js front matter, whoever calls gray-matter', () => {
    g.pwned = false;
    const js = '---js\n{ title: (globalThis.pwned = true, "x") }\n---\nbody\n';
    expect(readFrontMatter(js).frontMatterError).toMatch(/never runs/);
    expect(declaredLanguage(js)).toBe('js');
    expect(() => grayMatterRead(js, 'yaml')).toThrow(/never runs code/);
    expect(() => matter(js)).toThrow(/never runs code/);
    expect(() => matter('---javascript\n{}\n---\n', { language: 'javascript' })).toThrow(/never runs code/);
    expect(() => matter('---coffee\ntitle: "x"\n---\n')).toThrow(/never runs code/);
    expect(g.pwned).toBe(false);
    expect(readFrontMatter('---yaml\ntitle: x\n---\n').frontMatterError).toMatch(/plain "---"/);
  });

  it('agrees with gray-matter, and gray-matter results do not leak between posts', () => {
    const text = '---\ntitle: Same\ntags: [a]\n---\nbody\n';
    const a = grayMatterRead(text, 'yaml');
    (a.data.tags as string[]).push('mutated');
    a.data.title = 'changed';
    const b = grayMatterRead(text, 'yaml');
    expect(b.data).toEqual({ title: 'Same', tags: ['a'] });
    expect(b.data).toEqual(readFrontMatter(text).fields);
    expect(b.matter.trim()).toBe(readFrontMatter(text).frontMatter.trim());
    expect(grayMatterRead('+++\ntitle = "T"\n+++\n', 'toml').data).toEqual({ title: 'T' });
  });
});
