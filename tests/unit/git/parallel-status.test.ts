// A warm status of a large site takes its lstat calls on two threads (parallel-lstat.ts). Here
// the helper thread is made to do every lstat (on a small site, so the test is quick) and its
// statuses must be exactly those of a scanner that lstat's each path itself, and git's own, after
// same-size edits, a racily clean file, new, deleted and moved files and folders.
import { afterEach, describe, expect, it } from 'vitest';
import { utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRepo, type Repo } from '../../../electron/services/git/repo';
import { repoStatus, type RepoStatus } from '../../../electron/services/git/status';
import { PostScanner } from '../../../electron/services/git/scan-posts';
import { bundleSiteFiles, makeAgedSite, makeEveryKindOfChange, post, type TestSite } from './support';

const sites: TestSite[] = [];
const scanners: PostScanner[] = [];
afterEach(() => {
  for (const s of sites.splice(0)) s.remove();
  for (const sc of scanners.splice(0)) sc.close();
});

/** 30 bundles, 10 plain posts, a bundle with a subfolder and one with accents, a minute old. */
function site(): TestSite {
  const files = bundleSiteFiles(30, 10);
  // A name beyond ASCII: the helpers read the paths as UTF-8 bytes from shared memory.
  files['content/blog/café-ünï/index.md'] = post('Café', 'Accents.');
  files['content/blog/café-ünï/tëst.jpg'] = 'accents';
  const s = makeAgedSite(files);
  sites.push(s);
  return s;
}

async function repoWith(s: TestSite, scanner: PostScanner): Promise<Repo> {
  const repo = (await findRepo(s.root, s.content))!;
  repo.scanner = scanner;
  scanners.push(scanner);
  return repo;
}

const unsaved = (st: RepoStatus) =>
  Object.entries(st.posts)
    .filter(([, v]) => v !== 'saved')
    .map(([k, v]) => `${k} ${v}`)
    .sort();

describe('git status with the lstat calls on a helper thread', () => {
  it('gives exactly the statuses of a one-thread scan and of git, after every kind of change', async () => {
    const s = site();
    const helper = new PostScanner({ minPaths: 1, helperOnly: true, helpers: 3 });
    const parallel = await repoWith(s, helper);
    const serial = await repoWith(s, new PostScanner({ parallel: false, minPaths: Number.POSITIVE_INFINITY }));

    // The first status fills the table of paths; the next ones are stat'ed by the helper.
    expect(unsaved(await repoStatus(parallel))).toEqual([]);
    expect(unsaved(await repoStatus(parallel))).toEqual([]);
    expect(unsaved(await repoStatus(serial))).toEqual([]);
    expect(helper.table.helperChunks).toBeGreaterThan(0);

    // Racily clean: same size and the very stat data git recorded, content changed. Git wrote
    // its index no later than the file's mtime (set ahead), so neither git nor we trust the entry.
    const p2 = join(s.content, 'blog/p2/stage.jpg');
    const ahead = new Date(Date.now() + 60_000);
    utimesSync(p2, ahead, ahead);
    s.git('add', 'content/blog/p2/stage.jpg');
    writeFileSync(p2, 'stXge 2');
    utimesSync(p2, ahead, ahead);
    makeEveryKindOfChange(s);
    // And edits in a bundle's subfolder and in a bundle with an accented name.
    writeFileSync(join(s.content, 'blog/deep/gallery/one.jpg'), 'ONE');
    writeFileSync(join(s.content, 'blog/café-ünï/tëst.jpg'), 'ACCENTS');

    const chunksBefore = helper.table.helperChunks;
    const expected = [
      'blog/café-ünï/index.md changed',
      'blog/deep/index.md changed',
      'blog/fresh/index.md new',
      'blog/p1/index.md changed',
      'blog/p2/index.md changed',
      'blog/p3/index.md changed',
      'blog/p4/index.md changed',
      'blog/p6-moved/index.md new',
      'blog/p7/index.md changed',
      'blog/p8/index.md changed',
      'notes/n99.md new',
    ];
    for (let round = 0; round < 3; round++) {
      const a = await repoStatus(parallel);
      const b = await repoStatus(serial);
      expect(unsaved(a)).toEqual(expected);
      expect(a.posts).toEqual(b.posts);
    }
    expect(helper.table.helperChunks).toBeGreaterThan(chunksBefore);
    // Git agrees on which posts' files differ from the last version (the removed p5 and the
    // moved p6 are its deletions; the post list no longer has them).
    const cli = s
      .git('-c', 'core.quotePath=false', 'status', '--porcelain', '-uall', 'content')
      .split('\n')
      .filter(Boolean)
      .map((l) => l.slice(3).replace(/^content\//, '').split('/').slice(0, 2).join('/'));
    expect([...new Set(cli)].sort()).toEqual(['blog/café-ünï', 'blog/deep', 'blog/fresh', 'blog/p1', 'blog/p2', 'blog/p3', 'blog/p4', 'blog/p5', 'blog/p6', 'blog/p6-moved', 'blog/p7', 'blog/p8', 'notes/n99.md']);
  });

  it('a helper that is closed between statuses is started again and gives the same answers', async () => {
    const s = site();
    const helper = new PostScanner({ minPaths: 1, helperOnly: true });
    const repo = await repoWith(s, helper);
    await repoStatus(repo);
    const before = await repoStatus(repo);
    helper.close();
    writeFileSync(join(s.content, 'notes/n3.md'), post('Note 3', 'Edited.'));
    const after = await repoStatus(repo);
    expect(unsaved(before)).toEqual([]);
    expect(unsaved(after)).toEqual(['notes/n3.md changed']);
    expect(helper.table.helperChunks).toBeGreaterThan(1);
  });
});
