// Serves the renderer from app://postwright/ and the open site's images from asset://site/.
// Every app response carries the strict CSP; asset responses are images from inside the open
// site only (resolved after symlinks), and SVGs get a policy that forbids their scripts.
import { protocol, type Session } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { APP_CSP, APP_SCHEME, APP_TYPES, ASSET_SCHEME, ASSET_TYPES, appFileFor, assetPathFor } from './app-origin';
import { resolveInside } from '../services/fs/safe-path';
import type { SiteInfo } from '../../shared/ipc/channels/site';

/** Must run before the app is ready. */
export function registerPrivilegedSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    // standard: relative URLs and an origin of its own; secure: treated like https.
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    { scheme: ASSET_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

const COMMON_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': 'no-cache',
};

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...COMMON_HEADERS } });
}

async function fileResponse(abs: string, type: string, extra: Record<string, string>): Promise<Response> {
  const st = await stat(abs).catch(() => null);
  if (!st?.isFile()) return notFound();
  const body = await readFile(abs);
  return new Response(new Uint8Array(body), { status: 200, headers: { 'Content-Type': type, ...COMMON_HEADERS, ...extra } });
}

export function handleAppProtocols(ses: Session, distDir: string, currentSite: () => SiteInfo | null): void {
  ses.protocol.handle(APP_SCHEME, async (req) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return new Response('Not allowed', { status: 405 });
    const abs = appFileFor(distDir, req.url);
    if (!abs) return notFound();
    const type = APP_TYPES[extname(abs).toLowerCase()] ?? 'application/octet-stream';
    return fileResponse(abs, type, { 'Content-Security-Policy': APP_CSP });
  });

  ses.protocol.handle(ASSET_SCHEME, async (req) => {
    const rel = assetPathFor(req.url);
    const site = currentSite();
    if (!rel || !site || req.method !== 'GET') return notFound();
    let abs: string;
    try {
      abs = await resolveInside(site.root, site.root, rel);
    } catch {
      return notFound();
    }
    const type = ASSET_TYPES[extname(abs).toLowerCase()];
    if (!type) return notFound();
    return fileResponse(abs, type, {
      // An SVG opened on its own must not run scripts or load anything.
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
      'Cross-Origin-Resource-Policy': 'cross-origin',
    });
  });
}
