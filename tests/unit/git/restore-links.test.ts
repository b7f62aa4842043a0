// Restore writes files from an old version's tree: like Sync, it never writes through a folder
// that is a link on this computer, and never makes a link (see electron/services/git/safe-write.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeSite, service, post, type TestSite } from './support';

const cleanup: Array<() => void> = [];
afterEach(() => {
  while (cleanup.length) cleanup.pop()!();
});
function site(files: Record<string, string>): TestSite {
  const s = makeSite(files);
  cleanup.push(() => s.remove());
  return s;
}
function outsideDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'postwright-outside-'));
  cleanup.push(() => rmSync(d, { recursive: true, force: true }));
  return d;
}

describe('restore and links', () => {
  it('refuses, by name, to restore into a folder that is now a link out of the site, and writes nothing', async () => {
    const s = site({ 'content/blog/harbor/index.md': post('Harbor Talk', 'One.'), 'content/blog/harbor/gallery/dawn.png': 'png-bytes' });
    const git = service(s);
    const [v1] = await git.history('blog/harbor/index.md');
    const outside = outsideDir();
    rmSync(join(s.root, 'content/blog/harbor/gallery'), { recursive: true });
    symlinkSync(outside, join(s.root, 'content/blog/harbor/gallery'));

    const err = await git.restore('blog/harbor/index.md', v1.id).catch((e) => e);
    expect(err).toMatchObject({ code: 'git', details: { problem: 'linked-folder', link: 'content/blog/harbor/gallery' } });
    expect(readdirSync(outside)).toEqual([]);
  });

  it('a link saved in an old version comes back as a regular file holding its text', async () => {
    const s = site({ 'content/blog/harbor/index.md': post('Harbor Talk', 'One.') });
    const outside = outsideDir();
    symlinkSync(outside, join(s.root, 'content/blog/harbor/elsewhere'));
    s.git('add', '-A');
    s.git('commit', '-qm', 'A link');
    const git = service(s);
    const [v] = await git.history('blog/harbor/index.md');
    rmSync(join(s.root, 'content/blog/harbor/elsewhere'));
    s.write('content/blog/harbor/index.md', post('Harbor Talk', 'Two.'));

    await git.restore('blog/harbor/index.md', v.id);
    const restored = join(s.root, 'content/blog/harbor/elsewhere');
    expect(lstatSync(restored).isSymbolicLink()).toBe(false);
    expect(readFileSync(restored, 'utf8')).toBe(outside);
  });
});
