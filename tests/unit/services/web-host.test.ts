import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTempSite, type TempSite } from '../../support/temp-site';
import { startWebHost, type WebHost } from '../../../electron/web/web-host';
import { openSession, startCodeOf, type TestSession } from '../../support/web-session';
import { WebSessions } from '../../../electron/web/web-sessions';

let site: TempSite;
let host: WebHost;
let session: TestSession;

beforeAll(async () => {
  site = makeTempSite({
    'content/blog/a/index.md': '---\ntitle: Alpha\ndate: 2025-01-02\n---\nHello\n',
    'content/blog/a/photo.png': Buffer.from('89504e470d0a1a0a', 'hex'),
  });
  const dist = mkdtempSync(join(tmpdir(), 'pw-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Postwright</title>');
  host = await startWebHost({ site: site.root, distDir: dist, dataDir: mkdtempSync(join(tmpdir(), 'pw-data-')) });
  session = await openSession(host);
});
afterAll(async () => {
  await host.close();
  site.remove();
});

const base = () => `http://127.0.0.1:${host.port}`;

function call(channel: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${base()}/api/call/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-postwright-session': session.secret, ...headers },
    body: JSON.stringify(body),
  });
}

const startSession = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base()}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('web host', () => {
  it('binds to loopback and answers contract calls with the session secret', async () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#start=[A-Za-z0-9_-]{32,}$/);
    const res = await call('listPosts', {});
    const env = await res.json();
    expect(env).toMatchObject({ ok: true, value: [{ path: 'blog/a/index.md', title: 'Alpha' }] });
  });

  it('refuses calls without the secret or with a wrong one', async () => {
    const res = await fetch(`${base()}/api/call/listPosts`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(401);
    expect((await call('listPosts', {}, { 'x-postwright-session': 'nope' })).status).toBe(401);
  });

  it('trades a start code once: a second use, an unknown code or an expired one opens nothing', async () => {
    const code = startCodeOf(host.newStartUrl());
    const first = await startSession({ code });
    expect(first.status).toBe(200);
    const again = await startSession({ code });
    expect(again.status).toBe(401);
    expect(await again.text()).toMatch(/already used or is too old.*press Enter/);
    expect((await startSession({ code: `${code}x` })).status).toBe(401);
    expect((await startSession({ code: 42 })).status).toBe(401);
  });

  it('expires a start code nobody used (the clock moved past its lifetime)', () => {
    let now = 1_000;
    const sessions = new WebSessions(() => now, 60_000);
    const code = sessions.newStartCode();
    const late = sessions.newStartCode();
    now += 59_999;
    expect(sessions.start(code)).not.toBeNull();
    now += 1;
    expect(sessions.start(late)).toBeNull();
  });

  it('resumes a session from its secret (a reload) with a new image key; no secret, no session', async () => {
    const resumed = await startSession({}, { 'x-postwright-session': session.secret });
    expect(resumed.status).toBe(200);
    const grant = (await resumed.json()) as TestSession;
    expect(grant.secret).toBe(session.secret);
    expect(grant.imageKey).not.toBe(session.imageKey);
    expect((await startSession({})).status).toBe(401);
    expect((await startSession({}, { 'x-postwright-session': 'nope' })).status).toBe(401);
  });

  it('sets no cookie and puts no secret in anything it serves', async () => {
    const page = await fetch(`${base()}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('set-cookie')).toBeNull();
    const text = await page.text();
    expect(text).not.toContain(session.secret);
    const grant = await startSession({ code: startCodeOf(host.newStartUrl()) });
    expect(grant.headers.get('set-cookie')).toBeNull();
    expect(grant.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses a foreign Origin', async () => {
    const res = await call('listPosts', {}, { origin: 'http://evil.example' });
    expect(res.status).toBe(403);
    expect((await startSession({ code: startCodeOf(host.newStartUrl()) }, { origin: 'http://127.0.0.1:1' })).status).toBe(403);
  });

  it('rejects a payload that breaks the contract with a typed error, changing nothing', async () => {
    const before = readFileSync(join(site.root, 'content/blog/a/index.md'));
    const env = await (await call('savePost', { path: 'blog/a/index.md', raw: 42 })).json();
    expect(env).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const unknown = await (await call('deleteEverything', {})).json();
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect(readFileSync(join(site.root, 'content/blog/a/index.md'))).toEqual(before);
  });

  it('serves the page with a strict CSP, and site images only, with the image key', async () => {
    const page = await fetch(`${base()}/`);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const asset = (p: string) => fetch(`${base()}/asset/${session.imageKey}/${p}`);
    const img = await asset('content/blog/a/photo.png');
    expect(img.status).toBe(200);
    expect(img.headers.get('content-type')).toBe('image/png');
    expect((await asset('..%2F..%2Fetc%2Fpasswd.png')).status).toBe(404);
    expect((await asset('content/blog/a/index.md')).status).toBe(404);
    expect((await fetch(`${base()}/asset/wrong/content/blog/a/photo.png`)).status).toBe(401);
    expect((await fetch(`${base()}/asset/content/blog/a/photo.png`)).status).toBe(401);
  });

  it('an image key opens images only: no call, no event stream', async () => {
    expect((await call('listPosts', {}, { 'x-postwright-session': session.imageKey })).status).toBe(401);
    expect((await fetch(`${base()}/api/events`, { headers: { 'x-postwright-session': session.imageKey } })).status).toBe(401);
    expect((await startSession({}, { 'x-postwright-session': session.imageKey })).status).toBe(401);
  });

  it('streams events over SSE with the secret in a header', async () => {
    expect((await fetch(`${base()}/api/events`)).status).toBe(401);
    const ctrl = new AbortController();
    const res = await fetch(`${base()}/api/events`, { signal: ctrl.signal, headers: { 'x-postwright-session': session.secret } });
    const reader = res.body!.getReader();
    await reader.read(); // ": connected"
    host.app.host.emit('postsChanged', { reason: 'test' });
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toContain('event: postsChanged');
    ctrl.abort();
  });
});
