// The shortcodes a writer can insert: the site's own (layouts/shortcodes/), its theme's
// (themes/<theme>/layouts/shortcodes/) and Hugo's built-ins. Read from the folders on each ask
// (a handful of file names), so a shortcode added while the app runs is offered at once.
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { readSiteConfig } from '../site/site-config';

export const HUGO_BUILT_INS = ['figure', 'youtube', 'vimeo', 'x', 'instagram', 'gist', 'highlight', 'details', 'qr', 'ref', 'relref'];

export interface ShortcodeEntry {
  name: string;
  source: 'site' | 'theme' | 'hugo';
}

/** Template files under `dir` (nested folders give "folder/name"), as shortcode names. */
async function templateNames(dir: string): Promise<string[]> {
  let files: string[];
  try {
    files = (await readdir(dir, { recursive: true })) as string[];
  } catch {
    return [];
  }
  const names = new Set<string>();
  for (const f of files) {
    const rel = relative(dir, join(dir, f)).split(sep).join('/');
    // note.html, note.md, note.en.html, note.amp.html: all the shortcode "note".
    const m = /^(.+?)(?:\.[a-z]{2}(?:-[a-z]+)?)?(?:\.(?:amp|rss|json))?\.(?:html|md|xml|txt)$/i.exec(rel);
    if (m && !rel.split('/').some((s) => s.startsWith('.'))) names.add(m[1]);
  }
  return [...names];
}

/** Every shortcode the site can use: its own first, then its theme's, then Hugo's; each name once. */
export async function listShortcodes(root: string): Promise<ShortcodeEntry[]> {
  const { themes } = await readSiteConfig(root);
  const out: ShortcodeEntry[] = [];
  const seen = new Set<string>();
  const add = (names: string[], source: ShortcodeEntry['source']) => {
    for (const name of names.sort((a, b) => a.localeCompare(b))) {
      if (seen.has(name)) continue;
      seen.add(name);
      out.push({ name, source });
    }
  };
  add(await templateNames(join(root, 'layouts', 'shortcodes')), 'site');
  for (const theme of themes) {
    // A theme name is a folder of themes/, never a path out of the site.
    if (/[\\/]|^\.\.?$/.test(theme)) continue;
    add(await templateNames(join(root, 'themes', theme, 'layouts', 'shortcodes')), 'theme');
  }
  add([...HUGO_BUILT_INS], 'hugo');
  return out;
}
