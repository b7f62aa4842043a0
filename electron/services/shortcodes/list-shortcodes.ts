// The shortcodes a writer can insert: the site's own (layouts/shortcodes/), its theme's
// (themes/<theme>/layouts/shortcodes/), those of the Hugo modules it imports that are on disk
// (_vendor/ or Hugo's module cache, found as the editor finds them: ../site/module-dirs.ts) and
// Hugo's built-ins. A theme or module not on disk offers what the table of popular themes
// records for it (shared/markdown/theme-shortcodes.ts), as the editor reads its pairs. Read from the folders on each ask
// (a handful of file names), so a shortcode added while the app runs is offered at once.
// Each template's parameters and help are read too (shared/shortcodes/template-params.ts), so the
// dialog can offer a field for each; Hugo's built-ins get theirs from a hand-written table.
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { readSiteConfig } from '../site/site-config';
import { hugoCacheDir, moduleDir } from '../site/module-dirs';
import { themesFor } from '../../../shared/markdown/theme-shortcodes';
import { builtinParams } from '../../../shared/shortcodes/builtin-params';
import { templateParams, type TemplateParam } from '../../../shared/shortcodes/template-params';

export const HUGO_BUILT_INS = ['figure', 'youtube', 'vimeo', 'x', 'instagram', 'gist', 'highlight', 'details', 'qr', 'ref', 'relref'];

export interface ShortcodeEntry {
  name: string;
  source: 'site' | 'theme' | 'hugo';
  /** What the template reads, each a field of the dialog (absent when the template cannot be read). */
  params?: TemplateParam[];
  /** The template's leading comment. */
  help?: string;
  /** The template uses `.Inner`: written as a pair, its content between the tags. */
  paired?: boolean;
}

/** Hugo's built-ins that take content between an opening and a closing tag. */
const HUGO_PAIRED = new Set(['details', 'highlight']);

/** Whether a template uses the content between the tags (template comments aside). */
export function usesInner(template: string): boolean {
  return /\.Inner(?:Deindent)?\b/.test(template.replace(/\{\{-?\s*\/\*[\s\S]*?\*\/\s*-?\}\}/g, ''));
}

const isDir = async (dir: string) => (await stat(dir).catch(() => null))?.isDirectory() ?? false;

/** A template larger than this is no shortcode a writer fills in: its parameters are not read. */
const MAX_TEMPLATE_BYTES = 256 * 1024;

/** Template files under `dir` (nested folders give "folder/name"), by shortcode name. */
async function templateFiles(dir: string): Promise<Map<string, string>> {
  let files: string[];
  try {
    files = (await readdir(dir, { recursive: true })) as string[];
  } catch {
    return new Map();
  }
  const names = new Map<string, string>();
  // The shortest file name first: note.html is read rather than note.en.html or note.amp.html.
  for (const f of [...files].sort((a, b) => a.length - b.length || a.localeCompare(b))) {
    const rel = relative(dir, join(dir, f)).split(sep).join('/');
    // note.html, note.md, note.en.html, note.amp.html: all the shortcode "note".
    const m = /^(.+?)(?:\.[a-z]{2}(?:-[a-z]+)?)?(?:\.(?:amp|rss|json))?\.(?:html|md|xml|txt)$/i.exec(rel);
    if (m && !rel.split('/').some((s) => s.startsWith('.')) && !names.has(m[1])) names.set(m[1], join(dir, f));
  }
  return names;
}

/**
 * A template's parameters and help, or nothing when it cannot be read, or when it is a link to
 * a file outside the folder it was found in, the site or a module's folder (its leading comment
 * would otherwise reach the window).
 */
async function readTemplate(file: string, root: string): Promise<Pick<ShortcodeEntry, 'params' | 'help' | 'paired'>> {
  try {
    const [realFile, realRoot] = await Promise.all([realpath(file), realpath(root)]);
    const rel = relative(realRoot, realFile);
    if (rel.startsWith('..') || isAbsolute(rel)) return {};
    if ((await stat(realFile)).size > MAX_TEMPLATE_BYTES) return {};
    const text = await readFile(file, 'utf8');
    return { ...templateParams(text), ...(usesInner(text) ? { paired: true } : {}) };
  } catch {
    return {};
  }
}

/**
 * Every shortcode the site can use: its own first, then its themes' and modules' (in the order
 * the config names them, as Hugo looks them up), then Hugo's; each name once.
 */
export async function listShortcodes(root: string, env: Readonly<Record<string, string | undefined>> = process.env): Promise<ShortcodeEntry[]> {
  const { themes, modules, cacheDir } = await readSiteConfig(root);
  const out: ShortcodeEntry[] = [];
  const seen = new Set<string>();
  const add = async (files: Map<string, string | null>, source: ShortcodeEntry['source'], home = root) => {
    for (const name of [...files.keys()].sort((a, b) => a.localeCompare(b))) {
      if (seen.has(name)) continue;
      seen.add(name);
      const file = files.get(name);
      const info = file ? await readTemplate(file, home) : { ...(builtinParams(name) ?? {}), ...(HUGO_PAIRED.has(name) ? { paired: true } : {}) };
      out.push({ name, source, ...info });
    }
  };
  // Hugo 0.146+ reads layouts/_shortcodes/, older versions layouts/shortcodes/.
  const both = async (dir: string) => {
    const found = await templateFiles(join(dir, 'layouts', 'shortcodes'));
    for (const [name, file] of await templateFiles(join(dir, 'layouts', '_shortcodes'))) if (!found.has(name)) found.set(name, file);
    return found;
  };
  await add(await both(root), 'site');
  const cache = hugoCacheDir(root, cacheDir, env);
  // Themes and modules not on disk (a module before `hugo mod get`): the table of popular themes.
  const notOnDisk: string[] = [];
  for (const theme of themes) {
    // A theme name is a folder of themes/, never a path out of the site; a theme named by a
    // module path (`github.com/x/theme`) is a module.
    if (theme.includes('/') && !theme.includes('\\')) {
      const dir = await moduleDir(root, theme, cache);
      if (dir) await add(await both(dir), 'theme', dir);
      else notOnDisk.push(theme);
      continue;
    }
    if (/[\\/]|^\.\.?$/.test(theme)) continue;
    const dir = join(root, 'themes', theme);
    if (await isDir(dir)) await add(await both(dir), 'theme');
    else notOnDisk.push(theme);
  }
  for (const mod of modules) {
    // moduleDir names no folder for a path that climbs out (`../x`).
    const dir = await moduleDir(root, mod, cache);
    if (dir) await add(await both(dir), 'theme', dir);
    else notOnDisk.push(mod);
  }
  for (const source of notOnDisk) {
    for (const theme of themesFor(source)) {
      for (const name of Object.keys(theme.shortcodes).sort((a, b) => a.localeCompare(b))) {
        if (seen.has(name)) continue;
        seen.add(name);
        const sc = theme.shortcodes[name];
        out.push({ name, source: 'theme', params: sc.params.map((p) => ({ name: p, type: 'text' as const })), ...(sc.inner !== 'none' ? { paired: true } : {}) });
      }
    }
  }
  await add(new Map(HUGO_BUILT_INS.map((n) => [n, null])), 'hugo');
  return out;
}
