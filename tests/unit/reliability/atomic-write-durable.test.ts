// writeFileAtomic fsyncs the file and its folder unless told the file is a rebuildable cache
// (durable: false): git's index, which Save version rewrites whole (30 MB at 100,000 posts) and
// which git itself does not fsync by default. Either way the file is replaced whole, by rename.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../../../electron/services/fs/atomic-write';
import { patchIndexEntries } from '../../../electron/services/git/index-patch';
import { makeSite, post } from '../git/support';

let dir = '';
afterEach(() => {
  vi.restoreAllMocks();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Counts fsync calls on file handles (the prototype every FileHandle shares). */
async function countSyncs(): Promise<{ count: () => number }> {
  const probe = await open(join(dir, 'probe'), 'w');
  const proto = Object.getPrototypeOf(probe) as { sync: () => Promise<void> };
  await probe.close();
  const spy = vi.spyOn(proto, 'sync');
  return { count: () => spy.mock.calls.length };
}

describe('writeFileAtomic durability', () => {
  it('fsyncs the file and its folder by default', async () => {
    dir = mkdtempSync(join(tmpdir(), 'pw-durable-'));
    const syncs = await countSyncs();
    await writeFileAtomic(join(dir, 'post.md'), Buffer.from('words\n'));
    expect(readFileSync(join(dir, 'post.md'), 'utf8')).toBe('words\n');
    expect(syncs.count()).toBe(process.platform === 'win32' ? 1 : 2);
  });

  it('skips both with durable: false, and still replaces the file whole', async () => {
    dir = mkdtempSync(join(tmpdir(), 'pw-durable-'));
    writeFileSync(join(dir, 'cache.bin'), 'old');
    const syncs = await countSyncs();
    await writeFileAtomic(join(dir, 'cache.bin'), Buffer.from('new'), { durable: false });
    expect(readFileSync(join(dir, 'cache.bin'), 'utf8')).toBe('new');
    expect(syncs.count()).toBe(0);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]); // no temp file left
  });

  it('the index patch of Save version writes git’s index without fsync', async () => {
    const s = makeSite({ 'content/blog/harbor/index.md': post('Harbor Talk', 'Waves.') });
    dir = mkdtempSync(join(tmpdir(), 'pw-durable-'));
    try {
      s.write('content/blog/harbor/index.md', post('Harbor Talk', 'Bigger waves.'));
      const syncs = await countSyncs();
      const patched = await patchIndexEntries(join(s.root, '.git'), [{ path: 'content/blog/harbor/index.md', abs: join(s.root, 'content/blog/harbor/index.md'), oid: s.git('hash-object', 'content/blog/harbor/index.md').trim() }]);
      expect(patched).toBe(true);
      expect(syncs.count()).toBe(0);
      // The index now holds the edited file's blob and stat data: staged, and clean in the work tree.
      expect(s.git('status', '--porcelain')).toBe('M  content/blog/harbor/index.md\n');
    } finally {
      s.remove();
    }
  });
});
