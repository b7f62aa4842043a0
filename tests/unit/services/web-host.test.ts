import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTempSite, type TempSite } from '../../support/temp-site';
import { startWebHost, type WebHost } from '../../../electron/web/web-host';

let site: TempSite;
let host: WebHost;

beforeAll(async () => {
  site = makeTempSite({
    'content/blog/a/index.md': '---\ntitle: Alpha\ndate: 2025-01-02\n---\nHello\n',
    'content/blog/a/photo.png': Buffer.from('89504e470d0a1a0a', 'hex'),
  });
  const dist = mkdtempSync(join(tmpdir(), 'pw-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Postwright</title>');
  host = await startWebHost({ site: site.root, distDir: dist, dataDir: mkdtempSync(join(tmpdir(), 'pw-data-')) });
});
afterAll(async () => {
  await host.close();
  site.remove();
});

function call(channel: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`http://127.0.0.1:${host.port}/api/call/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-postwright-token': host.token, ...headers },
    body: JSON.stringify(body),
  });
}

describe('web host', () => {
  it('binds to loopback and answers contract calls with the token', async () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    const res = await call('listPosts', {});
    const env = await res.json();
    expect(env).toMatchObject({ ok: true, value: [{ path: 'blog/a/index.md', title: 'Alpha' }] });
  });

  it('refuses calls without the token or with a wrong one', async () => {
    const res = await fetch(`http://127.0.0.1:${host.port}/api/call/listPosts`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(401);
    expect((await call('listPosts', {}, { 'x-postwright-token': 'nope' })).status).toBe(401);
    expect((await fetch(`http://127.0.0.1:${host.port}/index.html`)).status).toBe(401);
  });

  it('refuses a foreign Origin', async () => {
    const res = await call('listPosts', {}, { origin: 'http://evil.example' });
    expect(res.status).toBe(403);
  });

  it('rejects a payload that breaks the contract with a typed error, changing nothing', async () => {
    const before = readFileSync(join(site.root, 'content/blog/a/index.md'));
    const env = await (await call('savePost', { path: 'blog/a/index.md', raw: 42 })).json();
    expect(env).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const unknown = await (await call('deleteEverything', {})).json();
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect(readFileSync(join(site.root, 'content/blog/a/index.md'))).toEqual(before);
  });

  it('serves the page with a cookie and a strict CSP, and site images only', async () => {
    const page = await fetch(host.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const cookie = page.headers.get('set-cookie')!.split(';')[0];
    const img = await fetch(`http://127.0.0.1:${host.port}/asset/content/blog/a/photo.png`, { headers: { cookie } });
    expect(img.status).toBe(200);
    expect(img.headers.get('content-type')).toBe('image/png');
    const escape = await fetch(`http://127.0.0.1:${host.port}/asset/..%2F..%2Fetc%2Fpasswd.png`, { headers: { cookie } });
    expect(escape.status).toBe(404);
    const md = await fetch(`http://127.0.0.1:${host.port}/asset/content/blog/a/index.md`, { headers: { cookie } });
    expect(md.status).toBe(404);
  });

  it('streams events over SSE', async () => {
    const ctrl = new AbortController();
    const res = await fetch(`http://127.0.0.1:${host.port}/api/events?token=${host.token}`, { signal: ctrl.signal });
    const reader = res.body!.getReader();
    await reader.read(); // ": connected"
    host.app.host.emit('postsChanged', { reason: 'test' });
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toContain('event: postsChanged');
    ctrl.abort();
  });
});
