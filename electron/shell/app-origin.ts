// The app's own origins. The renderer is served from app://postwright/ (never file://, so a
// page cannot read arbitrary local files by URL) and the open site's images from
// asset://site/. Both are "standard, secure" schemes registered before the app is ready.
import { extname, join, normalize, sep } from 'node:path';
import { APP_FILE_TYPES, IMAGE_TYPES } from '../services/fs/content-types';
import { CSP } from '../../shared/security/csp';

export const APP_SCHEME = 'app';
export const APP_HOST = 'postwright';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

export const ASSET_SCHEME = 'asset';
export const ASSET_HOST = 'site';
export const ASSET_BASE = `${ASSET_SCHEME}://${ASSET_HOST}/`;

/** The policy for every page the app serves (shared/security/csp.ts: the one copy). */
export const APP_CSP = CSP;

export const APP_TYPES = APP_FILE_TYPES;

export const ASSET_TYPES = IMAGE_TYPES;

/** True for a frame of our own app (the sender check of every IPC call). */
export function isAppUrl(raw: string | undefined | null): boolean {
  if (!raw) return false;
  try {
    const u = new URL(raw);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * The file under `distDir` an app:// URL names, or null for another host or a path that tries
 * to leave the folder. Paths without an extension get index.html (the app has one page).
 */
export function appFileFor(distDir: string, raw: string): string | null {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  // Encoded separators and dot segments (%2F, %2e%2e) survive URL parsing: refuse them.
  if (path.includes('\0') || path.split(/[/\\]/).includes('..')) return null;
  const rel = normalize(path).replace(/^([/\\])+/, '');
  if (!rel || !extname(rel)) return join(distDir, 'index.html');
  const abs = join(distDir, rel);
  return abs.startsWith(distDir + sep) ? abs : null;
}

/** The site-relative POSIX path an asset:// URL names, or null (the caller still resolves it inside the site). */
export function assetPathFor(raw: string): string | null {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return null;
  }
  if (u.protocol !== `${ASSET_SCHEME}:` || u.host !== ASSET_HOST) return null;
  let rel: string;
  try {
    rel = u.pathname.split('/').map(decodeURIComponent).filter(Boolean).join('/');
  } catch {
    return null;
  }
  if (!rel || !ASSET_TYPES[extname(rel).toLowerCase()]) return null;
  return rel;
}
