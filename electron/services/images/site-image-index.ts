// A site-wide view of images for the questions that span posts: which posts have broken
// references, who else uses an image before it is renamed or deleted, and which way of
// inserting images the site's posts prefer. Each scan lists the files of content/ and static/
// afresh (so "missing" is always current) and re-reads only posts whose file changed.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { findImageReferences } from '../../../shared/images/find-references';
import { countImageStyles, type StyleCounts } from '../../../shared/images/style-counts';
import type { ImageReference, SiteLayout } from '../../../shared/images/types';
import { findPostFiles } from '../site/list-posts';

interface PostEntry {
  mtimeMs: number;
  size: number;
  refs: ImageReference[];
  styles: StyleCounts;
}

export interface SiteImageScan {
  posts: Array<{ postPath: string; refs: ImageReference[] }>;
  /** Site-relative paths of every file under content/ and static/. */
  files: Set<string>;
  styles: StyleCounts;
}

export class SiteImageIndex {
  private cache = new Map<string, PostEntry>();

  constructor(
    private root: string,
    private contentDir: string,
    private layout: SiteLayout,
  ) {}

  async scan(): Promise<SiteImageScan> {
    const [files, postFiles] = await Promise.all([
      this.listFiles([this.layout.contentDir, this.layout.staticDir]),
      findPostFiles(this.contentDir),
    ]);
    const posts: SiteImageScan['posts'] = [];
    const styles: StyleCounts = { markdown: 0, figure: 0, figureTight: 0 };
    const seen = new Set<string>();
    for (const abs of postFiles) {
      const postPath = relative(this.contentDir, abs).split(sep).join('/');
      seen.add(postPath);
      const entry = await this.entry(abs, postPath);
      if (!entry) continue;
      posts.push({ postPath, refs: entry.refs });
      styles.markdown += entry.styles.markdown;
      styles.figure += entry.styles.figure;
      styles.figureTight += entry.styles.figureTight;
    }
    for (const k of this.cache.keys()) if (!seen.has(k)) this.cache.delete(k);
    return { posts, files, styles };
  }

  private async entry(abs: string, postPath: string): Promise<PostEntry | null> {
    const st = await stat(abs).catch(() => null);
    if (!st) return null;
    const hit = this.cache.get(postPath);
    if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit;
    let raw = await readFile(abs, 'utf8').catch(() => null);
    if (raw == null) return null;
    if (raw.charCodeAt(0) === 0xfeff) raw = raw.slice(1);
    const entry: PostEntry = {
      mtimeMs: st.mtimeMs,
      size: st.size,
      refs: findImageReferences(raw, postPath, this.layout),
      styles: countImageStyles(raw, { markdown: 0, figure: 0, figureTight: 0 }),
    };
    this.cache.set(postPath, entry);
    return entry;
  }

  private async listFiles(dirs: string[]): Promise<Set<string>> {
    const out = new Set<string>();
    const stack = dirs.map((d) => join(this.root, d));
    while (stack.length) {
      const dir = stack.pop()!;
      const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
      for (const e of entries) {
        if (e.name.startsWith('.')) continue;
        const abs = join(dir, e.name);
        if (e.isDirectory()) stack.push(abs);
        else out.add(relative(this.root, abs).split(sep).join('/'));
      }
    }
    return out;
  }
}
