import { afterEach, describe, expect, it } from 'vitest';
import { renameSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { makeTestApp, type TestApp } from './test-app';
import { installWatcher, siteWatcher } from '../../../electron/services/watch/install-watcher';
import { isIgnored } from '../../../electron/services/watch/site-watcher';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.dispose();
  t = undefined;
});

const POST = '---\ntitle: Lanternfish Labs launch\n---\nBody.\n';

async function start(files: Record<string, string>): Promise<TestApp> {
  const app = await makeTestApp(files, (a) => installWatcher(a, { debounceMs: 80, maxWaitMs: 400 }));
  await siteWatcher(app.app)!.ready;
  return app;
}

async function waitFor<T>(probe: () => T | undefined, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

const named = (name: string) => (t!.events.filter((e) => e.event === name).map((e) => e.payload) as Array<Record<string, unknown>>);

describe('site watcher', () => {
  it('reports a post changed by another program, with its new hash', async () => {
    t = await start({ 'content/blog/launch/index.md': POST });
    await t.dispatch('readPost', { path: 'blog/launch/index.md' });
    writeFileSync(join(t.site.root, 'content/blog/launch/index.md'), `${POST}A colleague added this.\n`);
    const ev = await waitFor(() => named('postChangedOnDisk')[0]);
    expect(ev).toMatchObject({ path: 'blog/launch/index.md', deleted: false, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const reread = await t.dispatch('readPost', { path: 'blog/launch/index.md' });
    expect(reread).toMatchObject({ ok: true, value: { hash: ev.hash } });
  });

  it('reports a post changed while the watcher was still starting', async () => {
    // No wait for `ready`: the post is read and changed at once, as a fast start allows, while
    // the watcher still scans a big content folder.
    const files: Record<string, string> = { 'content/zz/last/a.md': POST };
    for (let i = 0; i < 3000; i++) files[`content/bulk/${i % 300}/post-${i}.md`] = POST;
    t = await makeTestApp(files, (a) => installWatcher(a, { debounceMs: 80, maxWaitMs: 400 }));
    await t.dispatch('readPost', { path: 'zz/last/a.md' });
    writeFileSync(join(t.site.root, 'content/zz/last/a.md'), `${POST}Changed during the first scan.\n`);
    await siteWatcher(t.app)!.ready;
    expect(await waitFor(() => named('postChangedOnDisk')[0])).toMatchObject({ path: 'zz/last/a.md', deleted: false });
    expect(named('postChangedOnDisk')).toHaveLength(1);
  });

  it('reports a change even when the gallery reads the post before the watcher looks', async () => {
    t = await start({ 'content/blog/launch/index.md': POST });
    await t.dispatch('listGallery', { postPath: 'blog/launch/index.md' }); // its code is loaded
    await t.dispatch('readPost', { path: 'blog/launch/index.md' });
    writeFileSync(join(t.site.root, 'content/blog/launch/index.md'), `${POST}A colleague added this.\n`);
    // Listing the post's images reads the new bytes within the watcher's debounce.
    expect((await t.dispatch('listGallery', { postPath: 'blog/launch/index.md' })).ok).toBe(true);
    expect(await waitFor(() => named('postChangedOnDisk')[0])).toMatchObject({ path: 'blog/launch/index.md', deleted: false });
  });

  it('does not report the app\'s own save', async () => {
    t = await start({ 'content/a.md': POST });
    const post = await t.dispatch('readPost', { path: 'a.md' });
    if (!post.ok) throw new Error('read failed');
    const saved = await t.dispatch('savePost', { path: 'a.md', raw: `${POST}More.\n`, bom: false, expectedHash: (post.value as { hash: string }).hash });
    expect(saved.ok).toBe(true);
    // Then an outside change, to prove the watcher was listening all along.
    await new Promise((r) => setTimeout(r, 300));
    writeFileSync(join(t.site.root, 'content/a.md'), 'outside\n');
    await waitFor(() => named('postChangedOnDisk')[0]);
    expect(named('postChangedOnDisk')).toHaveLength(1);
    expect(named('postsChanged')).toHaveLength(0);
  });

  it('reports added, deleted and renamed posts', async () => {
    t = await start({ 'content/a.md': POST });
    await t.dispatch('readPost', { path: 'a.md' });
    writeFileSync(join(t.site.root, 'content/new.md'), POST);
    await waitFor(() => named('postsChanged')[0]);
    expect(named('postChangedOnDisk')).toHaveLength(0);

    t.events.length = 0;
    rmSync(join(t.site.root, 'content/a.md'));
    await waitFor(() => named('postChangedOnDisk')[0]);
    expect(named('postChangedOnDisk')[0]).toEqual({ path: 'a.md', hash: null, deleted: true });
    await waitFor(() => named('postsChanged')[0]);

    t.events.length = 0;
    mkdirSync(join(t.site.root, 'content/blog'));
    await new Promise((r) => setTimeout(r, 300));
    t.events.length = 0;
    renameSync(join(t.site.root, 'content/new.md'), join(t.site.root, 'content/blog/renamed.md'));
    await waitFor(() => named('postsChanged')[0]);
  });

  it('ignores dotfiles, our temp files and node_modules', async () => {
    t = await start({ 'content/a.md': POST });
    writeFileSync(join(t.site.root, 'content/.a.md.postwright-0123456789ab.tmp'), 'x');
    writeFileSync(join(t.site.root, 'content/.hidden.md'), 'x');
    mkdirSync(join(t.site.root, 'content/node_modules'));
    writeFileSync(join(t.site.root, 'content/node_modules/readme.md'), 'x');
    await new Promise((r) => setTimeout(r, 500));
    expect(t.events).toEqual([]);
    expect(isIgnored('/s/content', '/s/content')).toBe(false);
    expect(isIgnored('/s/content', '/s/content/.git/HEAD')).toBe(true);
    expect(isIgnored('/s/content', '/s/content/blog/launch/index.md')).toBe(false);
    expect(isIgnored('/s/content', '/s/content/blog/node_modules/a.md')).toBe(true);
    // Not under the folder (the fast path does not apply): as path.relative says.
    expect(isIgnored('/s/content', '/s/contentx/a.md')).toBe(true);
    expect(isIgnored('/s/content/', '/s/content/blog/a.md')).toBe(false);
  });

  it('stops when the site closes', async () => {
    t = await start({ 'content/a.md': POST });
    await t.app.closeSite();
    writeFileSync(join(t.site.root, 'content/b.md'), POST);
    await new Promise((r) => setTimeout(r, 400));
    expect(t.events).toEqual([]);
  });

  it('tells the writer once, in plain words, when the site cannot all be watched', async () => {
    t = await start({ 'content/a.md': POST });
    // The system's watch limit cannot be reached on a test machine without starving other
    // programs, so the watcher's own error event stands in for the OS refusing one more folder.
    const folders = (siteWatcher(t.app) as unknown as { watcher: NodeJS.EventEmitter }).watcher;
    const refused = (code: string) => Object.assign(new Error(`${code}: refused`), { code });
    folders.emit('error', refused('ENOENT')); // a folder deleted under the scan: no trouble
    expect(named('watchTrouble')).toHaveLength(0);
    expect(await t.dispatch('watchTrouble', {})).toEqual({ ok: true, value: null });
    folders.emit('error', refused('ENOSPC'));
    folders.emit('error', refused('ENOSPC'));
    expect(named('watchTrouble')).toEqual([
      { root: t.site.root, message: 'This site has more folders than this computer lets Postwright keep an eye on, so posts changed by other programs may not show here on their own.' },
    ]);
    // A window that opens later asks, and is told the same.
    expect(await t.dispatch('watchTrouble', {})).toEqual({ ok: true, value: named('watchTrouble')[0] });
    // Still watching what it could: an outside change is reported as before.
    writeFileSync(join(t.site.root, 'content/a.md'), 'outside\n');
    expect(await waitFor(() => named('postChangedOnDisk')[0])).toMatchObject({ path: 'a.md' });
  });
});
