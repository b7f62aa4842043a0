import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTempSite, type TempSite } from '../../support/temp-site';
import { readListCache, writeListCache } from '../../support/list-cache-file';
import { PostLister, findPostFiles, findPostFilesSync } from '../../../electron/services/site/list-posts';
import { openSiteFolder } from '../../../electron/services/site/open-site';

let site: TempSite | undefined;
afterEach(() => site?.remove());

describe('PostLister', () => {
  it('lists leaf bundles, branch bundles and single files, newest first', async () => {
    site = makeTempSite({
      'content/blog/_index.md': '---\ntitle: Blog\n---\n',
      'content/blog/day-one/index.md': '---\ntitle: "Day One: Keynotes"\ndate: 2025-05-01T0:00:00+00:00\ntags:\n  - keynote\n  - recap\n---\nBody\n',
      'content/blog/day-one/bio.md': '---\ntitle: A resource, not a post\n---\n',
      'content/blog/day-two/index.md': "---\ntitle: 'Day Two'\ndate: 2025-05-02\ndraft: true\n---\n",
      'content/about.md': '+++\ntitle = "About"\ndate = 2024-01-01\n+++\n',
      'content/news.md': '{\n  "title": "News",\n  "date": "2025-12-21T10:00:00"\n}\nText\n',
    });
    const info = await openSiteFolder(site.root);
    const posts = await new PostLister(info.contentDir).list();
    expect(posts.map((p) => p.path)).toEqual(['news.md', 'blog/day-two/index.md', 'blog/day-one/index.md', 'about.md', 'blog/_index.md']);
    const one = posts.find((p) => p.path === 'blog/day-one/index.md')!;
    expect(one).toMatchObject({ title: 'Day One: Keynotes', draft: false, tags: ['keynote', 'recap'], section: 'blog', kind: 'leaf-bundle', date: '2025-05-01T0:00:00+00:00' });
    expect(posts.find((p) => p.path === 'blog/_index.md')!.kind).toBe('branch-bundle');
    expect(posts.find((p) => p.path === 'blog/day-two/index.md')!.draft).toBe(true);
  });

  it('takes a folder as a bundle only when its index.md is a plain file (not a folder, not a link), as reading the folder would', async () => {
    site = makeTempSite({
      'content/real/index.md': '---\ntitle: Real bundle\n---\n',
      'content/real/notes.md': 'a resource',
      'content/odd/index.md/deep.md': '---\ntitle: Inside a folder named index.md\n---\n',
      'content/odd/page.md': '---\ntitle: Beside it\n---\n',
      'content/linked/page.md': '---\ntitle: Beside a link\n---\n',
      'content/multi/index.fr.md': '---\ntitle: French only\n---\n',
    });
    symlinkSync(join(site.root, 'content/real/index.md'), join(site.root, 'content/linked/index.md'));
    const info = await openSiteFolder(site.root);
    const paths = (await new PostLister(info.contentDir).list()).map((p) => p.path).sort();
    expect(paths).toEqual(['linked/page.md', 'multi/index.fr.md', 'odd/index.md/deep.md', 'odd/page.md', 'real/index.md']);
  });

  it('still lists a post whose front matter is broken, with the reason', async () => {
    site = makeTempSite({
      'content/bad.md': '---\ntitle: [unclosed\n---\n',
      'content/open.md': '---\ntitle: never closed\n',
    });
    const info = await openSiteFolder(site.root);
    const posts = await new PostLister(info.contentDir).list();
    expect(posts).toHaveLength(2);
    for (const p of posts) expect(p.frontMatterError).toBeTruthy();
    expect(posts.find((p) => p.path === 'open.md')!.frontMatterError).toContain('no closing');
  });

  it('re-reads only files whose stat changed', async () => {
    site = makeTempSite({ 'content/a.md': '---\ntitle: First\n---\n' });
    const info = await openSiteFolder(site.root);
    const lister = new PostLister(info.contentDir);
    expect((await lister.list())[0].title).toBe('First');
    site.write('content/a.md', '---\ntitle: Second title\n---\n');
    expect((await lister.list())[0].title).toBe('Second title');
  });
});

describe('PostLister.one: one entry read again, for a list that keeps up without listing the site', () => {
  it('reads a changed post again, says null for one that is gone, and never reads through a symlink', async () => {
    const { writeFileSync, symlinkSync, mkdtempSync, rmSync, unlinkSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    site = makeTempSite({
      'content/blog/tide/index.md': '---\ntitle: Tide Tables\ndate: 2025-01-02\n---\nBody\n',
      'content/blog/tide/notes.md': '---\ntitle: A resource of the bundle\n---\n',
    });
    const info = await openSiteFolder(site.root);
    const lister = new PostLister(info.contentDir);
    await lister.list();
    expect(lister.one('blog/tide/index.md')).toMatchObject({ title: 'Tide Tables', draft: false, garbled: false, frontMatterError: null });
    // Changed by a save: same size would hide it from a stat cache only if mtime also stayed.
    writeFileSync(join(site.root, 'content/blog/tide/index.md'), '---\ntitle: Low Tide at Noon\ndate: 2025-02-03\ndraft: true\ntags: [harbor]\n---\nBody\n');
    expect(lister.one('blog/tide/index.md')).toMatchObject({ title: 'Low Tide at Noon', date: '2025-02-03', draft: true, tags: ['harbor'] });
    expect(lister.one('blog/tide/notes.md')).toBeNull(); // a page resource, not a post
    expect(lister.one('blog/tide/missing.md')).toBeNull();
    expect(() => lister.one('../outside.md')).toThrow();
    expect(() => lister.one(`${'x'.repeat(300)}.md`)).toThrow(/too long/); // a plain refusal, not ENAMETOOLONG
    // A link to a file outside the site is not followed.
    const outside = mkdtempSync(join(tmpdir(), 'pw-outside-'));
    try {
      writeFileSync(join(outside, 'secret.md'), '---\ntitle: Secret outside the site\n---\n');
      symlinkSync(join(outside, 'secret.md'), join(site.root, 'content/linked.md'));
      expect(lister.one('linked.md')).toBeNull();
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
    unlinkSync(join(site.root, 'content/blog/tide/index.md'));
    expect(lister.one('blog/tide/index.md')).toBeNull();
  });

  it('marks garbled titles, and says a front-matter error in plain words with the file line', async () => {
    site = makeTempSite({
      'content/garbled.md': '---\ntitle: "Donâ€™t Miss the Ferry"\n---\n',
      'content/fine.md': '---\ntitle: "Don’t Miss the Ferry — or the café"\n---\n',
      'content/indent.md': '---\ntitle: Ferry\ndate: 2025-01-02\n  tags: x\n---\n',
      'content/quote.md': '---\ntitle: "Ferry\ndate: 2025-01-02\n---\n',
    });
    const info = await openSiteFolder(site.root);
    const lister = new PostLister(info.contentDir);
    expect(lister.one('garbled.md')).toMatchObject({ garbled: true });
    expect(lister.one('fine.md')).toMatchObject({ garbled: false });
    expect(lister.one('indent.md')!.frontMatterError).toMatch(/^Line 4: a line is indented differently/);
    expect(lister.one('quote.md')!.frontMatterError).toBe('A text that opens with a double quote (") is not closed: it is still open at line 4.');
    for (const p of ['indent.md', 'quote.md']) expect(lister.one(p)!.frontMatterError).not.toMatch(/scalar|mapping|stream|YAML/i);
  });
});

describe('PostLister cache kept on disk', () => {
  /** A site of `files`, listed once with a cache file that is then written (a first launch). */
  async function listedOnce(files: Record<string, string>) {
    site = makeTempSite(files);
    const info = await openSiteFolder(site.root);
    const cacheFile = join(site.root, 'app-data', 'cache');
    const first = new PostLister(info.contentDir, cacheFile);
    const cold = await first.list();
    await first.save();
    return { info, cacheFile, cold };
  }

  it('a second run reads no file, yet re-reads a file another program changed (path + mtime + size)', async () => {
    site = makeTempSite({
      'content/blog/a/index.md': '---\ntitle: Alpha\ndate: 2025-01-01\n---\n',
      'content/blog/b/index.md': '---\ntitle: Beta\ndate: 2025-01-02\n---\n',
      'content/notes.md': '---\ntitle: Notes\n---\n',
    });
    const info = await openSiteFolder(site.root);
    const cacheFile = join(site.root, 'app-data', 'post-list-cache', 'cache.bin');
    const first = new PostLister(info.contentDir, cacheFile);
    const cold = await first.list();
    expect(first.filesRead).toBe(3);
    await first.save();

    const second = new PostLister(info.contentDir, cacheFile); // the next launch
    expect(await second.list()).toEqual(cold);
    expect(second.filesRead).toBe(0);

    // Another program rewrites one post: same size, a new time; and one post is removed.
    const b = join(info.contentDir, 'blog/b/index.md');
    writeFileSync(b, readFileSync(b, 'utf8').replace('Beta', 'Bbbb'));
    utimesSync(b, new Date(), new Date(Date.now() + 5000));
    rmSync(join(info.contentDir, 'notes.md'));
    const third = new PostLister(info.contentDir, cacheFile);
    const after = await third.list();
    expect(third.filesRead).toBe(1);
    expect(after.map((p) => p.title)).toEqual(['Bbbb', 'Alpha']);
  });

  // At 100,000 posts the warm listing's stat calls run on helper threads (parallel-lstat.ts),
  // started as soon as the cache's paths are read; here the helpers make every one of them.
  it('gives the same list with every stat call made on a helper thread, names beyond ASCII included', async () => {
    const { info, cacheFile, cold } = await listedOnce({
      'content/blog/a/index.md': '---\ntitle: Alpha\n---\n',
      'content/blog/café-ünï/index.md': '---\ntitle: Café\n---\n',
      'content/blog/b.md': '---\ntitle: Beta\n---\n',
      'content/日本/記事.md': '---\ntitle: Kiji\n---\n',
    });
    const helpers = { minPaths: 1, helperOnly: true, helpers: 2 };
    const second = new PostLister(info.contentDir, cacheFile, helpers);
    try {
      expect(await second.list()).toEqual(cold);
      expect(second.filesRead).toBe(0);
      // A change the helpers' stat data must show: the post is read again, in memory and at the next launch.
      const cafe = join(info.contentDir, 'blog/café-ünï/index.md');
      writeFileSync(cafe, '---\ntitle: Café au lait\n---\n');
      expect((await second.list()).find((p) => p.path === 'blog/café-ünï/index.md')?.title).toBe('Café au lait');
      expect(second.filesRead).toBe(1);
      await second.save();
      writeFileSync(join(info.contentDir, '日本/記事.md'), '---\ntitle: Kiji 2\n---\n');
      const third = new PostLister(info.contentDir, cacheFile, helpers);
      try {
        const titles = (await third.list()).map((p) => p.title).sort();
        expect(titles).toEqual(['Alpha', 'Beta', 'Café au lait', 'Kiji 2']);
        expect(third.filesRead).toBe(1);
      } finally {
        third.close();
      }
    } finally {
      second.close();
    }
  });

  it('a cached bundle that lost its index file is read again as a folder; a new bundle is found', async () => {
    site = makeTempSite({
      'content/blog/a/index.md': '---\ntitle: Alpha\n---\n',
      'content/blog/a/notes.md': '---\ntitle: Notes of Alpha\n---\n',
      'content/blog/b/index.md': '---\ntitle: Beta\n---\n',
    });
    const info = await openSiteFolder(site.root);
    const cacheFile = join(site.root, 'app-data', 'cache.json');
    const first = new PostLister(info.contentDir, cacheFile);
    expect((await first.list()).map((p) => p.title).sort()).toEqual(['Alpha', 'Beta']);
    await first.save();
    rmSync(join(info.contentDir, 'blog/a/index.md')); // notes.md is a post of its own now
    site.write('content/blog/c/index.md', '---\ntitle: Gamma\n---\n');
    const next = new PostLister(info.contentDir, cacheFile);
    expect((await next.list()).map((p) => p.title).sort()).toEqual(['Beta', 'Gamma', 'Notes of Alpha']);
    expect(next.filesRead).toBe(2);
    expect(await next.list()).toEqual(await new PostLister(info.contentDir).list());
  });

  // The cache keeps a column per field (a JSON row per post made a 100,000-post launch slow):
  // every field of every kind of post comes back as summarize() made it.
  it('gives back every field of every kind of post from the cache, and re-reads only an entry that is not right', async () => {
    const { info, cacheFile, cold } = await listedOnce({
      'content/blog/a/index.md': '---\ntitle: "Caf\u00c3\u00a9 notes"\ndate: 2025-01-01T10:00:00Z\ndraft: true\ntags: [Food, "hot drinks"]\n---\nBody\n',
      'content/blog/_index.md': '+++\ntitle = "The blog"\n+++\n',
      'content/blog/broken.md': '---\ntitle: [unclosed\n---\nBody\n',
      'content/plain.md': 'No front matter at all.\n',
    });
    expect(cold.find((p) => p.path === 'blog/a/index.md')).toMatchObject({ draft: true, garbled: true, tags: ['Food', 'hot drinks'], kind: 'leaf-bundle', section: 'blog' });
    expect(cold.find((p) => p.path === 'blog/broken.md')?.frontMatterError).toEqual(expect.any(String));
    const second = new PostLister(info.contentDir, cacheFile);
    expect(await second.list()).toEqual(cold);
    expect(second.filesRead).toBe(0);

    // One entry damaged (a title that is no text): that post alone is read again.
    const { paths, rest, keep } = readListCache<{ title: unknown[] }>(cacheFile);
    rest.title[paths.indexOf('plain.md')] = 42;
    writeListCache(cacheFile, keep, rest);
    const third = new PostLister(info.contentDir, cacheFile);
    expect(await third.list()).toEqual(cold);
    expect(third.filesRead).toBe(1);
  });

  it('drops a cached bundle whose index file became a link while the app was closed (it may point outside the site)', async () => {
    site = makeTempSite({
      'content/blog/a/index.md': '---\ntitle: Alpha\n---\n',
      'content/blog/b/index.md': '---\ntitle: Beta\n---\n',
    });
    const info = await openSiteFolder(site.root);
    const cacheFile = join(site.root, 'app-data', 'cache.json');
    const first = new PostLister(info.contentDir, cacheFile);
    await first.list();
    await first.save();
    const outside = mkdtempSync(join(tmpdir(), 'pw-list-outside-'));
    try {
      writeFileSync(join(outside, 'secret.md'), '---\ntitle: Secret plans\n---\n');
      rmSync(join(info.contentDir, 'blog/a/index.md'));
      symlinkSync(join(outside, 'secret.md'), join(info.contentDir, 'blog/a/index.md'));
      const next = new PostLister(info.contentDir, cacheFile);
      expect((await next.list()).map((p) => p.title)).toEqual(['Beta']);
      expect(await next.list()).toEqual(await new PostLister(info.contentDir).list());
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('ignores a damaged cache or one written for another folder', async () => {
    site = makeTempSite({ 'content/a.md': '---\ntitle: A\n---\n' });
    const info = await openSiteFolder(site.root);
    const cacheFile = join(site.root, 'cache.json');
    writeFileSync(cacheFile, '{"version":1,"contentDir":"/elsewhere","entries":[[1,2,{"path":"a.md","title":"Wrong"}]]}');
    const lister = new PostLister(info.contentDir, cacheFile);
    expect((await lister.list())[0].title).toBe('A');
    writeFileSync(cacheFile, '{not json');
    const again = new PostLister(info.contentDir, cacheFile);
    expect((await again.list())[0].title).toBe('A');
    expect(again.filesRead).toBe(1);
  });
});

describe('findPostFiles: the walk without blocking the main process', () => {
  it('finds the same files as the worker thread\'s synchronous walk: bundles, sections, single files; no resources, no hidden folders', async () => {
    site = makeTempSite({
      'content/blog/_index.md': '---\ntitle: Blog\n---\n',
      'content/blog/day-one/index.md': '---\ntitle: One\n---\n',
      'content/blog/day-one/bio.md': 'a resource',
      'content/blog/day-one/deep/other.md': 'inside a bundle',
      'content/blog/day-two/index.markdown': '---\ntitle: Two\n---\n',
      'content/about.md': '---\ntitle: About\n---\n',
      'content/.hidden/secret.md': 'not a post',
      'content/notes.txt': 'not Markdown',
    });
    const dir = join(site.root, 'content');
    const rel = (files: string[]) => files.map((f) => f.slice(dir.length + 1).split('\\').join('/')).sort();
    const found = rel(await findPostFiles(dir));
    expect(found).toEqual(['about.md', 'blog/_index.md', 'blog/day-one/index.md', 'blog/day-two/index.markdown']);
    expect(found).toEqual(rel(findPostFilesSync(dir)));
  });
});
