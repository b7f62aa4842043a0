// Temp files of saves a crash interrupted (`.<name>.postwright-<hex>.tmp`) are removed when the
// site opens and on the next save of that file, and a version never holds one. A temp file of a
// save still under way (this process's, or another's only a moment old) is left alone.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { makeTestApp } from './test-app';
import { makeSite, service, post } from '../git/support';

const cleanup: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

/** A temp file as a killed save leaves it, `ageMs` old. */
function leftover(abs: string, ageMs = 60_000): string {
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(abs, 'half a post');
  const t = new Date(Date.now() - ageMs);
  utimesSync(abs, t, t);
  return abs;
}

const POST = '---\ntitle: Driftwood Summit recap\n---\nThe keynote opened with tide tables.\n';

describe('leftover temp files', () => {
  it('are removed when the site opens, anywhere in the site but never through a link', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'pw-outside-'));
    cleanup.push(() => rmSync(outside, { recursive: true, force: true }));
    const outsideTemp = leftover(join(outside, '.x.md.postwright-abcdef123456.tmp'));
    const t = await makeTestApp({ 'content/blog/a/index.md': POST, 'content/b.md': POST, 'static/images/logo.png': 'png' });
    cleanup.push(() => t.dispose());
    await t.app.leftoversSwept; // the first open's sweep (in the background) is done
    const root = t.site.root;
    // Made after the first open; the writer opens the site again (as after a crash and restart).
    const made = [
      leftover(join(root, 'content/blog/a/.index.md.postwright-0a1b2c3d4e5f.tmp')),
      leftover(join(root, 'content/.b.md.postwright-ffffffffffff.tmp')),
      leftover(join(root, 'static/images/.logo.png.postwright-123456abcdef.tmp')),
    ];
    const fresh = leftover(join(root, 'content/.b.md.postwright-aaaaaaaaaaaa.tmp'), 0); // a save under way elsewhere
    const notOurs = leftover(join(root, 'content/.b.md.other-tool.tmp'));
    symlinkSync(outside, join(root, 'content/linked'));

    await t.app.openSite(root);
    expect(await t.app.leftoversSwept).toBe(made.length);
    for (const f of made) expect(existsSync(f), f).toBe(false);
    expect(existsSync(fresh)).toBe(true);
    expect(existsSync(notOurs)).toBe(true);
    expect(existsSync(outsideTemp)).toBe(true);
  });

  it('are removed on the next save of that post, and only of that post', async () => {
    const t = await makeTestApp({ 'content/blog/a/index.md': POST, 'content/blog/a/photo.png': 'png' });
    cleanup.push(() => t.dispose());
    await t.app.leftoversSwept; // the open's sweep is done: only the save removes a temp file now
    const dir = join(t.site.root, 'content/blog/a');
    const mine = leftover(join(dir, '.index.md.postwright-0a1b2c3d4e5f.tmp'));
    const photo = leftover(join(dir, '.photo.png.postwright-0a1b2c3d4e5f.tmp'));
    const read = await t.dispatch('readPost', { path: 'blog/a/index.md' });
    expect(read.ok).toBe(true);
    const saved = await t.dispatch('savePost', { path: 'blog/a/index.md', raw: `${POST}More.\n`, bom: false, expectedHash: (read as { value: { hash: string } }).value.hash });
    expect(saved.ok).toBe(true);
    expect(existsSync(mine)).toBe(false);
    expect(existsSync(photo)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['.photo.png.postwright-0a1b2c3d4e5f.tmp', 'index.md', 'photo.png']);
  });

  it('Save version never puts one in a version, and status does not count one as a change', async () => {
    const s = makeSite({ 'content/blog/a/index.md': post('Harbor Talk', 'One.') });
    cleanup.push(() => s.remove());
    const git = service(s);
    leftover(join(s.root, 'content/blog/a/.index.md.postwright-0a1b2c3d4e5f.tmp'));
    expect((await git.status()).posts['blog/a/index.md']).toBe('saved');
    s.write('content/blog/a/index.md', post('Harbor Talk', 'Two.'));
    await git.saveVersion('blog/a/index.md');
    expect(s.git('ls-tree', '-r', '--name-only', 'HEAD', 'content/blog/a').trim().split('\n')).toEqual(['content/blog/a/index.md']);
    expect((await git.status()).posts['blog/a/index.md']).toBe('saved');
  });
});
