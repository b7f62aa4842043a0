// The first status after launch takes the object id of each unchanged file from git's index
// (index-stats.ts) instead of reading the file, and stays exactly as right as `git status`:
// stat data that differ, git's "racily clean" entries, new, deleted and re-moded files are all
// looked at. Each case is checked against `git status --porcelain` on a real repository.
import { afterEach, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { findRepo } from '../../../electron/services/git/repo';
import { repoStatus } from '../../../electron/services/git/status';
import { STAT_CACHE_FILE } from '../../../electron/services/git/worktree-hash';
import { indexReads } from '../../../electron/services/git/index-stats';
import { makeSite, post, type TestSite } from './support';

const sites: TestSite[] = [];
afterEach(() => {
  for (const s of sites.splice(0)) s.remove();
});

const ago = (s: number) => new Date(Date.now() - s * 1000);

/** 30 bundle posts whose files are a minute old, with git's index refreshed to that stat data. */
function indexedSite(): TestSite {
  const files: Record<string, string> = {};
  for (let i = 0; i < 30; i++) {
    files[`content/blog/p${i}/index.md`] = post(`Post ${i}`, `Body ${i}.`);
    files[`content/blog/p${i}/photo.jpg`] = `jpeg ${i}`;
  }
  const s = makeSite(files);
  sites.push(s);
  const then = ago(60);
  for (const d of readdirSync(join(s.content, 'blog'))) {
    for (const f of readdirSync(join(s.content, 'blog', d))) utimesSync(join(s.content, 'blog', d, f), then, then);
    utimesSync(join(s.content, 'blog', d), then, then); // folders too: their listings are cached
  }
  utimesSync(join(s.content, 'blog'), then, then);
  // git records the new stat data in its index (and writes the index now, after the files).
  s.git('update-index', '--refresh');
  return s;
}

async function launch(s: TestSite) {
  const repo = (await findRepo(s.root, s.content))!;
  return { repo, status: await repoStatus(repo) };
}

/** Post paths `git status --porcelain` reports as not clean (bundle files mapped to their post). */
function cliUnsaved(s: TestSite): string[] {
  const lines = s.git('status', '--porcelain', '--untracked-files=all').split('\n').filter(Boolean);
  const posts = lines.map((l) => l.slice(3).replace(/^content\//, '').replace(/\/[^/]+$/, '/index.md'));
  return [...new Set(posts)].sort();
}

function unsaved(status: Awaited<ReturnType<typeof launch>>['status']): string[] {
  return Object.entries(status.posts)
    .filter(([, st]) => st !== 'saved')
    .map(([p]) => p)
    .sort();
}

describe('git status from the index', () => {
  it('the first status with no cache of its own reads no unchanged file: the index vouches for them', async () => {
    const s = indexedSite();
    expect(existsSync(join(s.root, '.git', STAT_CACHE_FILE))).toBe(false);
    const reads = indexReads.count;
    const { repo, status } = await launch(s);
    expect(Object.keys(status.posts)).toHaveLength(30);
    expect(unsaved(status)).toEqual([]);
    expect(cliUnsaved(s)).toEqual([]);
    expect(repo.hasher.filesRead).toBe(0);
    expect(indexReads.count).toBe(reads + 1); // one read of the index for the whole status
  });

  it('an edit of the same size with a different time is seen', async () => {
    const s = indexedSite();
    const f = join(s.content, 'blog/p4/index.md');
    writeFileSync(f, readFileSync(f, 'utf8').replace('Body 4.', 'Bodi 4.'));
    const t = ago(30);
    utimesSync(f, t, t);
    const { status } = await launch(s);
    expect(status.posts['blog/p4/index.md']).toBe('changed');
    expect(unsaved(status)).toEqual(cliUnsaved(s));
  });

  it('a racily clean entry (file written after the index was) is hashed, not trusted', async () => {
    const s = indexedSite();
    const f = join(s.content, 'blog/p7/index.md');
    const entryTime = ago(50);
    utimesSync(f, entryTime, entryTime);
    s.git('update-index', '--refresh'); // the entry now records the file at entryTime
    // The index is dated before the entry's time: git cannot know whether the file changed
    // again in that tick. Same size, same time, same inode: only the content differs.
    const indexTime = ago(100);
    utimesSync(join(s.root, '.git', 'index'), indexTime, indexTime);
    writeFileSync(f, readFileSync(f, 'utf8').replace('Body 7.', 'Bodx 7.'));
    utimesSync(f, entryTime, entryTime);
    expect(Math.abs(statSync(f).mtimeMs - entryTime.getTime())).toBeLessThan(1);

    const { repo, status } = await launch(s);
    expect(status.posts['blog/p7/index.md']).toBe('changed');
    expect(repo.hasher.filesRead).toBeGreaterThan(0);
    expect(unsaved(status)).toEqual(cliUnsaved(s));
    expect(cliUnsaved(s)).toEqual(['blog/p7/index.md']);
  });

  it('new posts, new and deleted bundle files, deleted posts and a changed mode are all seen', async () => {
    const s = indexedSite();
    s.write('content/blog/fresh/index.md', post('Fresh', 'New post.'));
    s.write('content/blog/p1/extra.jpg', 'another image');
    unlinkSync(join(s.content, 'blog/p2/photo.jpg'));
    unlinkSync(join(s.content, 'blog/p3/photo.jpg'));
    unlinkSync(join(s.content, 'blog/p3/index.md'));
    chmodSync(join(s.content, 'blog/p5/photo.jpg'), 0o755);
    const { status } = await launch(s);
    expect(status.posts['blog/fresh/index.md']).toBe('new');
    expect(status.posts['blog/p1/index.md']).toBe('changed');
    expect(status.posts['blog/p2/index.md']).toBe('changed');
    expect(status.posts['blog/p3/index.md']).toBeUndefined();
    expect(status.posts['blog/p5/index.md']).toBe('changed');
    // git lists the deleted post too; the post list no longer has it.
    expect(cliUnsaved(s)).toEqual(['blog/fresh/index.md', 'blog/p1/index.md', 'blog/p2/index.md', 'blog/p3/index.md', 'blog/p5/index.md']);
    expect(unsaved(status)).toEqual(['blog/fresh/index.md', 'blog/p1/index.md', 'blog/p2/index.md', 'blog/p5/index.md']);
  });

  it('the cache file keeps only what the index does not hold (small, quick to write)', async () => {
    const s = indexedSite();
    // A new image in a saved post: the one file git's index does not hold.
    s.write('content/blog/p1/extra.jpg', 'another image');
    const t = ago(30);
    utimesSync(join(s.content, 'blog/p1/extra.jpg'), t, t);
    const { repo, status } = await launch(s);
    expect(status.posts['blog/p1/index.md']).toBe('changed');
    await repo.hasher.flush();
    const saved = JSON.parse(readFileSync(join(s.root, '.git', STAT_CACHE_FILE), 'utf8')) as { entries: Record<string, unknown> };
    expect(Object.keys(saved.entries)).toEqual([join(s.content, 'blog/p1/extra.jpg')]);
  });

  // The warm status reuses what the last scan built for a bundle whose folder and files' stat
  // data are unchanged (scan-posts.ts): any change of one file's stat data must still be seen.
  it('a second status in the same process sees same-size edits, new and deleted files', async () => {
    const s = indexedSite();
    const repo = (await findRepo(s.root, s.content))!;
    expect(unsaved(await repoStatus(repo))).toEqual([]);
    expect(unsaved(await repoStatus(repo))).toEqual([]);

    const f = join(s.content, 'blog/p4/index.md');
    writeFileSync(f, readFileSync(f, 'utf8').replace('Body 4.', 'Bodi 4.'));
    const t = ago(20);
    utimesSync(f, t, t); // same size, older than the racy window, only the time differs
    const img = join(s.content, 'blog/p6/photo.jpg');
    writeFileSync(img, 'jpeg X'); // same size, fresh
    s.write('content/blog/p8/extra.jpg', 'another image');
    unlinkSync(join(s.content, 'blog/p9/photo.jpg'));
    const warm = await repoStatus(repo);
    expect(unsaved(warm)).toEqual(['blog/p4/index.md', 'blog/p6/index.md', 'blog/p8/index.md', 'blog/p9/index.md']);
    expect(unsaved(warm)).toEqual(cliUnsaved(s));
  });
});

describe('the stat cache file of an older version', () => {
  it('is ignored and replaced by a small one holding only what the index lacks', async () => {
    const s = indexedSite();
    const file = join(s.root, '.git', STAT_CACHE_FILE);
    // Version 1 kept every file; a wrong oid in it must not be believed either.
    const abs = join(s.content, 'blog/p0/index.md');
    const st = statSync(abs);
    writeFileSync(file, JSON.stringify({ version: 1, entries: { [abs]: [st.size, st.mtimeMs, st.ino, st.mode, 'f'.repeat(40)] } }));
    const { repo, status } = await launch(s);
    expect(status.posts['blog/p0/index.md']).toBe('saved');
    await repo.hasher.flush();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ version: 2, entries: {} });
  });
});

describe('an index written by git for Windows (no inode numbers)', () => {
  /** Sets every entry's inode to 0, as git for Windows writes them, and fixes the checksum. */
  function zeroInodes(indexFile: string): void {
    const buf = readFileSync(indexFile);
    const count = buf.readUInt32BE(8);
    let off = 12;
    for (let i = 0; i < count; i++) {
      buf.writeUInt32BE(0, off + 20);
      const nameLen = buf.readUInt16BE(off + 60) & 0xfff;
      off += Math.ceil((62 + nameLen + 1) / 8) * 8;
    }
    createHash('sha1').update(buf.subarray(0, buf.length - 20)).digest().copy(buf, buf.length - 20);
    writeFileSync(indexFile, buf);
  }

  it('is used (size and time match), and a same-size edit with another time is still seen', async () => {
    const s = indexedSite();
    zeroInodes(join(s.root, '.git', 'index'));
    expect(s.git('ls-files', '--debug', 'content/blog/p0/index.md')).toMatch(/ino: 0/);
    const f = join(s.content, 'blog/p4/index.md');
    writeFileSync(f, readFileSync(f, 'utf8').replace('Body 4.', 'Bodi 4.'));
    const t = ago(30);
    utimesSync(f, t, t);
    const { repo, status } = await launch(s);
    expect(unsaved(status)).toEqual(['blog/p4/index.md']);
    expect(repo.hasher.filesRead).toBeLessThanOrEqual(2); // p4's text (and nothing vouched for by the index)
  });
});
