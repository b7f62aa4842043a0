// Pure path arithmetic on site-relative POSIX paths. Nothing here touches a disk: resolving a
// reference only says which file of the site it names, or that it leaves the site.
import type { SiteLayout } from './types';
import { LEAF_RE } from '../post/post-files';

/** Normalises a POSIX path; returns null when `..` would climb above its start. */
export function normalizeRelative(path: string): string | null {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (!out.length) return null;
      out.pop();
    } else out.push(part);
  }
  return out.join('/');
}

export function joinPosix(...parts: string[]): string {
  return parts.filter((p) => p !== '').join('/');
}

export function dirnamePosix(path: string): string {
  const i = path.lastIndexOf('/');
  return i === -1 ? '' : path.slice(0, i);
}

export function basenamePosix(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * The layout of an open site from its absolute root and content folder (either separator, so
 * that Windows paths work too).
 */
export function siteLayoutOf(site: { root: string; contentDir: string }, staticDir = 'static'): SiteLayout {
  const root = site.root.replace(/\\/g, '/').replace(/\/+$/, '');
  const content = site.contentDir.replace(/\\/g, '/').replace(/\/+$/, '');
  const rel = content.startsWith(root + '/') ? content.slice(root.length + 1) : 'content';
  return { contentDir: rel || 'content', staticDir };
}

/** Site-relative folder holding a post's resources: the folder of its file under content. */
export function bundleDirOf(postPath: string, layout: SiteLayout): string {
  return joinPosix(layout.contentDir, dirnamePosix(postPath));
}

/** True for `index.md` (a leaf bundle: every file beside it belongs to the post). */
export function isLeafBundle(postPath: string): boolean {
  return LEAF_RE.test(basenamePosix(postPath));
}
