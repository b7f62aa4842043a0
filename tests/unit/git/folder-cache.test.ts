// The folder listings behind git status are kept between launches (a file in the repository's
// .git, scan-posts.ts): the first status after a relaunch lstat's each folder instead of reading
// it. Its statuses must be exactly those of a launch without the file, and git's own, after
// every kind of change made while the app was closed; a damaged or crafted file is ignored.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRepo, type Repo } from '../../../electron/services/git/repo';
import { repoStatus, type RepoStatus } from '../../../electron/services/git/status';
import { FOLDER_CACHE_FILE, PostScanner } from '../../../electron/services/git/scan-posts';
import { bundleSiteFiles, makeAgedSite, makeEveryKindOfChange, type TestSite } from './support';

const sites: TestSite[] = [];
const repos: Repo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.scanner.close();
  for (const s of sites.splice(0)) s.remove();
});

/** 20 bundles, 5 plain posts and a bundle with a subfolder, files and folders a minute old. */
function site(): TestSite {
  const s = makeAgedSite(bundleSiteFiles(20, 5));
  sites.push(s);
  return s;
}

/** A launch: a new repository object (its scanner takes in the cache file), and its first status. */
async function launch(s: TestSite, scanner?: PostScanner): Promise<{ repo: Repo; status: RepoStatus }> {
  const repo = (await findRepo(s.root, s.content))!;
  if (scanner) repo.scanner = scanner;
  // These sites have some thirty folders: below the size whose listings the app keeps on disk.
  else repo.scanner.minCachedFolders = 0;
  repos.push(repo);
  return { repo, status: await repoStatus(repo) };
}

const unsaved = (st: RepoStatus) =>
  Object.entries(st.posts)
    .filter(([, v]) => v !== 'saved')
    .map(([k, v]) => `${k} ${v}`)
    .sort();

describe('git status folder listings kept between launches', () => {
  it('the first status after a relaunch reads no folder that did not change, with the same answers', async () => {
    const s = site();
    const first = await launch(s);
    expect(first.repo.scanner.foldersRead).toBeGreaterThanOrEqual(24);
    expect(unsaved(first.status)).toEqual([]);
    await first.repo.scanner.flush();
    expect(existsSync(join(s.root, '.git', FOLDER_CACHE_FILE))).toBe(true);

    const file = join(s.root, '.git', FOLDER_CACHE_FILE);
    const written = statSync(file).mtimeMs;
    const second = await launch(s);
    expect(second.repo.scanner.foldersRead).toBe(0);
    expect(second.status.posts).toEqual(first.status.posts);
    // Nothing changed: the file is not written again.
    await second.repo.scanner.flush();
    expect(statSync(file).mtimeMs).toBe(written);
  });

  it('a small site gets no file: its folders are read at each launch, and its git folder is left as it was', async () => {
    const s = site();
    const repo = (await findRepo(s.root, s.content))!;
    repos.push(repo);
    expect(repo.scanner.listingsCount()).toBe(0);
    await repoStatus(repo);
    expect(repo.scanner.listingsCount()).toBeGreaterThanOrEqual(24);
    expect(repo.scanner.listingsCount()).toBeLessThan(repo.scanner.minCachedFolders);
    await repo.scanner.flush();
    expect(existsSync(join(s.root, '.git', FOLDER_CACHE_FILE))).toBe(false);
  });

  it('gives exactly the statuses of a launch without the cache and of git, after every kind of change made while closed', async () => {
    const s = site();
    await (await launch(s)).repo.scanner.flush();
    makeEveryKindOfChange(s);
    // And a file in a bundle's subfolder.
    writeFileSync(join(s.content, 'blog/deep/gallery/two.jpg'), 'TWO');

    const expected = [
      'blog/deep/index.md changed',
      'blog/fresh/index.md new',
      'blog/p1/index.md changed',
      'blog/p3/index.md changed',
      'blog/p4/index.md changed',
      'blog/p6-moved/index.md new',
      'blog/p7/index.md changed',
      'blog/p8/index.md changed',
      'notes/n99.md new',
    ];
    const cached = await launch(s);
    const without = await launch(s, new PostScanner({}, null));
    expect(unsaved(cached.status)).toEqual(expected);
    expect(cached.status.posts).toEqual(without.status.posts);
    // Only the folders that changed were read again (the unchanged bundles were not).
    expect(cached.repo.scanner.foldersRead).toBeLessThan(without.repo.scanner.foldersRead / 2);
    const cli = s
      .git('-c', 'core.quotePath=false', 'status', '--porcelain', '-uall', 'content')
      .split('\n')
      .filter(Boolean)
      .map((l) => l.slice(3).replace(/^content\//, '').split('/').slice(0, 2).join('/'));
    expect([...new Set(cli)].sort()).toEqual(['blog/deep', 'blog/fresh', 'blog/p1', 'blog/p3', 'blog/p4', 'blog/p5', 'blog/p6', 'blog/p6-moved', 'blog/p7', 'blog/p8', 'notes/n99.md']);
  });

  it('a damaged cache file, or one naming folders outside the site, is ignored: status reads the folders and is right', async () => {
    const s = site();
    const file = join(s.root, '.git', FOLDER_CACHE_FILE);
    await (await launch(s)).repo.scanner.flush();
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { base: string; dirs: string[]; entries: string[] };
    const expected = (await launch(s, new PostScanner({}, null))).status.posts;

    writeFileSync(file, '{"version": 1, "base": ');
    const damaged = await launch(s);
    expect(damaged.status.posts).toEqual(expected);
    expect(damaged.repo.scanner.foldersRead).toBeGreaterThanOrEqual(24);

    // A listing of the site's own folder made to name entries that climb out of it.
    const i = saved.dirs.indexOf('');
    saved.entries[i] = 'd..//fblog';
    saved.dirs.push('/../..');
    saved.entries.push('fetc');
    for (const k of ['mtimeMs', 'ino'] as const) (saved as unknown as Record<string, number[]>)[k].push(0);
    writeFileSync(file, JSON.stringify(saved));
    const crafted = await launch(s);
    expect(crafted.status.posts).toEqual(expected);
  });
});
