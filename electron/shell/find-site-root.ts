// Which Hugo site does a Markdown file belong to? Walk up from the file to the nearest folder
// holding a Hugo config file (hugo.toml, config.yaml, config/_default/…); failing that, the
// folder above the nearest `content` folder. Used when the OS opens a .md with Postwright.
import { stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const CONFIG_FILES = ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml', 'config.json'];

async function exists(p: string, dir = false): Promise<boolean> {
  try {
    const s = await stat(p);
    return dir ? s.isDirectory() : s.isFile();
  } catch {
    return false;
  }
}

async function hasHugoConfig(dir: string): Promise<boolean> {
  for (const f of CONFIG_FILES) if (await exists(join(dir, f))) return true;
  return exists(join(dir, 'config', '_default'), true);
}

/** The site root for `file` (absolute), or null when the file is in no Hugo site. */
export async function findSiteRoot(file: string): Promise<string | null> {
  let contentParent: string | null = null;
  let dir = dirname(file);
  for (;;) {
    if (await hasHugoConfig(dir)) return dir;
    if (!contentParent && basename(dir) === 'content') contentParent = dirname(dir);
    const up = dirname(dir);
    if (up === dir) return contentParent;
    dir = up;
  }
}
