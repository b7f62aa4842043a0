import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  countMissingImages,
  findImageReferences,
  imageSnippet,
  preferredStyle,
  countImageStyles,
  renameImageReferences,
  sanitizeImageName,
  uniqueName,
  resolveImageSrc,
  siteLayoutOf,
  type SiteLayout,
} from '../../../shared/images';

const layout: SiteLayout = { contentDir: 'content', staticDir: 'static' };
const recap = readFileSync(join(__dirname, '../../fixtures/gallery/driftwood-recap.md'), 'utf8');
const POST = 'blog/driftwood/index.md';

describe('finding the images a post references', () => {
  const refs = findImageReferences(recap, POST, layout);

  it('finds every kind, in order, with lines, alt text and the src as written', () => {
    expect(refs.map((r) => [r.kind, r.src, r.line, r.alt])).toEqual([
      ['front-matter', 'images/blog/2025/driftwood/cover.png', 6, null],
      ['markdown', 'booth.jpg', 13, 'The Lanternfish booth before the doors opened'],
      ['figure', 'stage.png', 15, 'The main stage'],
      ['figure', 'crowd.webp', 17, 'The crowd at the keynote'],
      ['markdown', './stickers.jpg', 19, 'Stickers at the booth'],
      ['html', '/images/blog/2025/driftwood/photo-1.png', 21, null],
      ['markdown-ref', 'team%20photo.jpg', 28, null],
      ['markdown', 'https://cdn.example.com/remote.png', 36, 'Remote'],
      ['markdown', '../../../../etc/passwd', 36, 'escape attempt'],
    ]);
    for (const r of refs) expect(recap.slice(r.srcStart, r.srcEnd)).toBe(r.src);
  });

  it('resolves to site paths: bundle for relative, static for absolute, never outside the site', () => {
    const by = (src: string) => refs.find((r) => r.src === src)!;
    expect(by('booth.jpg').candidates).toEqual(['content/blog/driftwood/booth.jpg']);
    expect(by('team%20photo.jpg').candidates).toEqual(['content/blog/driftwood/team photo.jpg']);
    expect(by('/images/blog/2025/driftwood/photo-1.png').candidates[0]).toBe('static/images/blog/2025/driftwood/photo-1.png');
    // Front-matter images are page resources first, then files under static/.
    expect(by('images/blog/2025/driftwood/cover.png').candidates).toEqual([
      'content/blog/driftwood/images/blog/2025/driftwood/cover.png',
      'static/images/blog/2025/driftwood/cover.png',
    ]);
    expect(by('https://cdn.example.com/remote.png')).toMatchObject({ status: 'external', candidates: [] });
    expect(by('../../../../etc/passwd')).toMatchObject({ status: 'outside', candidates: [] });
    expect(by('./stickers.jpg').inComment).toBe(true);
  });

  it('flags anything that leaves the site or uses another scheme', () => {
    for (const src of ['../../../../etc/passwd', '/../../etc/passwd', 'file:///etc/passwd', 'C:\\Windows\\win.ini', 'javascript:alert(1)', '..%2F..%2F..%2F..%2Fetc%2Fpasswd']) {
      expect(resolveImageSrc(src, POST, layout).status, src).toBe('outside');
    }
    expect(resolveImageSrc('../other-post/a.png', POST, layout)).toEqual({ status: 'local', candidates: ['content/blog/other-post/a.png'] });
    expect(resolveImageSrc('data:image/png;base64,AAAA', POST, layout).status).toBe('data');
    expect(resolveImageSrc('//cdn.example.com/a.png', POST, layout).status).toBe('external');
  });

  it('reads front matter images as a string, in TOML and in JSON', () => {
    const yaml = '---\nimages: cover.png\n---\n';
    const toml = '+++\ntitle = "x"\nimages = ["a.png", "b.png"]\n+++\nbody\n';
    const json = '{\n  "title": "x",\n  "images": ["c.png"]\n}\nbody\n';
    expect(findImageReferences(yaml, POST, layout).map((r) => [r.src, r.line])).toEqual([['cover.png', 2]]);
    expect(findImageReferences(toml, POST, layout).map((r) => [r.src, r.line])).toEqual([['a.png', 3], ['b.png', 3]]);
    expect(findImageReferences(json, POST, layout).map((r) => [r.src, r.line])).toEqual([['c.png', 3]]);
  });

  it('handles the forms Markdown allows', () => {
    const text = [
      '![a](<my photo.png> "t")',
      '[![linked](inner.png)](https://example.com)',
      '![b](path/with(parens).png)',
      '\\![not an image](x.png)',
      '![c][Ref One] ![Ref One] ![d][]',
      '{{% figure src="pct.png" %}} {{</* figure src="escaped.png" */>}}',
      '<IMG alt="" SRC=\'upper.png\'>',
      '',
      '[ref one]: ./ref.png',
      '[d]: d.png',
    ].join('\n');
    expect(findImageReferences(text, 'p.md', layout).map((r) => [r.kind, r.src, r.alt])).toEqual([
      ['markdown', 'my photo.png', 'a'],
      ['markdown', 'inner.png', 'linked'],
      ['markdown', 'path/with(parens).png', 'b'],
      ['markdown-ref', './ref.png', 'c'],
      ['markdown-ref', './ref.png', 'Ref One'],
      ['markdown-ref', 'd.png', 'd'],
      ['figure', 'pct.png', null],
      ['html', 'upper.png', ''],
    ]);
  });

  it('counts broken references, ignoring commented-out ones and web addresses', () => {
    const present = new Set(['content/blog/driftwood/booth.jpg', 'content/blog/driftwood/stage.png', 'static/images/blog/2025/driftwood/cover.png']);
    // Missing: crowd.webp, photo-1.png, team photo.jpg, and the path leaving the site.
    expect(countMissingImages(recap, POST, layout, (p) => present.has(p))).toBe(4);
  });

  it('counts a missing file used twice as one missing image, as the gallery shows it', () => {
    const twice = '![a](gone.png)\n\nAgain: ![b](gone.png)\n\n{{< figure src="gone.png" >}}\n\n![c](also-gone.png)\n';
    expect(countMissingImages(twice, POST, layout, () => false)).toBe(2);
  });

  it('works out the layout of a Windows site', () => {
    expect(siteLayoutOf({ root: 'C:\\Sites\\drift', contentDir: 'C:\\Sites\\drift\\posts' })).toEqual({ contentDir: 'posts', staticDir: 'static' });
  });
});

describe('renaming an image in a post', () => {
  it('rewrites every reference to it and no other line', () => {
    const text = '---\nimages: ["stage.png"]\n---\n\nA line about stage.png that is text.\n{{<figure src="stage.png" alt="Stage">}}\n![Stage](./stage.png?w=300#center)\n![Other](booth.jpg)\n![r][s]\n\n[s]: stage.png\n';
    const out = renameImageReferences(text, POST, layout, 'content/blog/driftwood/stage.png', 'main-stage.png');
    expect(out.changed).toBe(4); // the reference-style usage shares its definition
    const before = text.split('\n');
    const after = out.text.split('\n');
    const changed = before.map((l, i) => (l === after[i] ? null : i + 1)).filter((x) => x !== null);
    expect(changed).toEqual([2, 6, 7, 11]);
    expect(after[1]).toBe('images: ["main-stage.png"]');
    expect(after[5]).toBe('{{<figure src="main-stage.png" alt="Stage">}}');
    expect(after[6]).toBe('![Stage](./main-stage.png?w=300#center)');
    expect(after[10]).toBe('[s]: main-stage.png');
    expect(after[4]).toBe('A line about stage.png that is text.');
  });

  it('leaves a post without the image untouched', () => {
    const out = renameImageReferences(recap, POST, layout, 'content/blog/driftwood/nothing.png', 'x.png');
    expect(out).toMatchObject({ text: recap, changed: 0 });
  });
});

describe('what to insert', () => {
  it('writes Markdown or a figure shortcode with escaped alt text', () => {
    expect(imageSnippet('markdown', 'booth.jpg', 'The [new] booth')).toBe('![The \\[new\\] booth](booth.jpg)');
    expect(imageSnippet('figure', 'booth.jpg', 'Mara says "hi"')).toBe('{{< figure src="booth.jpg" alt="Mara says \\"hi\\"" >}}');
    expect(imageSnippet('figure-tight', 'booth.jpg', 'Booth')).toBe('{{<figure src="booth.jpg" alt="Booth">}}');
  });

  it('follows what the site uses more', () => {
    const counts = countImageStyles(recap, { markdown: 0, figure: 0, figureTight: 0 });
    expect(counts).toEqual({ markdown: 4, figure: 1, figureTight: 1 });
    expect(preferredStyle(counts)).toBe('markdown');
    expect(preferredStyle({ markdown: 1, figure: 0, figureTight: 2 })).toBe('figure-tight');
  });

  it('cleans file names and makes them unique', () => {
    expect(sanitizeImageName('IMG 0001 (Copy).JPG', 'jpg')).toBe('img-0001-copy.jpg');
    expect(sanitizeImageName('../../Café Crème!.png', 'png')).toBe('cafe-creme.png');
    expect(sanitizeImageName('???.heic', 'jpg')).toBe('image.jpg');
    const taken = new Set(['booth.jpg', 'booth-2.jpg']);
    expect(uniqueName('booth.jpg', (n) => taken.has(n))).toBe('booth-3.jpg');
    expect(uniqueName('Stage.png', (n) => taken.has(n))).toBe('Stage.png');
  });
});

describe('what is not a reference', () => {
  it('skips indented code blocks but not indented list content, and template code', () => {
    const text = [
      'Some text.',
      '',
      '    <img src="code.png">',
      '',
      '1. A step',
      '',
      '    ![in the list](list.png)',
      '',
      '<img src="{{ .RelPermalink }}">',
      '![shown](shown.png)',
    ].join('\n');
    expect(findImageReferences(text, POST, layout).map((r) => r.src)).toEqual(['list.png', 'shown.png']);
  });
});
