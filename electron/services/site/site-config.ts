// Reads what Postwright needs from a Hugo site's configuration: where content lives, the site
// title and the taxonomies. Hugo accepts hugo.* (since 0.109) and config.*, at the root or in
// config/_default/.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';

export const CONFIG_NAMES = ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml', 'config.json'];
const CONFIG_DIRS = ['', join('config', '_default')];

export interface SiteConfig {
  file: string | null;
  title: string | null;
  contentDir: string;
  taxonomies: string[];
  /** The site's themes (`theme`, a name or a list) and Hugo module imports (`module.imports[].path`). */
  themes: string[];
  modules: string[];
  /** `cacheDir`: where Hugo keeps its module cache, when the site sets it. */
  cacheDir: string | null;
}

export async function readSiteConfig(root: string): Promise<SiteConfig> {
  for (const dir of CONFIG_DIRS) {
    for (const name of CONFIG_NAMES) {
      const rel = dir ? join(dir, name) : name;
      let text: string;
      try {
        text = await readFile(join(root, rel), 'utf8');
      } catch {
        continue;
      }
      return { file: rel, ...interpret(parseConfig(name, text)) };
    }
  }
  return { file: null, title: null, contentDir: 'content', taxonomies: ['tags', 'categories'], themes: [], modules: [], cacheDir: null };
}

function parseConfig(name: string, text: string): Record<string, unknown> {
  try {
    if (name.endsWith('.toml')) return parseToml(text) as Record<string, unknown>;
    if (name.endsWith('.json')) return JSON.parse(text) as Record<string, unknown>;
    const v = parseYaml(text) as unknown;
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  } catch {
    // A broken config still lets the writer edit posts; Hugo itself will report the error.
    return {};
  }
}

function interpret(cfg: Record<string, unknown>): Omit<SiteConfig, 'file'> {
  const lower = Object.fromEntries(Object.entries(cfg).map(([k, v]) => [k.toLowerCase(), v]));
  const title = typeof lower.title === 'string' ? lower.title : null;
  const contentDir = typeof lower.contentdir === 'string' && lower.contentdir.trim() ? lower.contentdir : 'content';
  let taxonomies = ['tags', 'categories'];
  const tax = lower.taxonomies;
  if (tax && typeof tax === 'object' && !Array.isArray(tax)) {
    taxonomies = Object.values(tax as Record<string, unknown>).filter((v): v is string => typeof v === 'string');
  }
  const strings = (v: unknown): string[] => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const themes = strings(lower.theme);
  const mod = lower.module;
  const imports = mod && typeof mod === 'object' ? (mod as Record<string, unknown>).imports : undefined;
  const modules = Array.isArray(imports)
    ? imports.map((i) => (i && typeof i === 'object' ? (i as Record<string, unknown>).path : undefined)).filter((x): x is string => typeof x === 'string')
    : [];
  const cacheDir = typeof lower.cachedir === 'string' && lower.cachedir.trim() ? lower.cachedir : null;
  return { title, contentDir, taxonomies, themes, modules, cacheDir };
}
