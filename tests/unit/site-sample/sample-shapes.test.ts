// The sample site is the project's fixture of real-world post shapes (see the team's
// content-shapes notes). This test keeps it honest: if someone "tidies" a post, the shape it
// carried must still be somewhere in the sample.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const blog = resolve(__dirname, '..', '..', '..', 'content', 'content', 'blog');
const posts = readdirSync(blog)
  .filter((d) => statSync(join(blog, d)).isDirectory())
  .map((slug) => ({ slug, bytes: readFileSync(join(blog, slug, 'index.md')) }))
  .map((p) => ({ ...p, text: p.bytes.toString('utf8') }));
const all = posts.map((p) => p.text).join('\n');
const frontOf = (t: string) => /^---\r?\n([\s\S]*?)\r?\n---/.exec(t)?.[1] ?? '';
const yamlFronts = posts.map((p) => frontOf(p.text)).join('\n');

const shapes: Array<[string, RegExp]> = [
  ['double-quoted string with \' : + ?', /^title: "(?=[^"\n]*')(?=[^"\n]*:)(?=[^"\n]*\+)(?=[^"\n]*\?)[^"\n]+"$/m],
  ['single-quoted string', /^title: '[^'\n]+'/m],
  ['block sequence, two-space indent', /^tags:\r?\n {2}- \w/m],
  ['flow sequence', /^\w+: \["[^"]+"(, "[^"]+")*\]/m],
  ['block sequence of quoted strings', /^ {2}- "[^"]+"/m],
  ['folded scalar with one long line', /^summary: >\r?\n {2}.{280,}$/m],
  ['bare date', /^date: \d{4}-\d\d-\d\d\r?$/m],
  ['single-digit hour with offset', /^date: \d{4}-\d\d-\d\dT\d:\d\d:\d\d\+00:00/m],
  ['date-time without zone', /^date: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\r?$/m],
  ['quoted date-time, negative offset', /^date: '\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d-\d\d:\d\d'/m],
  ['boolean', /^draft: (true|false)/m],
  ['integer', /^weight: \d+/m],
  ['commented-out key', /^# images: \[/m],
  ['comment', /^# post thumb/m],
  ['URL value', /^canonicalurl: "https:\/\//m],
];

const bodyShapes: Array<[string, RegExp]> = [
  ['shortcode with spaces', /\{\{< youtube \w+ >\}\}/],
  ['shortcode without spaces, quoted attributes', /\{\{<figure src="booth\.png" title="[^"]+" alt="[^"]+" height="100%" width="100%">\}\}/],
  ['paired shortcode', /\{\{< note >\}\}[\s\S]+?\{\{< \/note >\}\}/],
  ['percent shortcode', /\{\{% \w+/],
  ['HTML comment with old markdown', /<!-- !\[[^\]]+\]\([^)]+\)/],
  ['raw img into static', /<img src="\/images\/blog\/2025\/[^"]+\.png" class="[^"]+">/],
  ['bold heading', /^### \*\*[^*]+\*\*$/m],
  ['speaker line', /^\*\*Speaker\*\*: [^(]+ \([^)]+\)\r?$/m],
  ['session link after speaker', /^\*\*Speaker\*\*:.*\r?\n\r?\n\[Session Link\]\(https:\/\//m],
  ['numbered list with one-space sub-items', /^1\. .+\r?\n - .+/m],
  ['line holding a single space', /^ \r?$/m],
  ['trailing spaces', /\S {2}\r?$/m],
  ['emphasis inside quotes', /"\*[^*]+\*/],
  ['long query string', /\?iframe=no&w=100%&sidebar=yes/],
  ['emoji', /\p{Extended_Pictographic}/u],
  ['smileys', /:\)[\s\S]*:P|:P[\s\S]*:\)/],
  ['mojibake', /‚Äô[\s\S]*‚Äú[\s\S]*‚Ä¶[\s\S]*\uF8FFüöÄ/],
];

describe('the sample site covers every real-world shape', () => {
  it('has at least 8 page bundles', () => {
    expect(posts.length).toBeGreaterThanOrEqual(8);
  });
  it.each(shapes)('front matter: %s', (_name, re) => {
    expect(yamlFronts).toMatch(re);
  });
  it.each(bodyShapes)('body: %s', (_name, re) => {
    expect(all).toMatch(re);
  });
  it('has a post whose front matter is only date then title', () => {
    expect(posts.some((p) => /^date: .+\r?\ntitle: .+$/.test(frontOf(p.text)))).toBe(true);
  });
  it('has TOML, JSON, CRLF, draft, mojibake-in-title posts', () => {
    expect(posts.some((p) => p.text.startsWith('+++\n'))).toBe(true);
    expect(posts.some((p) => p.text.startsWith('{\n'))).toBe(true);
    expect(posts.some((p) => p.text.includes('\r\n') && !/[^\r]\n/.test(p.text))).toBe(true);
    expect(posts.some((p) => /^draft: true/m.test(p.text))).toBe(true);
    expect(posts.some((p) => /^title: .*‚Äô/m.test(p.text))).toBe(true);
  });
  it('has files with and without a final newline', () => {
    expect(posts.some((p) => p.bytes.at(-1) === 0x0a)).toBe(true);
    expect(posts.some((p) => p.bytes.at(-1) !== 0x0a)).toBe(true);
  });
  it('references an image that is missing from its bundle, and has the others', () => {
    let missing = 0;
    for (const p of posts) {
      for (const m of p.text.matchAll(/src="([^"/]+\.(?:png|jpe?g))"/g)) {
        if (!existsSync(join(blog, p.slug, m[1]))) missing++;
      }
    }
    expect(missing).toBeGreaterThanOrEqual(1);
  });
  it('keeps every image small', () => {
    const root = resolve(blog, '..', '..');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(png|jpe?g)$/i.test(f));
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const f of files) expect(statSync(join(root, f)).size, f).toBeLessThan(30 * 1024);
  });
});
