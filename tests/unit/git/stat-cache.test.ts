// The stat cache behind git status is kept between runs (a file in the repository's .git), so
// the first status after launch lstat's each file instead of reading every post and image.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRepo } from '../../../electron/services/git/repo';
import { repoStatus } from '../../../electron/services/git/status';
import { STAT_CACHE_FILE } from '../../../electron/services/git/worktree-hash';
import { makeSite, post, type TestSite } from './support';

const sites: TestSite[] = [];
afterEach(() => {
  for (const s of sites.splice(0)) s.remove();
});

/** A site whose files were last written a minute ago (older than the "racy" window). */
function oldSite(): TestSite {
  const files: Record<string, string> = {};
  for (let i = 0; i < 40; i++) {
    files[`content/blog/p${i}/index.md`] = post(`Post ${i}`, `Body ${i}.`);
    files[`content/blog/p${i}/photo.jpg`] = `jpeg ${i}`;
  }
  const s = makeSite(files);
  sites.push(s);
  const then = new Date(Date.now() - 60_000);
  for (const d of readdirSync(join(s.content, 'blog'))) for (const f of readdirSync(join(s.content, 'blog', d))) utimesSync(join(s.content, 'blog', d, f), then, then);
  return s;
}

async function launch(s: TestSite) {
  const repo = (await findRepo(s.root, s.content))!;
  return { repo, status: await repoStatus(repo) };
}

describe('git status stat cache', () => {
  it('the first status after a relaunch reads no file that did not change', async () => {
    const s = oldSite();
    const first = await launch(s);
    expect(Object.values(first.status.posts).every((st) => st === 'saved')).toBe(true);
    expect(first.repo.hasher.filesRead).toBeGreaterThanOrEqual(80);
    await first.repo.hasher.flush();
    expect(existsSync(join(s.root, '.git', STAT_CACHE_FILE))).toBe(true);

    const second = await launch(s);
    expect(second.status.posts).toEqual(first.status.posts);
    expect(second.repo.hasher.filesRead).toBe(0);
  });

  it('a file changed between runs is read again and reported changed', async () => {
    const s = oldSite();
    const first = await launch(s);
    await first.repo.hasher.flush();
    writeFileSync(join(s.content, 'blog/p3/index.md'), post('Post 3', 'Edited while Postwright was closed.'));
    const second = await launch(s);
    expect(second.status.posts['blog/p3/index.md']).toBe('changed');
    // Only the changed post is read (it is fresh, so inside the racy window it is not cached
    // and a status may hash it more than once); none of the other 79 files.
    expect(second.repo.hasher.filesRead).toBeGreaterThan(0);
    expect(second.repo.hasher.filesRead).toBeLessThanOrEqual(2);
  });

  it('a damaged cache file is ignored: status reads the files and is right', async () => {
    const s = oldSite();
    writeFileSync(join(s.root, '.git', STAT_CACHE_FILE), '{"version":1,"entries":{"x":[1,2,3');
    const { repo, status } = await launch(s);
    expect(status.posts['blog/p0/index.md']).toBe('saved');
    expect(repo.hasher.filesRead).toBeGreaterThanOrEqual(80);
  });

  // A guard, not a fix: the status already awaits real I/O per post (trees, refs), so the main
  // process keeps answering while it runs; this keeps it that way.
  it('a status of many posts lets the event loop turn while it works', async () => {
    const s = oldSite();
    for (let i = 40; i < 600; i++) s.write(`content/notes/n${i}.md`, post(`Note ${i}`, 'Short.'));
    // All saved in a version: nothing for the status to look up asynchronously per post.
    s.git('add', '.');
    s.git('commit', '-qm', 'Notes');
    const repo = (await findRepo(s.root, s.content))!;
    let turns = 0;
    let spinning = true;
    const spin = () => {
      if (!spinning) return;
      turns++;
      setImmediate(spin);
    };
    setImmediate(spin);
    const before = turns;
    const status = await repoStatus(repo);
    spinning = false;
    expect(Object.keys(status.posts)).toHaveLength(600);
    expect(turns - before).toBeGreaterThanOrEqual(5);
  });
});
