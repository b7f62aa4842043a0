// Serves the built renderer and the open site's images to the browser, with the same strict
// content security policy the Electron window uses (shared/security/csp.ts).
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { ServerResponse } from 'node:http';
import { APP_FILE_TYPES, IMAGE_TYPES } from '../services/fs/content-types';
import { CSP } from '../../shared/security/csp';

export { CSP };

export { IMAGE_TYPES };

export function securityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

/** Sends a file from the built renderer, or false when there is none at that path. */
export async function sendDistFile(distDir: string, urlPath: string, res: ServerResponse): Promise<boolean> {
  const rel = normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, '');
  if (rel.split(sep).includes('..')) return false;
  const abs = join(distDir, rel || 'index.html');
  const st = await stat(abs).catch(() => null);
  if (!st?.isFile()) return false;
  res.statusCode = 200;
  res.setHeader('Content-Type', APP_FILE_TYPES[extname(abs).toLowerCase()] ?? 'application/octet-stream');
  res.setHeader('Cache-Control', 'no-store');
  res.end(await readFile(abs));
  return true;
}
