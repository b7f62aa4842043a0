// The search index kept on disk between launches (electron/services/search/index-cache.ts): the
// next launch reads only the posts changed since, a post edited or deleted while the app was
// closed is found by its new words (not its old ones) or not at all, and a cache that cannot be
// trusted (damaged, of another format or folder) is ignored and the index built from the posts.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { makeTempSite, type TempSite } from '../../support/temp-site';
import { SearchService } from '../../../electron/services/search/search-service';
import { indexCacheFile } from '../../../electron/services/search/index-cache';

const post = (title: string, body: string) => `---\ntitle: "${title}"\ndate: 2025-10-02\ntags: [recap]\n---\n\n${body}\n`;

// Undone in reverse, each awaited: a launch's shutdown writes the cache into the data folder,
// and removing the folder while that write ran failed now and then (ENOTEMPTY).
const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

function setup(notes = 30): { site: TempSite; contentDir: string; cacheFile: string; launch: () => Promise<SearchService> } {
  const files: Record<string, string> = {
    'content/blog/harbor/index.md': post('Harbor day', 'Lanternfish and tide tables.'),
    'content/blog/kelp.md': post('Kelp forest', 'Sea otters everywhere.'),
  };
  for (let i = 0; i < notes; i++) files[`content/notes/note-${i}.md`] = post(`Note ${i}`, `Plain words number ${i}.`);
  const site = makeTempSite(files);
  const dataDir = mkdtempSync(join(tmpdir(), 'pw-search-cache-'));
  cleanup.push(() => site.remove(), () => rmSync(dataDir, { recursive: true, force: true }));
  const contentDir = join(site.root, 'content');
  const cacheFile = indexCacheFile(dataDir, contentDir);
  /** One launch of the app: the index built (or taken from the cache), then the site closed. */
  const launch = async () => {
    const s = new SearchService({ contentDir }, { cacheFile });
    await s.ready;
    cleanup.push(() => s.shutdown());
    return s;
  };
  return { site, contentDir, cacheFile, launch };
}

const paths = async (s: SearchService, q: string) => (await s.search({ query: q })).hits.map((h) => h.path).sort();

describe('the search index kept between launches', () => {
  it('is written when the site closes and reused by the next launch, which reads no post', async () => {
    const { cacheFile, launch } = setup();
    const first = await launch();
    expect(first.filesRead).toBe(32);
    await first.shutdown();
    expect(existsSync(cacheFile)).toBe(true);
    const second = await launch();
    expect(second.filesRead).toBe(0);
    expect(second.size).toBe(32);
    expect(await paths(second, 'lanternfish')).toEqual(['blog/harbor/index.md']);
    expect(await paths(second, 'otters')).toEqual(['blog/kelp.md']);
    const hit = (await second.search({ query: 'lanternfish' })).hits[0];
    expect(hit.title).toBe('Harbor day');
    expect(hit.snippet.text).toContain('Lanternfish and tide tables');
    expect((await second.search({ query: 'kelp forrest' })).hits[0]?.path).toBe('blog/kelp.md'); // a typo, forgiven from the cache too
  });

  it('finds a post edited while the app was closed by its new words, not its old ones', async () => {
    const { site, launch } = setup();
    await (await launch()).shutdown();
    const file = join(site.root, 'content/blog/kelp.md');
    writeFileSync(file, post('Kelp forest', 'Now about walruses instead.'));
    const later = new Date(Date.now() + 5000);
    utimesSync(file, later, later); // a new time even where the clock is coarse
    const next = await launch();
    expect(next.filesRead).toBe(1);
    expect(await paths(next, 'walruses')).toEqual(['blog/kelp.md']);
    expect(await paths(next, 'otters')).toEqual([]);
  });

  it('forgets a post deleted while the app was closed, and finds one added', async () => {
    const { site, launch } = setup();
    await (await launch()).shutdown();
    unlinkSync(join(site.root, 'content/blog/harbor/index.md'));
    writeFileSync(join(site.root, 'content/blog/new.md'), post('Cannery tour', 'Sardines.'));
    const next = await launch();
    expect(next.filesRead).toBe(1);
    expect(next.size).toBe(32);
    expect(await paths(next, 'lanternfish')).toEqual([]);
    expect(await paths(next, 'sardines')).toEqual(['blog/new.md']);
  });

  // The next launch takes the bundles the cache knows without probing their folders (one stat
  // per post at 100,000 posts): a bundle whose index file went is then read as a folder again.
  it('finds the posts of a bundle folder whose index file was renamed while the app was closed', async () => {
    const { site, launch } = setup();
    await (await launch()).shutdown();
    renameSync(join(site.root, 'content/blog/harbor/index.md'), join(site.root, 'content/blog/harbor/harbor-day.md'));
    const next = await launch();
    expect(next.size).toBe(32);
    expect(await paths(next, 'lanternfish')).toEqual(['blog/harbor/harbor-day.md']);
  });

  it('drops a bundle whose index file became a link while the app was closed (it may point outside the site)', async () => {
    const { site, launch } = setup();
    await (await launch()).shutdown();
    const outside = mkdtempSync(join(tmpdir(), 'pw-search-outside-'));
    cleanup.push(() => rmSync(outside, { recursive: true, force: true }));
    writeFileSync(join(outside, 'secret.md'), post('Secret', 'Narwhal plans.'));
    const index = join(site.root, 'content/blog/harbor/index.md');
    unlinkSync(index);
    symlinkSync(join(outside, 'secret.md'), index);
    const next = await launch();
    expect(next.size).toBe(31);
    expect(await paths(next, 'narwhal')).toEqual([]);
    expect(await paths(next, 'lanternfish')).toEqual([]);
  });

  // A site of thousands of posts: the next launch stats them a slice at a time on helper threads
  // (search-service.ts StatSlices), two slices here. Every change made while the app was closed
  // must count as it does when each post is stat'ed in turn (the tests above, on a small site).
  it('on a large site, stat\'ed on helper threads, still sees every change made while the app was closed', async () => {
    const { site, launch } = setup(6000);
    const first = await launch();
    expect(first.size).toBe(6002);
    await first.shutdown();
    const content = join(site.root, 'content');
    const edited = join(content, 'notes/note-5000.md');
    writeFileSync(edited, post('Note 5000', 'Now about walruses instead.'));
    const later = new Date(Date.now() + 5000);
    utimesSync(edited, later, later);
    unlinkSync(join(content, 'notes/note-4200.md'));
    renameSync(join(content, 'blog/harbor/index.md'), join(content, 'blog/harbor/harbor-day.md'));
    writeFileSync(join(content, 'notes/note-10.md'), post('Note 10', 'Words that change size.'));
    utimesSync(join(content, 'notes/note-10.md'), later, later);
    const next = await launch();
    // The edited posts only (the renamed bundle's folder is walked again and its post read).
    expect(next.filesRead).toBe(3);
    expect(next.size).toBe(6001);
    expect(await paths(next, 'walruses')).toEqual(['notes/note-5000.md']);
    expect(await paths(next, 'lanternfish')).toEqual(['blog/harbor/harbor-day.md']);
    expect(await paths(next, 'size')).toEqual(['notes/note-10.md']);
    expect((await next.search({ query: 'note 4200' })).hits.map((h) => h.path)).not.toContain('notes/note-4200.md');
    expect(await paths(next, 'otters')).toEqual(['blog/kelp.md']);
  });

  // The cache keeps its documents a column each (titles, tags, dates, drafts, link forms...):
  // what a launch from it answers must be what the build from the posts answered.
  it('answers from the cache exactly as from the posts: titles, tags, sections, drafts, dates, link forms', async () => {
    const files: Record<string, string> = {
      'content/blog/a/index.md': '---\ntitle: "Älpine café"\ndate: 2024-03-05T10:00:00Z\ndraft: true\ntags: [Food, "hot drinks"]\n---\n\nSee [b](/blog/b/) and [c](../c/) and [d]({{< relref "d" >}}).\n',
      'content/blog/b.md': '+++\ntitle = "Bare dates"\ndate = 2023-01-02\n+++\nNo links, [one](/blog/a/) and [two](/news/x/).\n',
      'content/news/x.md': '---\ntitle: ""\ntags: []\n---\n\nNo date, no title: {{< ref "a" >}} is not a link.\n',
      'content/root.md': 'No front matter at all.\n',
    };
    const site = makeTempSite(files);
    const dataDir = mkdtempSync(join(tmpdir(), 'pw-search-cache-'));
    cleanup.push(() => site.remove(), () => rmSync(dataDir, { recursive: true, force: true }));
    const contentDir = join(site.root, 'content');
    const cacheFile = indexCacheFile(dataDir, contentDir);
    const answers = async (s: SearchService) => ({
      all: await s.search({ query: '' }),
      words: await s.search({ query: 'alpine cafe' }),
      drafts: await s.search({ query: '', draft: true }),
      tagged: await s.search({ query: '', tag: 'hot drinks' }),
      dated: await s.search({ query: '', from: '2023-01-01', to: '2023-12-31' }),
      section: await s.search({ query: 'links', section: 'blog' }),
      linkForm: await s.linkForm(),
    });
    const strip = (a: Awaited<ReturnType<typeof answers>>) => JSON.parse(JSON.stringify(a, (k, v) => (k === 'tookMs' ? 0 : v)));
    const first = new SearchService({ contentDir }, { cacheFile });
    await first.ready;
    const built = strip(await answers(first));
    await first.shutdown();
    const second = new SearchService({ contentDir }, { cacheFile });
    await second.ready;
    cleanup.push(() => second.shutdown());
    expect(second.filesRead).toBe(0);
    expect(strip(await answers(second))).toEqual(built);
    expect(built.all.total).toBe(4);
    expect(built.drafts.hits.map((h: { path: string }) => h.path)).toEqual(['blog/a/index.md']);
    expect(built.tagged.hits[0]).toMatchObject({ title: 'Älpine café', tags: ['Food', 'hot drinks'], date: '2024-03-05T10:00:00Z', draft: true });
  });

  it('ignores a cache of another format version (the earlier layout kept a JSON row per post), as a first launch', async () => {
    const { cacheFile, launch } = setup();
    await (await launch()).shutdown();
    const bytes = Buffer.from(readFileSync(cacheFile));
    bytes.writeUInt32LE(1, 4);
    writeFileSync(cacheFile, bytes);
    const next = await launch();
    expect(next.filesRead).toBe(32);
    expect(await paths(next, 'lanternfish')).toEqual(['blog/harbor/index.md']);
  });

  it('ignores a damaged cache and builds the index from the posts', async () => {
    const { cacheFile, launch } = setup();
    await (await launch()).shutdown();
    const bytes = readFileSync(cacheFile);
    for (const damage of [bytes.subarray(0, bytes.length - 7), Buffer.from('not an index at all'), Buffer.concat([bytes, Buffer.from([1, 2, 3, 4])])]) {
      writeFileSync(cacheFile, damage);
      const next = await launch();
      expect(next.filesRead).toBe(32);
      expect(await paths(next, 'lanternfish')).toEqual(['blog/harbor/index.md']);
      await next.shutdown();
    }
    // A cache whose postings point past its posts (bytes that parse but do not agree).
    const good = readFileSync(cacheFile);
    const broken = Buffer.from(good);
    broken.writeInt32LE(0x7fffffff, good.length - 32 * 4 * 4 - countPostings(good) - countPostings(good) * 4);
    writeFileSync(cacheFile, broken);
    const next = await launch();
    expect(next.filesRead).toBe(32);
    expect(await paths(next, 'otters')).toEqual(['blog/kelp.md']);
  });

  it('ignores the cache of another content folder', async () => {
    const a = setup();
    await (await a.launch()).shutdown();
    const b = setup();
    // b's launch given a's cache file: its folder is not a's.
    const s = new SearchService({ contentDir: b.contentDir }, { cacheFile: a.cacheFile });
    await s.ready;
    expect(s.filesRead).toBe(32);
    await s.shutdown();
  });
});

/** Total postings in a cache file (the sum of its per-word counts). */
function countPostings(buf: Buffer): number {
  const headerLen = buf.readUInt32LE(8);
  const header = JSON.parse(buf.toString('utf8', 12, 12 + headerLen)) as { ids: string[]; words: string[] };
  // After the header: the documents' columns (mtimeMs f64, size f64, draft u8, 4 link-form u32), then the word counts.
  const n = header.ids.length;
  const countsAt = 12 + headerLen + n * 8 + n * 8 + n + n * 4 * 4;
  let total = 0;
  for (let i = 0; i < header.words.length; i++) total += buf.readUInt32LE(countsAt + i * 4);
  return total;
}
