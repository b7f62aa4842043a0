// The web host is a trust boundary too: only the page it served (holding the per-run token, from
// its own origin and host name) may call the handlers, read assets or listen to events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { makeTempSite, type TempSite } from '../../support/temp-site';
import { startWebHost, type WebHost } from '../../../electron/web/web-host';
import { channelNames } from '../../../shared/ipc/contract';
import { snapshot, changes } from './snapshot';

let site: TempSite;
let host: WebHost;
let outside: string;
let dist: string;
let data: string;
const SECRET = 'LANTERNFISH-WEB-SECRET';

beforeAll(async () => {
  outside = mkdtempSync(join(tmpdir(), 'pw-web-outside-'));
  writeFileSync(join(outside, 'secret.png'), SECRET);
  site = makeTempSite({ 'content/a.md': '---\ntitle: A\n---\nHi\n', 'content/pic.png': Buffer.from('89504e470d0a1a0a', 'hex') });
  symlinkSync(join(outside, 'secret.png'), join(site.root, 'content/evil.png'));
  dist = mkdtempSync(join(tmpdir(), 'pw-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Postwright</title>');
  data = mkdtempSync(join(tmpdir(), 'pw-data-'));
  host = await startWebHost({ site: site.root, distDir: dist, dataDir: data });
});
afterAll(async () => {
  await host.close();
  site.remove();
  for (const d of [outside, dist, data]) rmSync(d, { recursive: true, force: true });
});

interface Reply {
  status: number;
  body: string;
}

/** A raw HTTP request, so that Host and Origin can be set to anything. */
function send(method: string, path: string, headers: Record<string, string>, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const own = () => `127.0.0.1:${host.port}`;
const good = () => ({ host: own(), 'x-postwright-token': host.token, 'content-type': 'application/json' });

describe('web host boundary', () => {
  it('refuses every channel without the token, with a wrong token, or with the token only in a cookie or the query', async () => {
    const before = snapshot(site.root);
    for (const ch of channelNames) {
      const body = JSON.stringify({ path: 'a.md', raw: 'x', bom: false, expectedHash: '' });
      expect((await send('POST', `/api/call/${ch}`, { host: own() }, body)).status).toBe(401);
      expect((await send('POST', `/api/call/${ch}`, { host: own(), 'x-postwright-token': `${host.token}x` }, body)).status).toBe(401);
      expect((await send('POST', `/api/call/${ch}`, { host: own(), 'x-postwright-token': host.token.slice(0, -1) }, body)).status).toBe(401);
      // A cookie rides along with a cross-site form post; calls need the header.
      expect((await send('POST', `/api/call/${ch}`, { host: own(), cookie: `pw_token=${host.token}` }, body)).status).toBe(401);
      expect((await send('POST', `/api/call/${ch}?token=${host.token}`, { host: own() }, body)).status).toBe(401);
    }
    expect(changes(before, snapshot(site.root))).toEqual([]);
  });

  it('refuses another origin or host name even with the token (CSRF, DNS rebinding)', async () => {
    for (const origin of ['http://lanternfish.example', 'null', `http://127.0.0.1:${host.port + 1}`, `https://127.0.0.1:${host.port}`, 'file://']) {
      expect((await send('POST', '/api/call/listPosts', { ...good(), origin }, '{}')).status).toBe(403);
    }
    for (const h of [`lanternfish.example:${host.port}`, `127.0.0.1:${host.port + 1}`, 'localhost', `localhost.lanternfish.example:${host.port}`]) {
      expect((await send('POST', '/api/call/listPosts', { ...good(), host: h }, '{}')).status, h).toBe(403);
      expect((await send('GET', `/?token=${host.token}`, { host: h })).status).toBe(403);
    }
    expect((await send('GET', `/api/events?token=${host.token}`, { host: own(), origin: 'http://lanternfish.example' })).status).toBe(403);
    expect((await send('POST', '/api/call/listPosts', { ...good(), origin: `http://127.0.0.1:${host.port}` }, '{}')).status).toBe(200);
  });

  it('refuses the page, events and assets without the token', async () => {
    expect((await send('GET', '/', { host: own() })).status).toBe(401);
    expect((await send('GET', '/index.html', { host: own() })).status).toBe(401);
    expect((await send('GET', '/api/events', { host: own() })).status).toBe(401);
    expect((await send('GET', '/asset/content/pic.png', { host: own() })).status).toBe(401);
    expect((await send('GET', '/api/call/listPosts', good())).status).toBe(405);
  });

  it('serves no asset outside the site, through .. or a symlink, and no post text as an asset', async () => {
    const cookie = `pw_token=${host.token}`;
    expect((await send('GET', '/asset/content/pic.png', { host: own(), cookie })).status).toBe(200);
    for (const p of [
      '/asset/content/evil.png',
      '/asset/..%2F..%2F..%2Fetc%2Fpasswd.png',
      `/asset/${encodeURIComponent(join(outside, 'secret.png'))}`,
      '/asset/%2Fetc%2Fpasswd.png',
      '/asset/content/a.md',
      '/asset/content/pic.png%00.md',
      '/asset/content%5C..%5C..%5Csecret.png',
    ]) {
      const r = await send('GET', p, { host: own(), cookie });
      expect(r.status, p).toBe(404);
      expect(r.body).not.toContain(SECRET);
    }
  });

  it('answers 500 random bodies on random channels with envelopes and changes nothing', async () => {
    const before = snapshot(site.root);
    const bodies = fc.sample(fc.oneof(fc.json(), fc.string(), fc.constantFrom('', '{', 'null', '[]', '{"path":"../../etc/passwd.md"}')), { numRuns: 500, seed: 7 });
    for (const [i, body] of bodies.entries()) {
      const ch = i % 10 === 0 ? encodeURIComponent('../../etc/passwd') : channelNames[i % channelNames.length];
      const r = await send('POST', `/api/call/${ch}`, good(), body);
      expect(r.status).toBe(200);
      const env = JSON.parse(r.body) as { ok: boolean };
      expect(typeof env.ok).toBe('boolean');
      expect(r.body).not.toContain(SECRET);
    }
    const after = snapshot(site.root);
    // A random body may be a valid request for a channel that writes (e.g. git init); posts stay.
    expect(changes(before, after).filter((c) => c.endsWith('.md') || c.endsWith('.png'))).toEqual([]);
  }, 60_000);
});
