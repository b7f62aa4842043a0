// Search every post: words in titles, front matter and bodies; highlighting; filters; kept
// current as files change; and a generated 10,000-post site.
import { describe, it, expect, afterEach, beforeAll, afterAll } from 'vitest';
import { rmSync, writeFileSync, unlinkSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { makeTempSite, type TempSite } from '../../support/temp-site';
import { SearchService } from '../../../electron/services/search/search-service';
import { makeSnippet } from '../../../electron/services/search/snippet';
import { terms } from '../../../electron/services/search/tokenize';
import { generateSite } from '../../bench/generate-site';

const post = (fm: string, body: string) => `---\n${fm}\n---\n\n${body}\n`;

function smallSite(): TempSite {
  return makeTempSite({
    'content/blog/driftwood-day-one/index.md': post(
      'title: "Driftwood Summit: Day One"\ndescription: "Keynotes and a canary rollout workshop"\ndate: 2025-10-02\ntags: [recap, driftwood]\ndraft: false',
      '## Keynote\n\nMaribel Oyelaran showed how **gentle rollouts** work at [Lanternfish Labs](https://example.com/lanternfish).\n\nThe café served 400 cups.',
    ),
    'content/blog/driftwood-day-two.md': post(
      'title: "Driftwood Summit: Day Two"\ndate: 2025-10-03\ntags: [recap]\ndraft: true\nauthors: ["Tomasz Quill"]',
      'Workshops all day. Tide charts and harbor maps.',
    ),
    'content/talks/tide-tables.md': post('title = "Tide tables for deployers"\ndate = 2024-05-01\ntags = ["talk"]'.replace(/^/, ''), 'Nothing about summits.').replace(/^---\n(.*)\n---/s, '+++\n$1\n+++'),
    'content/zh/recap.md': post('title: "漂流木峰会回顾"\ndate: 2025-10-04', '灯笼鱼实验室的展台很热闹。'),
    'content/blog/driftwood-day-one/notes.md': 'a page resource, not a post: zebra',
  });
}

describe('SearchService on a small site', () => {
  let site: TempSite;
  let search: SearchService;
  beforeAll(async () => {
    site = smallSite();
    search = new SearchService({ contentDir: join(site.root, 'content') });
    await search.ready;
  });
  afterAll(() => site.remove());

  it('indexes every post and no bundle resource', async () => {
    expect(search.size).toBe(4);
    expect((await search.search({ query: 'zebra' })).hits).toEqual([]);
  });

  it('finds words in titles first, then in bodies and front matter', async () => {
    const r = await search.search({ query: 'driftwood' });
    expect(r.hits.map((h) => h.path).sort()).toEqual(['blog/driftwood-day-one/index.md', 'blog/driftwood-day-two.md']);
    expect((await search.search({ query: 'Tomasz' })).hits[0].path).toBe('blog/driftwood-day-two.md'); // authors field
    expect((await search.search({ query: 'canary' })).hits[0].path).toBe('blog/driftwood-day-one/index.md'); // description
    expect((await search.search({ query: 'harbor maps' })).hits.map((h) => h.path)).toEqual(['blog/driftwood-day-two.md']);
  });

  it('matches as you type (prefix), forgives a typo, ignores accents', async () => {
    expect((await search.search({ query: 'lanternf' })).hits).toHaveLength(1);
    expect((await search.search({ query: 'workshp' })).hits.length).toBeGreaterThan(0);
    expect((await search.search({ query: 'cafe' })).hits[0].path).toBe('blog/driftwood-day-one/index.md');
  });

  it('does not index link targets', async () => {
    expect((await search.search({ query: 'example' })).hits).toEqual([]);
  });

  it('finds Chinese words written without spaces', async () => {
    expect((await search.search({ query: '展台' })).hits.map((h) => h.path)).toEqual(['zh/recap.md']);
    expect((await search.search({ query: '峰会' })).hits[0].titleRanges.length).toBeGreaterThan(0);
  });

  it('returns ranges to highlight in the title and a snippet', async () => {
    const r = await search.search({ query: 'gentle rollouts' });
    const hit = r.hits[0];
    const marked = hit.snippet.ranges.map(([s, e]) => hit.snippet.text.slice(s, e));
    expect(marked).toEqual(['gentle', 'rollouts']);
    expect(hit.snippet.text).not.toContain('**');
    const t = (await search.search({ query: 'day two' })).hits[0];
    expect(t.titleRanges.map(([s, e]) => t.title.slice(s, e))).toEqual(['Day', 'Two']);
  });

  it('filters by section, tag, draft and date range', async () => {
    const paths = async (req: Parameters<SearchService['search']>[0]) => (await search.search(req)).hits.map((h) => h.path).sort();
    expect(await paths({ query: '', section: 'talks' })).toEqual(['talks/tide-tables.md']);
    expect(await paths({ query: 'tide', tag: 'recap' })).toEqual(['blog/driftwood-day-two.md']);
    expect(await paths({ query: 'driftwood', draft: false })).toEqual(['blog/driftwood-day-one/index.md']);
    expect(await paths({ query: '', from: '2025-10-03', to: '2025-10-03' })).toEqual(['blog/driftwood-day-two.md']);
    expect(await paths({ query: 'tide', to: '2024-12-31' })).toEqual(['talks/tide-tables.md']);
    const facets = await search.search({ query: '' });
    expect(facets.sections).toEqual(['blog', 'talks', 'zh']);
    expect(facets.tags).toEqual(['driftwood', 'recap', 'talk']);
  });
});

describe('keeping the index current', () => {
  let site: TempSite | null = null;
  afterEach(() => site?.remove());

  it('updateFile and removeFile, by relative or absolute path', async () => {
    site = smallSite();
    const contentDir = join(site.root, 'content');
    const s = new SearchService({ contentDir });
    await s.ready;
    site.write('content/blog/new-post.md', post('title: Narwhal sighting', 'A narwhal at the harbor.'));
    await s.updateFile(join(contentDir, 'blog/new-post.md'));
    expect((await s.search({ query: 'narwhal' })).hits.map((h) => h.path)).toEqual(['blog/new-post.md']);

    site.write('content/blog/new-post.md', post('title: Walrus sighting', 'A walrus.'));
    await s.updateFile('blog/new-post.md');
    expect((await s.search({ query: 'narwhal' })).hits).toEqual([]);
    expect((await s.search({ query: 'walrus' })).hits).toHaveLength(1);

    unlinkSync(join(contentDir, 'blog/new-post.md'));
    await s.updateFile('blog/new-post.md'); // a vanished file is removed
    expect((await s.search({ query: 'walrus' })).hits).toEqual([]);

    await s.removeFile('blog'); // a folder: every post under it
    expect((await s.search({ query: 'driftwood' })).hits).toEqual([]);
    expect(s.size).toBe(2);
  });

  it('notices saves the watcher did not report, after a search', async () => {
    site = smallSite();
    const s = new SearchService({ contentDir: join(site.root, 'content') });
    await s.ready;
    writeFileSync(join(site.root, 'content/talks/tide-tables.md'), '+++\ntitle = "Octopus ink"\n+++\nlonger text than before\n');
    await s.refreshChanged();
    expect((await s.search({ query: 'octopus' })).hits).toHaveLength(1);
  });
});

describe('snippets', () => {
  it('cuts around the first match at word boundaries', () => {
    const body = 'word '.repeat(100) + 'lanternfish ' + 'tail '.repeat(100);
    const s = makeSnippet(body, new Set(['lanternfish']));
    expect(s.text.startsWith('…')).toBe(true);
    expect(s.text.endsWith('…')).toBe(true);
    expect(s.ranges).toHaveLength(1);
    expect(s.text.slice(...s.ranges[0])).toBe('lanternfish');
  });

  it('tokenizes like the index', () => {
    expect(terms('Café-au-lait, 漂流木!')).toEqual(['cafe', 'au', 'lait', '漂', '流', '木']);
  });
});

describe('a generated 10,000-post site', () => {
  let root: string;
  let s: SearchService;
  let indexMs = 0;
  beforeAll(async () => {
    root = join(mkdtempSync(join(tmpdir(), 'postwright-search-')), 'site');
    generateSite(root, 10_000);
    const t0 = performance.now();
    s = new SearchService({ contentDir: join(root, 'content') });
    await s.ready;
    indexMs = performance.now() - t0;
  }, 120_000);
  afterAll(() => rmSync(join(root, '..'), { recursive: true, force: true }));

  it('indexes every post', () => {
    expect(s.size).toBe(10_000);
    // Generous bound for a loaded test machine; the bench holds the real budget (5 s).
    expect(indexMs).toBeLessThan(60_000);
  });

  it('finds one post among 10,000 and filters them', async () => {
    const r = await s.search({ query: 'recap 4242' });
    expect(r.hits[0].path).toBe('blog/post-04242/index.md');
    expect(r.total).toBe(1);
    const drafts = await s.search({ query: 'keynote', draft: true, limit: 500 });
    expect(drafts.hits.every((h) => h.draft)).toBe(true);
    expect(drafts.total).toBeGreaterThan(0);
    const t0 = performance.now();
    const common = await s.search({ query: 'lanternfish' });
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(common.hits).toHaveLength(50);
    expect(common.total).toBeGreaterThan(1000);
  });
});
