// The web host: the same handler table as the Electron shell, over HTTP on 127.0.0.1 only.
// The printed address carries a one-time start code; the page trades it for a session secret it
// sends in a header with every call and event stream (see web-sessions.ts for why: no cookie, no
// lasting secret in any URL). Requests from another Origin or Host are refused, so other web
// pages and other users of the machine cannot drive it. The app's own files (the built renderer)
// are served to any request from its own origin: they hold no secret.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { AppServices } from '../services/app-services';
import { bootAppServices } from '../services/boot';
import { createHandlerTable } from '../handlers';
import { createDispatch } from '../../shared/ipc/dispatch';
import type { Envelope } from '../../shared/ipc/errors';
import { createWebHostContext } from './web-host-context';
import { IMAGE_TYPES, securityHeaders, sendDistFile } from './static-files';
import { resolveInside } from '../services/fs/safe-path';
import { WebSessions, START_CODE_TTL_MS } from './web-sessions';
import { BodyBudget, BodyTooLarge, HostBusy } from './body-budget';
import { decodePath } from './decode-path';
import { UploadStore } from './upload-store';

export interface WebHostOptions {
  site?: string;
  port?: number;
  distDir: string;
  dataDir: string;
  /** Bytes one request body may have (default 256 MB): beyond it, 413. */
  maxBodyBytes?: number;
  /** Bytes of request bodies the host holds at once, all requests together (default 384 MB): beyond it, 503. */
  maxInFlightBytes?: number;
  /** Bytes of uploaded photos waiting on disk for their import, all together (default 2 GB): beyond it, 503. */
  maxUploadBytes?: number;
  /** How long an unused start code works (default 15 minutes). */
  startCodeTtlMs?: number;
  /** Told when each call starts and how it ended (tests observe cancelled work through them). */
  onCallStart?(channel: string): void;
  onCallEnd?(channel: string, envelope: Envelope<unknown>): void;
}

export interface WebHost {
  /** The first start address (one use). */
  url: string;
  /** A fresh start address: each opens one session, once. */
  newStartUrl(): string;
  port: number;
  app: AppServices;
  /** Bytes of request bodies the host holds right now (tests wait on it instead of guessing when bytes arrived). */
  bodyBytesHeld(): number;
  close(): Promise<void>;
}

/** How long the rest of a refused body is read and discarded before the connection is cut. */
const DISCARD_MS = 10_000;

/** The header every call and the event stream carry. */
export const SESSION_HEADER = 'x-postwright-session';

export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const sessions = new WebSessions(Date.now, opts.startCodeTtlMs ?? START_CODE_TTL_MS);
  const budget = new BodyBudget(opts.maxBodyBytes ?? 256 * 1024 * 1024, opts.maxInFlightBytes ?? 384 * 1024 * 1024);
  const host = createWebHostContext(opts.dataDir);
  const uploads = new UploadStore(join(opts.dataDir, 'uploads'), budget.maxBody, opts.maxUploadBytes ?? 2 * 1024 * 1024 * 1024);
  host.uploads = uploads;
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
      if (e instanceof BodyTooLarge || e instanceof HostBusy) {
        if (!res.headersSent) {
          if (e instanceof HostBusy) res.setHeader('Retry-After', '5');
          res.setHeader('Connection', 'close');
          deny(res, e instanceof HostBusy ? 503 : 413, e.message);
        }
        // The rest of the body is read and thrown away (nothing is kept), so the client sees the
        // answer instead of a reset connection; one that keeps sending is cut off after a while.
        req.resume();
        const cut = setTimeout(() => req.destroy(), DISCARD_MS);
        cut.unref();
        req.once('end', () => clearTimeout(cut));
        return;
      }
      if (req.destroyed && (e as { code?: string }).code === 'ECONNRESET') return; // the client went away
      process.stderr.write(`[postwright] ${String(e)}\n`);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });

  function originOk(req: IncomingMessage): boolean {
    const allowed = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!allowed.includes(req.headers.host ?? '')) return false; // DNS rebinding
    const origin = req.headers.origin;
    return !origin || allowed.some((a) => origin === `http://${a}`);
  }

  const secretOf = (req: IncomingMessage) => {
    const h = req.headers[SESSION_HEADER];
    return typeof h === 'string' ? h : undefined;
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    securityHeaders(res);
    if (!originOk(req)) return deny(res, 403, 'Requests from other origins are refused.');
    // Only the raw path is looked at until the request is authenticated: nothing is decoded.
    const rawPath = (req.url ?? '/').split('?')[0];

    if (rawPath === '/api/session') {
      if (req.method !== 'POST') return deny(res, 405, 'Use POST.');
      const body = await budget.read(req, res, 4096);
      let code: unknown;
      try {
        code = (JSON.parse(body.toString('utf8') || '{}') as { code?: unknown }).code;
      } catch {
        code = undefined;
      }
      const grant = code !== undefined ? sessions.start(code) : sessions.resume(secretOf(req));
      if (!grant) {
        return deny(res, 401, code !== undefined
          ? 'This address was already used or is too old. In the window where Postwright runs, press Enter for a new one.'
          : 'This tab has no Postwright session. Open the address Postwright printed when it started.');
      }
      return sendJson(res, grant);
    }
    if (rawPath.startsWith('/api/')) {
      if (!sessions.isSecret(secretOf(req))) return deny(res, 401, 'A valid Postwright session is required.');
      if (rawPath.startsWith('/api/call/')) {
        if (req.method !== 'POST') return deny(res, 405, 'Use POST.');
        const channel = decodePath(rawPath.slice('/api/call/'.length));
        if (channel === null) return deny(res, 400, 'The address is not valid.');
        const body = await budget.read(req, res);
        let payload: unknown;
        try {
          payload = body.length ? JSON.parse(body.toString('utf8')) : undefined;
        } catch {
          payload = Symbol('invalid');
        }
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
        return sendJson(res, envelope);
      }
      if (rawPath === '/api/upload') {
        // A photo for importImages, streamed to disk as it arrives (upload-store.ts).
        if (req.method !== 'POST') return deny(res, 405, 'Use POST.');
        const id = await uploads.receive(req, Number(req.headers['content-length'] ?? -1));
        return sendJson(res, { uploadId: id });
      }
      if (rawPath === '/api/events') {
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
      return deny(res, 404, 'Not found.');
    }
    if (rawPath.startsWith('/asset/')) {
      // /asset/<image key>/<site path>: the key opens images only (see web-sessions.ts).
      const rest = rawPath.slice('/asset/'.length);
      const slash = rest.indexOf('/');
      if (slash < 0 || !sessions.isImageKey(rest.slice(0, slash))) return deny(res, 401, 'A valid Postwright session is required.');
      const sitePath = decodePath(rest.slice(slash + 1));
      if (sitePath === null) return deny(res, 400, 'The address is not valid.');
      return sendAsset(sitePath, res);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return deny(res, 405, 'Not allowed.');
    const path = decodePath(rawPath === '/' ? '/index.html' : rawPath);
    if (path === null) return deny(res, 400, 'The address is not valid.');
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
  const newStartUrl = () => `http://127.0.0.1:${port}/#start=${sessions.newStartCode()}`;
  return {
    url: newStartUrl(),
    newStartUrl,
    port,
    app,
    bodyBytesHeld: () => budget.held,
    async close() {
      for (const s of streams) s.end();
      await uploads.clear();
      await app.closeSite();
      await host.settings.flush();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

function sendJson(res: ServerResponse, value: unknown): void {
  res.statusCode = 200;
  res.setHeader('Content-Type', 'application/json');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify(value));
}

function deny(res: ServerResponse, status: number, message: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.end(message);
}
