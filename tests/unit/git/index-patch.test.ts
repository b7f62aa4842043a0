// Save version brings git's index in line by patching the saved files' entries in place when
// only their content changed (electron/services/git/index-patch.ts): the command line must then
// see the post clean, and a commit made there afterwards must hold the saved post as it is
// (the cached trees git kept in the index are dropped, never left stale). Anything but the plain
// case leaves the index untouched for isomorphic-git to update.
import { afterEach, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleSiteFiles, makeSite, service, post, fsckClean, type TestSite } from './support';
import { indexPatches, patchIndexEntries } from '../../../electron/services/git/index-patch';

let sites: TestSite[] = [];
afterEach(() => {
  for (const s of sites) s.remove();
  sites = [];
});

describe('index patch after Save version', () => {
  it('patches the edited files in place: the command line sees them clean, and its next commit keeps them', async () => {
    const s = makeSite({
      'content/blog/harbor/index.md': post('Harbor Talk', 'Waves.'),
      'content/blog/harbor/stage.png': 'image',
      'content/blog/lantern/index.md': post('Lantern Demo', 'Light.'),
      'content/notes/tide.md': post('Tide', 'Low.'),
    });
    sites.push(s);
    // Git keeps its cached trees in the index after a commit on the command line.
    s.git('commit', '-q', '--allow-empty', '-m', 'touch');
    s.git('read-tree', 'HEAD'); // writes the cached-trees extension
    expect(readFileSync(join(s.root, '.git/index')).includes('TREE')).toBe(true);
    s.write('content/blog/harbor/index.md', post('Harbor Talk', 'Bigger waves.'));
    s.write('content/notes/tide.md', post('Tide', 'High.'));
    const patched = indexPatches.count;
    const saved = await service(s).saveVersion('blog/harbor/index.md');
    expect(indexPatches.count).toBe(patched + 1); // the in-place patch ran, not isomorphic-git's rewrite
    expect(readFileSync(join(s.root, '.git/index')).includes('TREE')).toBe(false);
    expect(s.git('status', '--porcelain')).toBe(' M content/notes/tide.md\n');
    expect(s.git('diff', '--cached', '--name-only')).toBe('');
    // A commit on the command line now builds its trees from the patched entries.
    s.git('commit', '-q', '-am', 'Tide on the command line');
    expect(s.git('status', '--porcelain')).toBe('');
    expect(s.git('rev-parse', 'HEAD:content/blog/harbor/index.md').trim()).toBe(s.git('rev-parse', `${saved.version}:content/blog/harbor/index.md`).trim());
    expect(s.git('show', 'HEAD:content/blog/harbor/index.md')).toContain('Bigger waves.');
    expect(s.git('show', '--name-only', '--format=', 'HEAD').trim()).toBe('content/notes/tide.md');
    expect(fsckClean(s.root)).toBe(true);
  });

  it('leaves the index untouched when a file is not in it or the index is not the plain case', async () => {
    const s = makeSite({ 'content/a.md': post('A', 'a') });
    sites.push(s);
    const file = join(s.root, '.git/index');
    const before = readFileSync(file);
    const oid = 'a'.repeat(40);
    expect(await patchIndexEntries(join(s.root, '.git'), [{ path: 'content/missing.md', abs: join(s.content, 'a.md'), oid }])).toBe(false);
    expect(readFileSync(file).equals(before)).toBe(true);
    s.git('config', 'index.version', '4');
    s.git('update-index', '--index-version', '4');
    const v4 = readFileSync(file);
    expect(await patchIndexEntries(join(s.root, '.git'), [{ path: 'content/a.md', abs: join(s.content, 'a.md'), oid }])).toBe(false);
    expect(readFileSync(file).equals(v4)).toBe(true);
  });

  it('streams the index through a window: entries and extensions across its edges patch the same bytes as one pass', async () => {
    const s = makeSite(bundleSiteFiles(40, 30));
    sites.push(s);
    s.git('read-tree', 'HEAD'); // a cached-trees extension of some kilobytes, skipped over in pieces
    const edited = ['content/blog/p0/index.md', 'content/blog/p17/stage.jpg', 'content/notes/n29.md'];
    for (const rel of edited) s.write(rel, `${rel} changed\n`);
    const updates = edited.map((rel) => ({ path: rel, abs: join(s.root, rel), oid: s.git('hash-object', rel).trim() }));
    const original = readFileSync(join(s.root, '.git/index'));
    expect(original.length).toBeGreaterThan(10_000);
    const scratch = mkdtempSync(join(tmpdir(), 'postwright-index-'));
    try {
      const patchWith = async (windowBytes?: number) => {
        writeFileSync(join(scratch, 'index'), original);
        expect(await patchIndexEntries(scratch, updates, windowBytes)).toBe(true);
        return readFileSync(join(scratch, 'index'));
      };
      const whole = await patchWith();
      // Windows of a few entries (each some 100 bytes): every entry and the extension straddle an edge somewhere.
      for (const w of [160, 257, 1000, 4096]) expect((await patchWith(w)).equals(whole), `window ${w}`).toBe(true);
      // Git reads the result: the edited files are staged with their new content and nothing else changed.
      copyFileSync(join(scratch, 'index'), join(s.root, '.git/index'));
      expect(s.git('status', '--porcelain')).toBe(edited.map((rel) => `M  ${rel}\n`).join(''));
      expect(readFileSync(join(s.root, '.git/index')).includes('TREE')).toBe(false);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('leaves an index whose checksum does not hold untouched, and one whose entry does not fit the window', async () => {
    const s = makeSite({ 'content/a.md': post('A', 'a'), 'content/b.md': post('B', 'b') });
    sites.push(s);
    s.write('content/a.md', post('A', 'changed'));
    const file = join(s.root, '.git/index');
    const updates = [{ path: 'content/a.md', abs: join(s.content, 'a.md'), oid: s.git('hash-object', 'content/a.md').trim() }];
    const good = readFileSync(file);
    const torn = Buffer.from(good);
    torn[20] ^= 1; // a changed byte in the first entry's stat data
    writeFileSync(file, torn);
    expect(await patchIndexEntries(join(s.root, '.git'), updates)).toBe(false);
    expect(readFileSync(file).equals(torn)).toBe(true);
    writeFileSync(file, good);
    expect(await patchIndexEntries(join(s.root, '.git'), updates, 40)).toBe(false);
    expect(readFileSync(file).equals(good)).toBe(true);
    expect(await patchIndexEntries(join(s.root, '.git'), updates)).toBe(true);
    expect(s.git('status', '--porcelain')).toBe('M  content/a.md\n');
  });
});
