// Opens a folder as a Hugo site: one holding a Hugo config file, or a bare content/ folder.
import { realpath, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { SiteInfo } from '../../../shared/ipc/channels/site';
import { PostwrightError } from '../../../shared/ipc/errors';
import { isInside } from '../fs/safe-path';
import { readSiteConfig } from './site-config';

export async function openSiteFolder(dir: string): Promise<SiteInfo> {
  let root: string;
  try {
    root = await realpath(resolve(dir));
    if (!(await stat(root)).isDirectory()) throw new Error('not a folder');
  } catch {
    throw new PostwrightError('not-a-site', `The folder "${dir}" could not be found or is not a folder.`);
  }
  const config = await readSiteConfig(root);
  const contentDir = resolve(root, config.contentDir);
  if (!isInside(root, contentDir)) {
    throw new PostwrightError('not-a-site', `The site's contentDir "${config.contentDir}" points outside the site folder.`);
  }
  const hasContent = await stat(contentDir).then((s) => s.isDirectory(), () => false);
  if (!config.file && !hasContent) {
    throw new PostwrightError(
      'not-a-site',
      `"${basename(root)}" is not a Hugo site: it has no hugo.toml (or config.toml, hugo.yaml…) and no content folder.`,
    );
  }
  if (!hasContent) {
    throw new PostwrightError('not-a-site', `The site has no "${config.contentDir}" folder, so it has no posts yet.`);
  }
  return {
    root,
    contentDir,
    title: config.title ?? basename(root),
    configFile: config.file,
    taxonomies: config.taxonomies,
  };
}
