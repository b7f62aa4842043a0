// Turns "open this" requests (the --site argument, a .md file from the command line, a second
// instance or macOS open-file) into an open site and, for a file, the post to show. The
// renderer hears about it through the siteOpened event.
import { realpath } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import type { AppServices } from '../services/app-services';
import { isInside } from '../services/fs/safe-path';
import { findSiteRoot } from './find-site-root';

export interface OpenResult {
  root: string;
  openPath: string | null;
}

/** Opens `dir` as the site unless it is already the open one (keeps its services running). */
async function ensureSite(app: AppServices, dir: string) {
  const current = app.currentSite();
  const real = await realpath(dir).catch(() => dir);
  if (current && current.root === real) return current;
  return app.openSite(dir);
}

export async function openSiteDir(app: AppServices, dir: string): Promise<OpenResult> {
  const site = await ensureSite(app, dir);
  return { root: site.root, openPath: null };
}

/** Opens the site a Markdown file belongs to; openPath is the post's content-relative path. */
export async function openMarkdownFile(app: AppServices, file: string): Promise<OpenResult> {
  const real = await realpath(file);
  const root = await findSiteRoot(real);
  if (!root) throw new Error(`"${file}" is not inside a Hugo site (no hugo.toml or content folder above it).`);
  const site = await ensureSite(app, root);
  const openPath = isInside(site.contentDir, real) ? relative(site.contentDir, real).split(sep).join('/') : null;
  return { root: site.root, openPath };
}
