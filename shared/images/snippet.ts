// The text inserted for an image: Markdown or a `figure` shortcode, whichever the site's posts
// use more, in the spacing they use (`{{< figure` or `{{<figure`).
import { findImageReferences } from './find-references';
import type { SiteLayout } from './types';

export type InsertStyle = 'markdown' | 'figure' | 'figure-tight';

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

/** Alt text on one line, with Markdown's bracket and backslash escapes. */
function markdownAlt(alt: string): string {
  return alt.replace(/\s+/g, ' ').trim().replace(/([\\[\]])/g, '\\$1');
}

/** A quoted shortcode parameter value (Hugo accepts `\"` inside double quotes). */
function shortcodeValue(v: string): string {
  return v.replace(/\s+/g, ' ').trim().replace(/(["\\])/g, '\\$1');
}

export function imageSnippet(style: InsertStyle, src: string, alt: string): string {
  if (style === 'markdown') {
    const dest = /[\s()<>]/.test(src) ? `<${src}>` : src;
    return `![${markdownAlt(alt)}](${dest})`;
  }
  const params = `src="${shortcodeValue(src)}"` + (alt.trim() ? ` alt="${shortcodeValue(alt)}"` : '');
  return style === 'figure-tight' ? `{{<figure ${params}>}}` : `{{< figure ${params} >}}`;
}
