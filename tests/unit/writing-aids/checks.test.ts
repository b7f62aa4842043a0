// The pre-publish checklist, rule by rule, then on a real folder.
import { describe, it, expect, afterEach } from 'vitest';
import {
  checkPost,
  titleRule,
  descriptionRule,
  dateRule,
  tagsRule,
  imagesRule,
  mojibakeRule,
  linksRule,
  emptyHeadingsRule,
  frontMatterRule,
  findInternalLinks,
  postKeys,
  resolveLinkTarget,
  DEFAULT_LIMITS,
  type CheckInput,
} from '../../../shared/checks';
import { makeTempSite, type TempSite } from '../../support/temp-site';
import { PostChecker } from '../../../electron/services/checks/post-checks';
import { openSiteFolder } from '../../../electron/services/site/open-site';

const good: CheckInput = {
  raw: '---\ntitle: Driftwood recap\n---\n\n## Day one\n\nText.\n',
  fields: {
    title: 'Driftwood Summit 2025 recap',
    description: 'Three days of talks, workshops and coffee at the Lanternfish Labs booth.',
    date: '2025-10-02',
    tags: ['recap'],
  },
  images: [],
  links: [],
};
const withFields = (fields: Record<string, unknown>): CheckInput => ({ ...good, fields: { ...good.fields, ...fields } });
const L = DEFAULT_LIMITS;

describe('rules, one by one', () => {
  it('a good post has no problems', () => {
    expect(checkPost(good)).toEqual([]);
  });

  it('title: present, not too long', () => {
    expect(titleRule(withFields({ title: '' }), L)).toMatchObject([{ rule: 'title', severity: 'error' }]);
    expect(titleRule(withFields({ title: undefined }), L)).toMatchObject([{ severity: 'error' }]);
    expect(titleRule(withFields({ title: 'x'.repeat(71) }), L)).toMatchObject([{ severity: 'warning', message: expect.stringContaining('71') }]);
    expect(titleRule({ ...withFields({ title: '' }), kind: 'branch-bundle' }, L)).toMatchObject([{ severity: 'warning' }]);
    expect(titleRule(withFields({ title: undefined, headless: true }), L)).toEqual([]);
  });

  it('description: present, 50 to 160 characters', () => {
    expect(descriptionRule(withFields({ description: undefined }), L)).toMatchObject([{ rule: 'description', severity: 'warning' }]);
    expect(descriptionRule(withFields({ description: 'Too short.' }), L)[0].message).toContain('short (10');
    expect(descriptionRule(withFields({ description: 'x'.repeat(161) }), L)[0].message).toContain('long (161');
    expect(descriptionRule(withFields({ description: 'x'.repeat(50) }), L)).toEqual([]);
    expect(descriptionRule(withFields({ description: 'x'.repeat(160) }), L)).toEqual([]);
    expect(descriptionRule({ ...withFields({ description: undefined }), kind: 'branch-bundle' }, L)).toEqual([]);
  });

  it('date: present', () => {
    expect(dateRule(withFields({ date: undefined }), L)).toMatchObject([{ rule: 'date' }]);
    expect(dateRule(withFields({ date: '' }), L)).toHaveLength(1);
    expect(dateRule(withFields({ date: undefined, publishDate: '2025-01-01' }), L)).toEqual([]);
  });

  it('tags: at least one', () => {
    expect(tagsRule(withFields({ tags: [] }), L)).toMatchObject([{ rule: 'tags' }]);
    expect(tagsRule(withFields({ tags: undefined }), L)).toHaveLength(1);
    expect(tagsRule(withFields({ tags: 'recap' }), L)).toEqual([]);
  });

  it('images: present and described', () => {
    const input = {
      ...good,
      images: [
        { src: 'booth.png', alt: 'The booth', line: 8, exists: true },
        { src: 'gone.png', alt: 'Gone', line: 9, exists: false },
        { src: 'stage.jpg', alt: '', line: 10, exists: true },
        { src: 'https://example.com/x.png', alt: null, line: 11, exists: null },
        { src: 'cover.png', alt: null, line: 2, exists: true, kind: 'front-matter' },
      ],
    };
    expect(imagesRule(input, L)).toEqual([
      { rule: 'image-missing', severity: 'error', message: expect.stringContaining('gone.png'), line: 9 },
      { rule: 'image-alt', severity: 'warning', message: expect.stringContaining('stage.jpg'), line: 10 },
      { rule: 'image-alt', severity: 'warning', message: expect.stringContaining('example.com'), line: 11 },
    ]);
  });

  it('garbled characters: one error naming the lines', () => {
    const raw = '---\ntitle: "We‚Äôre back"\n---\n\nFine.\n\nSee you‚Ä¶\n';
    expect(mojibakeRule({ ...good, raw }, L)).toEqual([
      { rule: 'mojibake', severity: 'error', message: expect.stringMatching(/2 garbled characters.*"‚Äô" where "’".*lines 2, 7/), line: 2 },
    ]);
    expect(mojibakeRule(good, L)).toEqual([]);
  });

  it('links: broken ref is an error, broken relative link a warning', () => {
    const input = {
      ...good,
      links: [
        { kind: 'ref' as const, target: 'gone.md', line: 5, exists: false },
        { kind: 'relative' as const, target: '../gone/', line: 6, exists: false },
        { kind: 'relref' as const, target: 'there.md', line: 7, exists: true },
      ],
    };
    expect(linksRule(input, L)).toMatchObject([
      { rule: 'link-broken', severity: 'error', line: 5 },
      { rule: 'link-broken', severity: 'warning', line: 6 },
    ]);
  });

  it('empty headings', () => {
    const raw = '---\ntitle: x\n---\n\n## \n\n### ****\n\n## Fine\n';
    expect(emptyHeadingsRule({ ...good, raw }, L)).toEqual([
      { rule: 'empty-heading', severity: 'warning', message: 'A heading has no text.', line: 5 },
      { rule: 'empty-heading', severity: 'warning', message: 'A heading has no text.', line: 7 },
    ]);
  });

  it('front matter that cannot be read', () => {
    expect(frontMatterRule({ ...good, frontMatterError: 'bad indentation' }, L)).toMatchObject([{ rule: 'front-matter', severity: 'error' }]);
  });

  it('lists errors before warnings', () => {
    const problems = checkPost({ ...withFields({ tags: [], title: '' }) });
    expect(problems.map((p) => p.severity)).toEqual(['error', 'warning']);
  });
});

describe('finding internal links', () => {
  it('finds ref, relref (both spacings and quotes) and relative page links, not code or comments', () => {
    const body = [
      'See {{< ref "blog/other.md" >}} and {{<relref "/talks/keynote" >}}.',
      '[Day two]({{% relref "day-two#morning" %}})',
      '[Prev](../previous-recap/) and [Doc](notes.md) and [PDF](slides.pdf) and [Web](https://example.com/x)',
      '![photo](../photo.png) [Anchor](#top) [Abs](/about/)',
      '`{{< ref "in-code.md" >}}`',
      '<!-- [Old](../old-post/) -->',
      '```',
      '{{< ref "fenced.md" >}}',
      '```',
    ].join('\n');
    expect(findInternalLinks(body, 10).map((l) => [l.kind, l.target, l.line])).toEqual([
      ['ref', 'blog/other.md', 11],
      ['relref', '/talks/keynote', 11],
      ['relref', 'day-two', 12],
      ['relative', '../previous-recap/', 13],
      ['relative', 'notes.md', 13],
    ]);
  });

  it('resolves targets the way Hugo looks pages up', () => {
    const index = postKeys(['blog/day-one/index.md', 'blog/day-two.md', 'talks/_index.md', 'talks/keynote.md', 'about.md']);
    const from = 'blog/day-one/index.md';
    expect(resolveLinkTarget('ref', '/blog/day-two.md', from, index)).toBe(true);
    expect(resolveLinkTarget('ref', '/blog/day-two', from, index)).toBe(true);
    expect(resolveLinkTarget('ref', '/talks', from, index)).toBe(true);
    expect(resolveLinkTarget('ref', 'keynote.md', from, index)).toBe(true); // bare name
    expect(resolveLinkTarget('relref', '../day-two.md', from, index)).toBe(true);
    expect(resolveLinkTarget('ref', '/blog/day-three', from, index)).toBe(false);
    expect(resolveLinkTarget('relative', '../day-two/', from, index)).toBe(true);
    expect(resolveLinkTarget('relative', '../day-three/', from, index)).toBe(false);
    expect(resolveLinkTarget('relative', '../day-one/', 'blog/day-two.md', index)).toBe(true);
    expect(resolveLinkTarget('relative', '../../about/', 'blog/day-two.md', index)).toBe(true);
    expect(resolveLinkTarget('relative', 'notes/', from, index, (p) => p === 'blog/day-one/notes')).toBe(true);
  });
});

describe('PostChecker on a site folder', () => {
  let site: TempSite | null = null;
  afterEach(() => site?.remove());

  it('checks images on disk and links against the posts of the site', async () => {
    site = makeTempSite({
      'content/blog/day-one/index.md':
        '---\ntitle: "Day one at the Driftwood Summit"\ndescription: "Keynotes, workshops and a very busy Lanternfish Labs booth."\ndate: 2025-10-02\ntags: [recap]\n---\n\n![The booth](booth.png)\n\n{{< figure src="stage.png" >}}\n\nNext: {{< ref "day-two.md" >}} and {{< relref "/blog/day-three" >}}.\n',
      'content/blog/day-one/booth.png': 'png',
      'content/blog/day-two.md': '---\ntitle: Day two\n---\n\nWe‚Äôre tired.\n',
    });
    const checker = new PostChecker(await openSiteFolder(site.root));
    const one = await checker.checkOne('blog/day-one/index.md');
    expect(one.problems.map((p) => [p.rule, p.severity, p.line])).toEqual([
      ['image-missing', 'error', 10],
      ['link-broken', 'error', 12],
    ]);
    const all = await checker.checkAll();
    const two = all.find((p) => p.path === 'blog/day-two.md')!;
    expect(two.problems.map((p) => p.rule)).toEqual(['mojibake', 'description', 'date', 'tags']);
  });

  it('checks the editor text instead of the file when given', async () => {
    site = makeTempSite({ 'content/a.md': '---\ntitle: A\n---\n' });
    const checker = new PostChecker(await openSiteFolder(site.root));
    const r = await checker.checkOne('a.md', '---\ntitle: ""\n---\n');
    expect(r.problems[0]).toMatchObject({ rule: 'title', severity: 'error' });
  });

  it('refuses a path outside the site', async () => {
    site = makeTempSite({ 'content/a.md': '---\ntitle: A\n---\n' });
    const checker = new PostChecker(await openSiteFolder(site.root));
    await expect(checker.checkOne('../hugo.toml')).rejects.toMatchObject({ code: 'outside-site' });
  });
});
