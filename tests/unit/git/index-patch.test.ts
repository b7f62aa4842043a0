// Save version brings git's index in line by patching the saved files' entries in place when
// only their content changed (electron/services/git/index-patch.ts): the command line must then
// see the post clean, and a commit made there afterwards must hold the saved post as it is
// (the cached trees git kept in the index are dropped, never left stale). Anything but the plain
// case leaves the index untouched for isomorphic-git to update.
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeSite, service, post, fsckClean, type TestSite } from './support';
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
});
