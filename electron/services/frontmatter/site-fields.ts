// Collects the front matter of every post of a site, for the schema, suggestions and slug
// checks. Files are re-read only when their modification time or size changed, so asking again
// after one save costs one file. The scan reads in slices and yields to the event loop between
// them (as the post list does), so a big site never holds up the main process for the whole
// scan: the editor's saves and the window's other calls are answered in between.
import { readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { SiteInfo } from '../../../shared/ipc/channels/site';
import { splitFrontMatter } from '../../../shared/frontmatter/split';
import { parseFieldsFast, asStringList } from '../../../shared/post/fast-fields';
import { toJsonSafe } from '../../../shared/post/json-safe';
import { inferSection, mergeDeclared, readSchemaConfig, type PostFields, type SectionSchema } from '../../../shared/frontmatter/schema';
import { findPostFilesSync } from '../site/list-posts';
import { pageSlug } from '../../../shared/post/post-files';

export interface SitePost extends PostFields {
  /** Content-relative POSIX path. */
  path: string;
}

export interface ValueCount {
  value: string;
  count: number;
}

const CONTRIBUTOR_KEYS = ['contributors', 'authors', 'author'];
/** Files read between two yields to the event loop. */
const SLICE = 200;

export class SiteFields {
  private cache = new Map<string, { mtimeMs: number; size: number; post: SitePost }>();

  constructor(private site: SiteInfo) {}

  async posts(): Promise<SitePost[]> {
    const files = findPostFilesSync(this.site.contentDir);
    const seen = new Set<string>();
    const out: SitePost[] = [];
    for (let i = 0; i < files.length; i++) {
      if (i % SLICE === SLICE - 1) await new Promise((r) => setImmediate(r));
      const abs = files[i];
      const rel = relative(this.site.contentDir, abs).split(sep).join('/');
      seen.add(rel);
      let st;
      try {
        st = statSync(abs);
      } catch {
        continue;
      }
      const hit = this.cache.get(rel);
      if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) {
        out.push(hit.post);
        continue;
      }
      const post = readPost(abs, rel);
      this.cache.set(rel, { mtimeMs: st.mtimeMs, size: st.size, post });
      out.push(post);
    }
    for (const k of this.cache.keys()) if (!seen.has(k)) this.cache.delete(k);
    return out;
  }

  async schema(section: string): Promise<SectionSchema> {
    const posts = await this.posts();
    const inferred = inferSection(section, posts, this.site.taxonomies);
    const { config, error } = await this.config();
    return {
      section,
      posts: posts.filter((p) => p.section === section).length,
      fields: mergeDeclared(section, inferred, config, this.site.taxonomies),
      taxonomies: this.site.taxonomies,
      configError: error,
    };
  }

  private async config() {
    let text: string;
    try {
      text = await readFile(join(this.site.root, 'postwright.yml'), 'utf8');
    } catch {
      return readSchemaConfig(null);
    }
    try {
      return readSchemaConfig(parseYaml(text) as unknown);
    } catch (e) {
      return { config: {}, error: `postwright.yml could not be read: ${(e as Error).message.split('\n')[0]}. The form uses the fields found in your posts instead.` };
    }
  }

  /** Each taxonomy's values across the site, most used first, and the names of contributors. */
  async suggestions(): Promise<{ taxonomies: Record<string, ValueCount[]>; contributors: ValueCount[] }> {
    const posts = await this.posts();
    const count = (keys: string[]): ValueCount[] => {
      const m = new Map<string, number>();
      for (const p of posts) for (const k of keys) for (const v of asStringList(p.fields[k])) m.set(v, (m.get(v) ?? 0) + 1);
      return [...m].map(([value, n]) => ({ value, count: n })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    };
    return {
      taxonomies: Object.fromEntries(this.site.taxonomies.map((t) => [t, count([t])])),
      contributors: count(CONTRIBUTOR_KEYS),
    };
  }

  /** Every post's URL slug (its `slug` field, else its bundle folder or file name), lower-case. */
  async slugs(exceptPath?: string): Promise<Map<string, string>> {
    const m = new Map<string, string>();
    for (const p of await this.posts()) if (p.path !== exceptPath) m.set(slugOfPost(p).toLowerCase(), p.path);
    return m;
  }

  async sections(): Promise<string[]> {
    return [...new Set((await this.posts()).map((p) => p.section).filter(Boolean))].sort();
  }
}

export function slugOfPost(p: SitePost): string {
  if (typeof p.fields.slug === 'string' && p.fields.slug) return p.fields.slug;
  return pageSlug(p.path);
}

function readPost(abs: string, rel: string): SitePost {
  const segments = rel.split('/');
  const section = segments.length > 1 ? segments[0] : '';
  let fields: Record<string, unknown> = {};
  try {
    let text = readFileSync(abs, 'utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const split = splitFrontMatter(text);
    if (!split.error && split.format !== 'none') fields = toJsonSafe(parseFieldsFast(split.format, text.slice(split.fmStart, split.fmEnd)).fields) as Record<string, unknown>;
  } catch {}
  return { path: rel, section, fields };
}
