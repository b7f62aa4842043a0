import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { makeTestApp, type TestApp } from './test-app';
import { discardJournalAfterSave } from '../../../electron/services/recovery/journal-for';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.dispose();
  t = undefined;
});

const POST = '---\ntitle: Driftwood Summit day one\n---\nThe keynote opened with tide tables.\nLunch was late.\n';

async function ok<T>(p: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const env = await p;
  if (!env.ok) throw new Error(`expected ok, got ${JSON.stringify(env)}`);
  return env.value as T;
}

describe('recovery journal', () => {
  it('keeps unsaved text in the data folder, never in the site, and lists it with a diff summary', async () => {
    t = await makeTestApp({ 'content/blog/day-one/index.md': POST });
    const siteBefore = readFileSync(join(t.site.root, 'content/blog/day-one/index.md'));
    const post = await ok<{ hash: string; raw: string }>(t.dispatch('readPost', { path: 'blog/day-one/index.md' }));
    const edited = post.raw.replace('Lunch was late.', 'Lunch was late, but the chowder was worth it.\nAnother line.');
    await ok(t.dispatch('journalWrite', { path: 'blog/day-one/index.md', raw: edited, baseHash: post.hash }));

    const files = readdirSync(join(t.dataDir, 'recovery'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^[0-9a-f]{64}\.json$/);
    expect(statSync(join(t.dataDir, 'recovery')).mode & 0o777).toBe(0o700);
    expect(readdirSync(join(t.site.root, 'content/blog/day-one'))).toEqual(['index.md']);
    expect(readFileSync(join(t.site.root, 'content/blog/day-one/index.md'))).toEqual(siteBefore);

    const list = await ok<Array<Record<string, unknown>>>(t.dispatch('journalList', {}));
    expect(list).toEqual([
      expect.objectContaining({ path: 'blog/day-one/index.md', diskState: 'unchanged', linesAdded: 2, linesRemoved: 1, baseHash: post.hash }),
    ]);
    expect(list[0].preview).toContain('+ Lunch was late, but the chowder');
    expect(list[0].preview).toContain('- Lunch was late.');
    const read = await ok<{ raw: string }>(t.dispatch('journalRead', { path: 'blog/day-one/index.md' }));
    expect(read.raw).toBe(edited);
  });

  it('survives a new app on the same data folder (as after a crash) and reports a file changed since', async () => {
    t = await makeTestApp({ 'content/a.md': POST });
    const post = await ok<{ hash: string; raw: string }>(t.dispatch('readPost', { path: 'a.md' }));
    await ok(t.dispatch('journalWrite', { path: 'a.md', raw: `${post.raw}Unsaved ending.\n`, baseHash: post.hash }));
    t.site.write('content/a.md', `${POST}A colleague's line.\n`);
    // A second app on the same data folder, as the next start would be.
    const { AppServices } = await import('../../../electron/services/app-services');
    const { createWebHostContext } = await import('../../../electron/web/web-host-context');
    const { createHandlerTable } = await import('../../../electron/handlers');
    const app2 = new AppServices(createWebHostContext(t.dataDir));
    await app2.openSite(t.site.root);
    const list = await createHandlerTable(app2).journalList({});
    expect(list).toMatchObject([{ path: 'a.md', diskState: 'changed', linesAdded: 1, linesRemoved: 1 }]);
    await app2.closeSite();
  });

  it('goes away on discard and after a save through discardJournalAfterSave', async () => {
    t = await makeTestApp({ 'content/a.md': POST, 'content/b.md': POST });
    const a = await ok<{ hash: string; raw: string }>(t.dispatch('readPost', { path: 'a.md' }));
    await ok(t.dispatch('journalWrite', { path: 'a.md', raw: 'x', baseHash: a.hash }));
    await ok(t.dispatch('journalWrite', { path: 'b.md', raw: 'y', baseHash: a.hash }));
    expect(await ok(t.dispatch('journalDiscard', { path: 'a.md' }))).toEqual({ discarded: true });
    expect(await ok(t.dispatch('journalDiscard', { path: 'a.md' }))).toEqual({ discarded: false });
    await ok(t.dispatch('savePost', { path: 'b.md', raw: 'y', bom: false, expectedHash: a.hash }));
    await discardJournalAfterSave(t.app, 'b.md');
    expect(await ok(t.dispatch('journalList', {}))).toEqual([]);
    expect(readdirSync(join(t.dataDir, 'recovery'))).toEqual([]);
  });

  it('drops an entry whose text is already on disk, and writes in order per post', async () => {
    t = await makeTestApp({ 'content/a.md': POST });
    const a = await ok<{ hash: string }>(t.dispatch('readPost', { path: 'a.md' }));
    // Out-of-order arrival: the last call wins because calls for one post are serialised.
    await Promise.all([1, 2, 3, 4, 5].map((n) => t!.dispatch('journalWrite', { path: 'a.md', raw: `v${n}`, baseHash: a.hash })));
    expect(await ok(t.dispatch('journalRead', { path: 'a.md' }))).toMatchObject({ raw: 'v5' });
    await ok(t.dispatch('journalWrite', { path: 'a.md', raw: POST, baseHash: a.hash }));
    expect(await ok(t.dispatch('journalList', {}))).toEqual([]);
  });

  it('keys entries by site and canonical path, and refuses paths outside the site', async () => {
    t = await makeTestApp({ 'content/blog/a.md': POST });
    await ok(t.dispatch('journalWrite', { path: 'blog//./a.md', raw: 'z', baseHash: 'h' }));
    expect(await ok(t.dispatch('journalRead', { path: 'blog/a.md' }))).toMatchObject({ path: 'blog/a.md', raw: 'z' });
    for (const path of ['../hugo.toml.md', '/etc/passwd.md', 'blog/../../x.md', 'a\0.md']) {
      const env = await t.dispatch('journalWrite', { path, raw: 'evil', baseHash: '' });
      expect(env).toMatchObject({ ok: false, error: { code: 'outside-site' } });
    }
    expect(await t.dispatch('journalWrite', { path: 'notes.txt', raw: '', baseHash: '' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await t.dispatch('journalRead', { path: 'nothing.md' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('ignores damaged journal files', async () => {
    t = await makeTestApp({ 'content/a.md': POST });
    const a = await ok<{ hash: string }>(t.dispatch('readPost', { path: 'a.md' }));
    await ok(t.dispatch('journalWrite', { path: 'a.md', raw: 'kept', baseHash: a.hash }));
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(t.dataDir, 'recovery', `${'0'.repeat(64)}.json`), '{"v":1,"path":');
    writeFileSync(join(t.dataDir, 'recovery', `${'1'.repeat(64)}.json`), JSON.stringify({ v: 1, siteRoot: t.site.root, path: '../../etc/passwd.md', raw: '', baseHash: '', savedAt: 1 }));
    const list = await ok<Array<{ path: string }>>(t.dispatch('journalList', {}));
    expect(list.map((e) => e.path)).toEqual(['a.md']);
  });
});
