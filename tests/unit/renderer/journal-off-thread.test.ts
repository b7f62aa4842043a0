// The recovery journal's writes (a whole post's text at every pause) leave the page's thread:
// the web transport hands them to a worker, which makes the JSON and the fetch. Other calls stay
// ordinary fetches, and without a worker the journal still gets written from the page.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const fetches: Array<{ url: string; body: string }> = [];
const posted: unknown[] = [];

class FakeWorker {
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onerror: (() => void) | null = null;
  postMessage(m: { id: number; url: string; payload: unknown }): void {
    posted.push(m);
    queueMicrotask(() => this.onmessage?.({ data: { id: m.id, status: 200, text: JSON.stringify({ ok: true, value: { written: true } }) } }));
  }
  terminate(): void {}
}

async function transport() {
  const { createWebTransport } = await import('../../../renderer/api/transport-web');
  return createWebTransport(Promise.resolve({ ok: true, session: { secret: 's3cret', imageKey: 'k' } } as never));
}

beforeEach(() => {
  vi.resetModules();
  fetches.length = 0;
  posted.length = 0;
  vi.stubGlobal('location', { href: 'http://127.0.0.1:4000/' });
  vi.stubGlobal('fetch', async (url: string, init: { body: string }) => {
    fetches.push({ url, body: init.body });
    return new Response(JSON.stringify({ ok: true, value: { fetched: true } }), { status: 200 });
  });
});
afterEach(() => vi.unstubAllGlobals());

describe('journal writes off the page thread', () => {
  it('sends journalWrite through the worker, with the whole text, and answers with its reply', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const t = await transport();
    const raw = 'x'.repeat(200_000);
    const res = await t.call('journalWrite', { path: 'blog/a.md', raw, baseHash: 'h' });
    expect(res).toEqual({ ok: true, value: { written: true } });
    expect(fetches).toHaveLength(0);
    expect(posted).toEqual([{ id: 1, url: 'http://127.0.0.1:4000/api/call/journalWrite', secret: 's3cret', payload: { path: 'blog/a.md', raw, baseHash: 'h' } }]);
  });

  it('keeps other calls as fetches from the page', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const t = await transport();
    await t.call('readPost', { path: 'blog/a.md' });
    expect(posted).toHaveLength(0);
    expect(fetches.map((f) => f.url)).toEqual(['/api/call/readPost']);
  });

  it('writes the journal from the page when no worker can start', async () => {
    vi.stubGlobal('Worker', class {
      constructor() {
        throw new Error('workers are off');
      }
    });
    const t = await transport();
    const res = await t.call('journalWrite', { path: 'blog/a.md', raw: 'text', baseHash: 'h' });
    expect(res).toEqual({ ok: true, value: { fetched: true } });
    expect(JSON.parse(fetches[0].body)).toEqual({ path: 'blog/a.md', raw: 'text', baseHash: 'h' });
  });
});
