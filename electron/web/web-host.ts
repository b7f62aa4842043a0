// The web host: the same handler table as the Electron shell, over HTTP on 127.0.0.1 only.
// Every request needs the per-run token (a header for calls, a cookie set from the start URL
// for the page's own files), and requests from another Origin or Host are refused, so other
// web pages and other users of the machine cannot drive it.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { AppServices } from '../services/app-services';
import { bootAppServices } from '../services/boot';
import { createHandlerTable } from '../handlers';
import { createDispatch } from '../../shared/ipc/dispatch';
import type { Envelope } from '../../shared/ipc/errors';
import { createWebHostContext } from './web-host-context';
import { IMAGE_TYPES, securityHeaders, sendDistFile } from './static-files';
import { resolveInside } from '../services/fs/safe-path';

export interface WebHostOptions {
  site?: string;
  port?: number;
  distDir: string;
  dataDir: string;
  /** Fixed token (tests); a random one otherwise. */
  token?: string;
  /** Told when each call starts and how it ended (tests observe cancelled work through them). */
  onCallStart?(channel: string): void;
  onCallEnd?(channel: string, envelope: Envelope<unknown>): void;
}

export interface WebHost {
  url: string;
  token: string;
  port: number;
  app: AppServices;
  close(): Promise<void>;
}

const MAX_BODY = 256 * 1024 * 1024;

export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const host = createWebHostContext(opts.dataDir);
  const app = bootAppServices(host);
  const dispatch = createDispatch(createHandlerTable(app), (channel, e) => {
    process.stderr.write(`[postwright] ${channel}: ${e instanceof Error ? e.stack : String(e)}\n`);
  });
  const site = opts.site ?? host.settings.get<string>('lastSite');
  if (site) {
    try {
      await app.openSite(site);
    } catch (e) {
      if (opts.site) throw e;
    }
  }
  let port = 0;
  const streams = new Set<ServerResponse>();
  host.addSink((event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const s of streams) s.write(frame);
  });

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      process.stderr.write(`[postwright] ${String(e)}\n`);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });

  function tokenOk(candidate: string | undefined | null): boolean {
    if (!candidate) return false;
    const a = Buffer.from(candidate);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  function cookieToken(req: IncomingMessage): string | null {
    const m = /(?:^|;\s*)pw_token=([^;]+)/.exec(req.headers.cookie ?? '');
    return m ? decodeURIComponent(m[1]) : null;
  }

  function originOk(req: IncomingMessage): boolean {
    const allowed = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!allowed.includes(req.headers.host ?? '')) return false; // DNS rebinding
    const origin = req.headers.origin;
    return !origin || allowed.some((a) => origin === `http://${a}`);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    securityHeaders(res);
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (!originOk(req)) return deny(res, 403, 'Requests from other origins are refused.');
    const queryToken = url.searchParams.get('token');
    const authed = tokenOk(req.headers['x-postwright-token'] as string | undefined) || tokenOk(queryToken) || tokenOk(cookieToken(req));
    if (!authed) return deny(res, 401, 'A valid Postwright token is required.');

    if (url.pathname.startsWith('/api/call/')) {
      if (req.method !== 'POST') return deny(res, 405, 'Use POST.');
      // Calls need the header, not just the cookie, so a form on another page cannot make one.
      if (!tokenOk(req.headers['x-postwright-token'] as string | undefined)) return deny(res, 401, 'A valid Postwright token is required.');
      const body = await readBody(req);
      let payload: unknown;
      try {
        payload = body.length ? JSON.parse(body.toString('utf8')) : undefined;
      } catch {
        payload = Symbol('invalid');
      }
      const channel = decodeURIComponent(url.pathname.slice('/api/call/'.length));
      // The page aborting its fetch closes the connection before the answer is written: that
      // cancels the call, so a search the writer typed past or a listing of a site left behind
      // stops instead of running on. (The response's 'close' with the answer unwritten, not the
      // request's: an IncomingMessage also closes once its body has been read.)
      const cancel = new AbortController();
      res.on('close', () => {
        if (!res.writableFinished) cancel.abort();
      });
      opts.onCallStart?.(channel);
      const envelope = await dispatch(channel, typeof payload === 'symbol' ? undefined : payload, cancel.signal);
      opts.onCallEnd?.(channel, envelope);
      if (cancel.signal.aborted) return;
      res.statusCode = 200;
      res.setHeader('Content-Type', 'application/json');
      res.setHeader('Cache-Control', 'no-store');
      res.end(JSON.stringify(envelope));
      return;
    }
    if (url.pathname === '/api/events') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      streams.add(res);
      const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
      req.on('close', () => {
        clearInterval(ping);
        streams.delete(res);
      });
      return;
    }
    if (url.pathname.startsWith('/asset/')) return sendAsset(decodeURIComponent(url.pathname.slice('/asset/'.length)), res);
    if (req.method !== 'GET' && req.method !== 'HEAD') return deny(res, 405, 'Not allowed.');
    if (queryToken && tokenOk(queryToken)) {
      res.setHeader('Set-Cookie', `pw_token=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`);
    }
    const path = url.pathname === '/' ? '/index.html' : url.pathname;
    if (!(await sendDistFile(opts.distDir, path, res))) {
      if (!(await sendDistFile(opts.distDir, '/index.html', res))) deny(res, 404, 'The app has not been built: run "npm run build:renderer".');
    }
  }

  async function sendAsset(sitePath: string, res: ServerResponse): Promise<void> {
    const type = IMAGE_TYPES[extname(sitePath).toLowerCase()];
    const site = app.currentSite();
    if (!type || !site) return deny(res, 404, 'Not found.');
    let abs: string;
    try {
      abs = await resolveInside(site.root, site.root, sitePath);
    } catch {
      return deny(res, 404, 'Not found.');
    }
    const st = await stat(abs).catch(() => null);
    if (!st?.isFile()) return deny(res, 404, 'Not found.');
    res.statusCode = 200;
    res.setHeader('Content-Type', type);
    res.setHeader('Cache-Control', 'no-cache');
    if (type === 'image/svg+xml') res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
    res.end(await readFile(abs));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    port,
    app,
    async close() {
      for (const s of streams) s.end();
      await app.closeSite();
      await host.settings.flush();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

function deny(res: ServerResponse, status: number, message: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.end(message);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > MAX_BODY) throw new Error('request too large');
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks);
}
