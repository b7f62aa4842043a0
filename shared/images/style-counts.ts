// Which way of inserting images a site's posts use more: Markdown images or `figure`
// shortcodes, and for shortcodes which spacing (`{{< figure` or `{{<figure`).
import { findImageReferences } from './find-references';
import type { InsertStyle } from './snippet';
import type { SiteLayout } from './types';

export interface StyleCounts {
  markdown: number;
  figure: number;
  figureTight: number;
}

const DUMMY_LAYOUT: SiteLayout = { contentDir: 'content', staticDir: 'static' };

/** Adds the image styles used by one post to `counts`. */
export function countImageStyles(raw: string, counts: StyleCounts): StyleCounts {
  for (const r of findImageReferences(raw, 'x/index.md', DUMMY_LAYOUT)) {
    if (r.inComment) continue;
    if (r.kind === 'markdown' || r.kind === 'markdown-ref') counts.markdown++;
  }
  for (const m of raw.matchAll(/\{\{([<%])(\s*)figure\b/g)) {
    if (m[2]) counts.figure++;
    else counts.figureTight++;
  }
  return counts;
}

export function preferredStyle(c: StyleCounts): InsertStyle {
  if (c.figure + c.figureTight > c.markdown) return c.figureTight > c.figure ? 'figure-tight' : 'figure';
  return 'markdown';
}

