// Where the Hugo modules a site imports sit on disk, so their shortcode templates can be read:
// the site's `_vendor/` (after `hugo mod vendor`), else Hugo's module cache (after `hugo mod get`
// or any build), as Hugo itself looks them up. A module found in neither is left to the table of
// popular themes (shared/markdown/theme-shortcodes.ts).
import { readdir, readFile, stat } from 'node:fs/promises';
import { homedir, tmpdir, userInfo } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

type Env = Readonly<Record<string, string | undefined>>;

/** Hugo's cache folder: $HUGO_CACHEDIR (Hugo's environment overrides its config), `cacheDir`, else the OS user cache folder. */
export function hugoCacheDir(root: string, configured: string | null, env: Env = process.env, platform = process.platform): string {
  if (env.HUGO_CACHEDIR) return env.HUGO_CACHEDIR;
  if (configured) return isAbsolute(configured) ? configured : resolve(root, configured);
  const home = env.HOME || homedir();
  if (platform === 'win32' && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, 'hugo_cache');
  if (platform === 'darwin' && home) return join(home, 'Library', 'Caches', 'hugo_cache');
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'hugo_cache');
  if (home) return join(home, '.cache', 'hugo_cache');
  return join(tmpdir(), `hugo_cache_${userInfo().username}`);
}

/** Go's module path escaping: an upper-case letter becomes `!` and its lower case. */
export const escapeModulePath = (path: string) => path.replace(/[A-Z]/g, (c) => `!${c.toLowerCase()}`);

/** The version go.mod requires for `path` (`require path v1.2.3`, alone or in a block), or null. */
async function requiredVersion(root: string, path: string): Promise<string | null> {
  let text: string;
  try {
    text = await readFile(join(root, 'go.mod'), 'utf8');
  } catch {
    return null;
  }
  const esc = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`(?:^|\\s)${esc}\\s+(v[^\\s]+)`, 'm').exec(text);
  return m ? m[1] : null;
}

const isDir = async (dir: string) => (await stat(dir).catch(() => null))?.isDirectory() ?? false;

/** The folder holding module `path` for the site at `root`, or null when it is not on disk. */
export async function moduleDir(root: string, path: string, cacheDir: string): Promise<string | null> {
  // A config is a post-like input: a path that climbs out (`../x`) names no module.
  if (path.split('/').some((seg) => seg === '' || seg === '.' || seg === '..' || seg.includes('\\'))) return null;
  const vendored = join(root, '_vendor', ...path.split('/'));
  if (await isDir(vendored)) return vendored;
  const escaped = escapeModulePath(path).split('/');
  const parent = join(cacheDir, 'modules', 'filecache', 'modules', 'pkg', 'mod', ...escaped.slice(0, -1));
  const base = escaped[escaped.length - 1];
  const version = await requiredVersion(root, path);
  if (version) {
    const exact = join(parent, `${base}@${escapeModulePath(version)}`);
    if (await isDir(exact)) return exact;
  }
  // No go.mod (or its version not fetched): the newest copy in the cache, as fetched last.
  let names: string[];
  try {
    names = (await readdir(parent)).filter((n) => n.startsWith(`${base}@`));
  } catch {
    return null;
  }
  let best: { dir: string; time: number } | null = null;
  for (const n of names) {
    const dir = join(parent, n);
    const s = await stat(dir).catch(() => null);
    if (s?.isDirectory() && (!best || s.mtimeMs > best.time)) best = { dir, time: s.mtimeMs };
  }
  return best?.dir ?? null;
}
