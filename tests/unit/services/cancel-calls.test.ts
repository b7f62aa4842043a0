// Long calls stop when their caller gives up. Over the web host the page aborts its fetch, the
// host sees the connection close before it answered, and the handler's AbortSignal fires: the
// listing stops reading posts and a search stops waiting for its index. Over Electron the window
// sends a cancel with the call's id (CallCancels). Errors carry typed details the renderer
// reads instead of the message's words.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTempSite, type TempSite } from '../../support/temp-site';
import { startWebHost, type WebHost } from '../../../electron/web/web-host';
import { searchService } from '../../../electron/handlers/search';
import { diskWorker } from '../../../electron/handlers/disk-worker';
import { CallCancels } from '../../../electron/shell/call-cancels';
import { createDispatch } from '../../../shared/ipc/dispatch';
import { createHandlerTable } from '../../../electron/handlers';
import { detailsOf, type Envelope } from '../../../shared/ipc/errors';
import { ApiError, createApi } from '../../../shared/ipc/client';
import { openSession, type TestSession } from '../../support/web-session';

const POSTS = 1500;
let site: TempSite | undefined;
let host: WebHost | undefined;
let session: TestSession | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await host?.close();
  host = undefined;
  site?.remove();
  site = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function manyPosts(): TempSite {
  const s = makeTempSite();
  for (let i = 0; i < POSTS; i++) {
    const dir = join(s.root, 'content', 'blog', `p${i}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'index.md'), `---\ntitle: Driftwood ${i}\ndate: 2025-01-02\ntags: [sea]\n---\nDriftwood notes number ${i}. ${'Tide pools and lanterns. '.repeat(40)}\n`);
  }
  return s;
}

function temp(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}

/** Starts the web host; `abortOn` names the channel whose fetch is aborted as soon as main starts it. */
async function hostWith(root: string, abortOn: string, client: AbortController) {
  const ended: Array<{ channel: string; envelope: Envelope<unknown> }> = [];
  let onEnd = () => {};
  const end = new Promise<void>((r) => (onEnd = r));
  const dist = temp('pw-dist-');
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Postwright</title>');
  host = await startWebHost({
    site: root,
    distDir: dist,
    dataDir: temp('pw-data-'),
    onCallStart: (channel) => {
      if (channel === abortOn) client.abort();
    },
    onCallEnd: (channel, envelope) => {
      ended.push({ channel, envelope });
      if (channel === abortOn) onEnd();
    },
  });
  session = await openSession(host);
  return { ended, end };
}

function call(channel: string, body: unknown, signal?: AbortSignal) {
  return fetch(`http://127.0.0.1:${host!.port}/api/call/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-postwright-session': session!.secret },
    body: JSON.stringify(body),
    signal,
  });
}

describe('cancelling a call over the web host', () => {
  it('an aborted listing stops reading posts part way', async () => {
    site = manyPosts();
    const client = new AbortController();
    const { ended, end } = await hostWith(site.root, 'listPosts', client);
    await expect(call('listPosts', {}, client.signal)).rejects.toThrow();
    await end;
    expect(ended.find((e) => e.channel === 'listPosts')?.envelope).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    // The same lister the handler used (in the disk worker): it stopped before reading every post.
    expect(await diskWorker(host!.app).lister.known()).toBeLessThan(POSTS);
    // Not cancelled, the same call lists every post.
    const env = (await (await call('listPosts', {})).json()) as Envelope<unknown[]>;
    expect(env.ok && env.value.length).toBe(POSTS);
  });

  it('an aborted search stops waiting for the index: it ends before the index is built', async () => {
    site = manyPosts();
    const client = new AbortController();
    const { ended, end } = await hostWith(site.root, 'searchPosts', client);
    await expect(call('searchPosts', { query: 'driftwood' }, client.signal)).rejects.toThrow();
    await end;
    const indexed = await (await searchService(host!.app)).size();
    expect(ended.find((e) => e.channel === 'searchPosts')?.envelope).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(indexed).toBeLessThan(POSTS);
    const env = (await (await call('searchPosts', { query: 'driftwood', limit: 1 })).json()) as Envelope<{ total: number }>;
    expect(env.ok && env.value.total).toBe(POSTS);
  });
});

describe('cancelling a call over Electron IPC', () => {
  it('a cancel with the call id fires that call\'s signal only, for that window only', () => {
    const calls = new CallCancels();
    const mine = calls.start(1, 'c1')!;
    const other = calls.start(2, 'c1')!;
    calls.cancel(1, 'c1');
    expect(mine.signal.aborted).toBe(true);
    expect(other.signal.aborted).toBe(false);
    calls.end(2, 'c1', other);
    calls.cancel(2, 'c1');
    expect(other.signal.aborted).toBe(false);
    expect(calls.start(1, 'x'.repeat(65))).toBeNull();
    expect(calls.start(1, 42)).toBeNull();
  });

  it('the dispatch hands the signal to the handler and answers cancelled when it fires', async () => {
    site = manyPosts();
    const settings = new Map<string, unknown>();
    const { AppServices } = await import('../../../electron/services/app-services');
    const app = new AppServices({
      dataDir: temp('pw-data-'),
      settings: { get: <T>(k: string) => settings.get(k) as T | undefined, set: (k, v) => void settings.set(k, v) },
      secrets: { persistent: false, get: async () => null, set: async () => {} },
      desktop: null,
      emit: () => {},
    });
    await app.openSite(site.root);
    const dispatch = createDispatch(createHandlerTable(app));
    const cancel = new AbortController();
    const listing = dispatch('listPosts', {}, cancel.signal);
    cancel.abort();
    expect(await listing).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    await app.closeSite();
  });
});

describe('typed error details', () => {
  it('changed-on-disk says whether the post was deleted, and the renderer reads it from the details', async () => {
    site = makeTempSite({ 'content/blog/a/index.md': '---\ntitle: Alpha\n---\nHello\n' });
    const client = new AbortController();
    await hostWith(site.root, 'none', client);
    // The renderer's own client, over the same HTTP calls the web transport makes.
    const api = createApi({
      call: async (channel, payload) => (await call(channel, payload)).json() as Promise<Envelope<unknown>>,
      subscribe: () => () => {},
      assetUrl: (p) => p,
    });
    const read = await api.readPost({ path: 'blog/a/index.md' });
    const changed = await api.savePost({ path: 'blog/a/index.md', raw: 'x', bom: false, expectedHash: 'not-the-hash' }).catch((e: unknown) => e);
    expect(changed).toBeInstanceOf(ApiError);
    expect(detailsOf('changed-on-disk', changed)).toEqual({ deleted: false });
    unlinkSync(join(site.root, 'content/blog/a/index.md'));
    const gone = await api.savePost({ path: 'blog/a/index.md', raw: 'x', bom: false, expectedHash: read.hash }).catch((e: unknown) => e);
    expect(detailsOf('changed-on-disk', gone)).toEqual({ deleted: true });
    // Decided by the details, never by the words: a message that says nothing of deletion still counts.
    expect(detailsOf('changed-on-disk', new ApiError({ code: 'changed-on-disk', message: 'Gone.', details: { deleted: true } }))).toEqual({ deleted: true });
    expect(detailsOf('changed-on-disk', new ApiError({ code: 'changed-on-disk', message: 'It was deleted or moved.' }))).toBeNull();
  });
});
