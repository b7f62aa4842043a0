// Which of a site's paired shortcodes hold Markdown: found from the templates Hugo would use,
// most specific first, as Hugo looks them up: postwright.yml's `shortcodes: {name: {inner:
// markdown|text}}`, then the site's layouts/shortcodes/, then its themes' (the first theme
// wins), then Hugo modules present on disk (_vendor/ or Hugo's module cache), then the table of popular themes
// (shared/markdown/theme-shortcodes.ts) for names with no template on disk. A template that
// exists but cannot be read gives 'source': the editor keeps that pair as written, read-only.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { templateRendersMarkdown, type InnerKind } from '../../../shared/markdown/shortcode-inner';
import { themeShortcodes } from '../../../shared/markdown/theme-shortcodes';
import { readSiteConfig } from './site-config';
import { hugoCacheDir, moduleDir } from './module-dirs';

/** Every template file under `dir` (nested folders give names like `docs/note`). */
async function templatesIn(dir: string): Promise<Array<{ name: string; file: string }>> {
  let entries: string[];
  try {
    entries = (await readdir(dir, { recursive: true })) as string[];
  } catch {
    return [];
  }
  const out: Array<{ name: string; file: string }> = [];
  for (const rel of entries) {
    const m = /^(.+?)(?:\.[a-z]{2}(?:-[a-z]+)?)?(?:\.(?:html|amp|rss|json))?\.(?:html|htm|xml|json|md|txt)$/i.exec(rel);
    if (!m) continue;
    out.push({ name: m[1].split(sep).join('/'), file: join(dir, rel) });
  }
  return out;
}

async function kindOf(file: string): Promise<InnerKind> {
  try {
    return templateRendersMarkdown(await readFile(file, 'utf8')) ? 'markdown' : 'text';
  } catch {
    return 'source';
  }
}

/** The `shortcodes:` part of postwright.yml, as name -> kind. */
async function declared(root: string): Promise<Record<string, InnerKind>> {
  let data: unknown;
  try {
    data = parseYaml(await readFile(join(root, 'postwright.yml'), 'utf8')) as unknown;
  } catch {
    return {};
  }
  const list = data && typeof data === 'object' ? (data as Record<string, unknown>).shortcodes : undefined;
  const out: Record<string, InnerKind> = {};
  if (!list || typeof list !== 'object') return out;
  for (const [name, spec] of Object.entries(list as Record<string, unknown>)) {
    const inner = spec && typeof spec === 'object' ? (spec as Record<string, unknown>).inner : spec;
    if (inner === 'markdown' || inner === 'text') out[name] = inner;
  }
  return out;
}

/** Hugo 0.146+ keeps shortcodes in layouts/_shortcodes/, older versions in layouts/shortcodes/. */
const shortcodeDirs = (dir: string) => [join(dir, 'layouts', 'shortcodes'), join(dir, 'layouts', '_shortcodes')];

export async function readShortcodeInner(root: string, env: Readonly<Record<string, string | undefined>> = process.env): Promise<Record<string, InnerKind>> {
  const cfg = await readSiteConfig(root);
  const cacheDir = hugoCacheDir(root, cfg.cacheDir, env);
  // Least specific first: later ones overwrite. A theme may itself be a module path.
  const dirs: string[] = [];
  for (const mod of [...cfg.modules, ...cfg.themes.filter((t) => t.includes('/'))].reverse()) {
    const dir = await moduleDir(root, mod, cacheDir);
    if (dir) dirs.push(...shortcodeDirs(dir));
  }
  for (const theme of [...cfg.themes].reverse()) dirs.push(...shortcodeDirs(join(root, 'themes', theme)));
  dirs.push(...shortcodeDirs(root));
  const out: Record<string, InnerKind> = {};
  // The table first, for names with no template on disk.
  for (const source of [...cfg.modules, ...cfg.themes]) Object.assign(out, themeShortcodes(source));
  for (const dir of dirs) {
    const found = await templatesIn(dir);
    // The plain `name.html` decides over language or output-format variants.
    found.sort((a, b) => b.file.length - a.file.length);
    for (const t of found) out[t.name] = await kindOf(t.file);
  }
  Object.assign(out, await declared(root));
  return out;
}

/** For tests and messages: the path of a template relative to the site. */
export const siteRelative = (root: string, file: string) => relative(root, file).split(sep).join('/');
