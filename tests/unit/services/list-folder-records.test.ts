// A warm listing does not read a folder whose modification time is the one it had when a walk
// last read it (post-walk.ts): at 100,000 posts reading the section folders was a third of the
// next launch's listing. Its names cannot have changed, since adding, removing or renaming an
// entry sets the folder's time. Here every kind of change to a site whose folders were last
// touched a minute ago must show in the next launch's list exactly as in a listing without any
// cache, and an unchanged site must be listed without reading a single folder.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempSite, type TempSite } from '../../support/temp-site';
import { readListCache, writeListCache } from '../../support/list-cache-file';
import { PostLister } from '../../../electron/services/site/list-posts';
import { RACY_MS } from '../../../electron/services/site/post-walk';
import { openSiteFolder } from '../../../electron/services/site/open-site';
import { ageTree as age } from '../../support/age-tree';

let site: TempSite | undefined;
afterEach(() => site?.remove());

const post = (title: string) => `---\ntitle: ${title}\n---\nBody\n`;

async function restingSite() {
  site = makeTempSite({
    'content/_index.md': post('Home'),
    'content/about.md': post('About'),
    'content/blog/_index.md': post('Blog'),
    'content/blog/alpha/index.md': post('Alpha'),
    'content/blog/alpha/notes.md': post('A resource of Alpha'),
    'content/blog/beta/index.md': post('Beta'),
    'content/blog/single.md': post('Single'),
    'content/blog/2024/gamma/index.md': post('Gamma'),
    'content/blog/2024/delta.md': post('Delta'),
    'content/blog/drafts/empty-for-now/.keep': '',
    'content/.hidden/secret.md': post('Hidden'),
  });
  const info = await openSiteFolder(site.root);
  age(info.contentDir);
  return { contentDir: info.contentDir, cacheFile: join(site.root, 'app-data', 'list-cache') };
}

/** A launch: a new lister with the cache the last one saved; its list and what it read. */
async function launch(contentDir: string, cacheFile: string) {
  const lister = new PostLister(contentDir, cacheFile);
  try {
    const posts = await lister.list();
    await lister.save();
    return { paths: posts.map((p) => p.path).sort(), foldersRead: lister.foldersRead, filesRead: lister.filesRead };
  } finally {
    lister.close();
  }
}

/** The list of a lister with no cache at all: what the site holds now. */
async function truth(contentDir: string): Promise<string[]> {
  return (await new PostLister(contentDir).list()).map((p) => p.path).sort();
}

describe('a warm listing skips the folders that did not change', () => {
  it('lists an unchanged site without reading one folder, and reads only the folder that changed', async () => {
    const { contentDir, cacheFile } = await restingSite();
    const first = await launch(contentDir, cacheFile);
    expect(first.paths).toEqual(await truth(contentDir));
    expect(first.foldersRead).toBeGreaterThanOrEqual(4); // content, blog, blog/2024, blog/drafts...
    const next = await launch(contentDir, cacheFile);
    expect(next).toEqual({ paths: first.paths, foldersRead: 0, filesRead: 0 });

    writeFileSync(join(contentDir, 'blog/2024/epsilon.md'), post('Epsilon'));
    const after = await launch(contentDir, cacheFile);
    expect(after.paths).toEqual(await truth(contentDir));
    expect(after.paths).toContain('blog/2024/epsilon.md');
    expect(after.foldersRead).toBe(1);
    expect(after.filesRead).toBe(1);
  });

  it('sees every kind of change made while the app was closed, as a listing without a cache does', async () => {
    const { contentDir, cacheFile } = await restingSite();
    await launch(contentDir, cacheFile);
    const changes: Array<[string, () => void]> = [
      ['a new single post', () => writeFileSync(join(contentDir, 'blog/new-single.md'), post('New'))],
      ['a deleted single post', () => rmSync(join(contentDir, 'blog/single.md'))],
      ['a renamed bundle', () => renameSync(join(contentDir, 'blog/beta'), join(contentDir, 'blog/beta-renamed'))],
      ['a folder that became a bundle', () => writeFileSync(join(contentDir, 'blog/2024/index.md'), post('The year'))],
      ['a post in a folder that held none', () => writeFileSync(join(contentDir, 'blog/drafts/empty-for-now/idea.md'), post('Idea'))],
      ['a bundle that lost its index file', () => rmSync(join(contentDir, 'blog/alpha/index.md'))],
      ['a new section', () => (mkdirSync(join(contentDir, 'talks/keynote'), { recursive: true }), writeFileSync(join(contentDir, 'talks/keynote/index.md'), post('Keynote')))],
      ['a deleted section', () => rmSync(join(contentDir, 'talks'), { recursive: true })],
      ['a section made hidden', () => renameSync(join(contentDir, 'blog'), join(contentDir, '.blog'))],
    ];
    for (const [what, change] of changes) {
      change();
      // The site rests again: only the times of the folders the change touched moved (to now).
      const listed = await launch(contentDir, cacheFile);
      expect(listed.paths, what).toEqual(await truth(contentDir));
      age(contentDir);
      expect((await launch(contentDir, cacheFile)).paths, `${what}, at rest`).toEqual(await truth(contentDir));
    }
  });

  it('reads again a folder changed just before it was read, even when its time then stays the same (a coarse clock)', async () => {
    const { contentDir, cacheFile } = await restingSite();
    const blog = join(contentDir, 'blog');
    // A clock that keeps whole seconds: a change a moment after the read leaves the same time.
    const tick = new Date(Math.floor(Date.now() / 1000) * 1000);
    utimesSync(blog, tick, tick);
    expect(Date.now() - statSync(blog).mtimeMs).toBeLessThan(RACY_MS);
    await launch(contentDir, cacheFile);
    writeFileSync(join(blog, 'same-tick.md'), post('Same tick'));
    utimesSync(blog, tick, tick);
    const next = await launch(contentDir, cacheFile);
    expect(next.paths).toContain('blog/same-tick.md');
    expect(next.paths).toEqual(await truth(contentDir));
  });

  it('never follows a folder record out of the content folder, whatever the cache file says', async () => {
    const { contentDir, cacheFile } = await restingSite();
    await launch(contentDir, cacheFile);
    mkdirSync(join(site!.root, 'outside'));
    writeFileSync(join(site!.root, 'outside', 'secret.md'), post('Secret plans'));
    const { rest, keep } = readListCache<{ folders: { path: string[]; subs: string[][] } }>(cacheFile);
    rest.folders.subs[rest.folders.path.indexOf('')].push('../outside');
    writeListCache(cacheFile, keep, rest);
    const listed = await launch(contentDir, cacheFile);
    expect(listed.paths.join(' ')).not.toContain('secret');
    expect(listed.paths).toEqual(await truth(contentDir));
  });
});
