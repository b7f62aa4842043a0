// The post session as an external store: its reducer step by step, and the store with a real
// editor (jsdom) over the real handler table on a site in a temp folder. A save writes the body
// out once, however many checks ask for it (the dirty check before it, the one after it, the
// text the recovery journal takes), and the bytes on disk are what the writer has.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installDom } from '../../../electron/cli/install-dom';
import { AppServices } from '../../../electron/services/app-services';
import { createWebHostContext } from '../../../electron/web/web-host-context';
import { createHandlerTable } from '../../../electron/handlers';
import { createDispatch } from '../../../shared/ipc/dispatch';
import { createApi, type Api } from '../../../shared/ipc/client';
import * as sourceSave from '../../../engine/source-save';
import { createPostEditor } from '../../../renderer/editor/post-editor';
import type { PostEditorHandle } from '../../../renderer/editor/types';
import { createPostSessionStore, initialPostSession, postSessionReducer, sessionDirty, type LoadedPost, type PostSessionStore } from '../../../renderer/app/post-session-store';
import { makeTempSite, type TempSite } from '../../support/temp-site';

// Counts how often a body is written out (the walk of every block that a save needs).
vi.mock('../../../engine/source-save', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../engine/source-save')>();
  return { ...real, saveBody: vi.fn(real.saveBody) };
});
const serializations = () => vi.mocked(sourceSave.saveBody).mock.calls.length;

const doc = installDom();

const post = (over: Partial<LoadedPost> = {}): LoadedPost => ({
  path: 'blog/a.md',
  siteRoot: '/site',
  file: { path: 'blog/a.md', raw: '---\ntitle: A\n---\nBody\n', bom: false, hash: 'h1', format: 'yaml', frontMatter: 'title: A\n', bodyOffset: 17, fields: {} } as unknown as LoadedPost['file'],
  parts: { head: '---\n', frontMatter: 'title: A\n', close: '---\n', body: 'Body\n' } as unknown as LoadedPost['parts'],
  hash: 'h1',
  loadedFrontMatter: 'title: A\n',
  generation: 1,
  savedOnce: false,
  overwrite: false,
  ...over,
});

describe('post session reducer', () => {
  it('opens a post clean, with its words to be counted, and closes it', () => {
    const withWords = { ...initialPostSession, words: 12, saveState: 'saved' as const, diskChange: { deleted: false } };
    const opened = postSessionReducer(withWords, { type: 'opened', post: post(), frontMatter: 'title: A\n', bodyDirty: false });
    expect(opened).toMatchObject({ frontMatter: 'title: A\n', bodyDirty: false, saveState: 'idle', diskChange: null, words: null });
    expect(sessionDirty(opened)).toBe(false);
    const closed = postSessionReducer(opened, { type: 'closed' });
    expect(closed).toMatchObject({ post: null, frontMatter: '', bodyDirty: false, saveState: 'idle', diskChange: null });
    expect(sessionDirty(closed)).toBe(false);
  });

  it('is dirty when the front matter differs from the file, the body changed, or the writer kept their version', () => {
    const s = postSessionReducer(initialPostSession, { type: 'opened', post: post(), frontMatter: 'title: A\n', bodyDirty: false });
    expect(sessionDirty(postSessionReducer(s, { type: 'frontMatter', text: 'title: B\n' }))).toBe(true);
    expect(sessionDirty(postSessionReducer(s, { type: 'bodyDirty', dirty: true }))).toBe(true);
    expect(sessionDirty(postSessionReducer(s, { type: 'post', post: post({ overwrite: true }) }))).toBe(true);
    // A field set back to what the file holds is clean again.
    const back = postSessionReducer(postSessionReducer(s, { type: 'frontMatter', text: 'title: B\n' }), { type: 'frontMatter', text: 'title: A\n' });
    expect(sessionDirty(back)).toBe(false);
  });

  it('returns the same state when nothing changes, so nothing renders', () => {
    const s = postSessionReducer(initialPostSession, { type: 'opened', post: post(), frontMatter: 'title: A\n', bodyDirty: false });
    expect(postSessionReducer(s, { type: 'bodyDirty', dirty: false })).toBe(s);
    expect(postSessionReducer(s, { type: 'frontMatter', text: 'title: A\n' })).toBe(s);
    expect(postSessionReducer(s, { type: 'diskChange', diskChange: null })).toBe(s);
    const changed = postSessionReducer(s, { type: 'diskChange', diskChange: { deleted: true } });
    expect(changed.diskChange).toEqual({ deleted: true });
    expect(postSessionReducer(changed, { type: 'diskChange', diskChange: { deleted: true } })).toBe(changed);
  });
});

describe('post session store, with a real editor and the real handlers', () => {
  let site: TempSite;
  let app: AppServices;
  let api: Api;
  let store: PostSessionStore;
  let handle: PostEditorHandle | null = null;
  const errors: (string | null)[] = [];
  const data = mkdtempSync(join(tmpdir(), 'postwright-data-'));
  const raw = '---\ntitle: "Driftwood day one"\ndate: 2025-10-02\n---\n\nThe lanternfish keynote.\n\n## Workshops\n\nKelp and *harbour* walks.\n';

  beforeAll(async () => {
    site = makeTempSite({ 'content/blog/day-one.md': raw });
    app = new AppServices(createWebHostContext(data));
    await app.openSite(site.root);
    const dispatch = createDispatch(createHandlerTable(app));
    api = createApi({ call: (c, p) => dispatch(c, p), subscribe: () => () => {}, assetUrl: (p) => `/asset/${p}` });
  });
  afterEach(() => {
    store?.dispose();
    handle?.destroy();
    handle = null;
    doc.body.replaceChildren();
  });
  afterAll(async () => {
    await app.closeSite();
    site.remove();
    rmSync(data, { recursive: true, force: true });
  });

  async function openWithEditor(): Promise<PostEditorHandle> {
    site.write('content/blog/day-one.md', raw); // each test starts from the same file
    store = createPostSessionStore({ api, onError: (m) => errors.push(m) });
    const path = (await api.listPosts({})).find((p) => p.path.endsWith('day-one.md'))!.path;
    expect(await store.open(path, site.root)).toBe(true);
    const root = doc.createElement('div');
    doc.body.append(root);
    handle = await createPostEditor({ root, body: store.get().post!.parts.body, postPath: path, assetUrl: (p) => `/asset/${p}`, onChange: () => store.bodyChanged() });
    store.editorReady(handle);
    return handle;
  }

  it('tells its listeners of each change, and saves the front matter and body as the writer has them', async () => {
    const h = await openWithEditor();
    let heard = 0;
    const stop = store.subscribe(() => heard++);
    expect(store.isDirty()).toBe(false);
    store.setFrontMatter(store.get().frontMatter.replace('day one', 'day 1'));
    h.commands.setHeading(2);
    expect(store.isDirty()).toBe(true);
    expect(sessionDirty(store.get())).toBe(true);
    expect(await store.save(site.root)).toBe(true);
    stop();
    expect(heard).toBeGreaterThan(0);
    expect(store.get().saveState).toBe('saved');
    expect(store.isDirty()).toBe(false);
    const onDisk = readFileSync(join(site.root, 'content/blog/day-one.md'), 'utf8');
    expect(onDisk).toBe(raw.replace('day one', 'day 1').replace('\nThe lanternfish', '\n## The lanternfish'));
  });

  it('says "Unsaved changes" on the first change at once, not after the pause', async () => {
    const h = await openWithEditor();
    expect(store.get().bodyDirty).toBe(false);
    h.commands.setHeading(2);
    expect(store.get().bodyDirty).toBe(true);
    expect(await store.save(site.root)).toBe(true);
    expect(store.get().bodyDirty).toBe(false);
    h.commands.setParagraph(); // after a save as well
    expect(store.get().bodyDirty).toBe(true);
  });

  it('writes the body out once per save, however many checks ask for it', async () => {
    const h = await openWithEditor();
    h.commands.setHeading(2);
    expect(await store.save(site.root)).toBe(true); // the first save: the post is now "saved once"
    h.commands.setParagraph();
    const before = serializations();
    // What happens around a save after the first: the journal's dirty check, the save's own
    // check, the save, and the check after it.
    expect(store.isDirty()).toBe(true);
    expect(await store.save(site.root)).toBe(true);
    expect(store.isDirty()).toBe(false);
    expect(serializations() - before).toBe(1);
    expect(readFileSync(join(site.root, 'content/blog/day-one.md'), 'utf8')).toBe(raw);
  });

  it('keeps the edited body of an editor that went away, for a region that broke (and nothing for an untouched one)', async () => {
    const h = await openWithEditor();
    store.editorGone(h);
    expect(store.bodyWhenGone()).toBeUndefined();
    store.editorReady(h);
    h.commands.setHeading(2);
    store.editorGone(h);
    expect(store.get().editor).toBeNull();
    // The text exists only here (and in the journal): the session says so.
    expect(store.isDirty()).toBe(true);
    expect(sessionDirty(store.get())).toBe(true);
    expect(store.bodyWhenGone()).toBe('\n## The lanternfish keynote.\n\n## Workshops\n\nKelp and *harbour* walks.\n');
    // Another opening of the post lets go of it.
    await store.reloadFromDisk();
    expect(store.bodyWhenGone()).toBeUndefined();
  });
});
