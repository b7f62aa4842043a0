// Finds the `images` field of a post's front matter (a list or a single string) and locates
// each value in the text so a rename can rewrite it in place.
import { splitFrontMatter } from '../frontmatter/split';
import { parseFieldsFast } from '../post/fast-fields';
import type { RawRef } from './raw-ref';

const KEY_RE = {
  yaml: /^(["']?)images\1[ \t]*:/m,
  toml: /^[ \t]*(["']?)images\1[ \t]*=/m,
  json: /"images"\s*:/,
} as const;

export interface FrontMatterScan {
  refs: RawRef[];
  /** Where the body starts (scans of Markdown begin here). */
  bodyOffset: number;
}

export function scanFrontMatterImages(raw: string): FrontMatterScan {
  const split = splitFrontMatter(raw);
  if (split.error || split.format === 'none') return { refs: [], bodyOffset: split.error ? 0 : split.bodyOffset };
  const fm = raw.slice(split.fmStart, split.fmEnd);
  const { fields } = parseFieldsFast(split.format, fm);
  const value = fields.images;
  const list = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  if (!list.length) return { refs: [], bodyOffset: split.bodyOffset };
  const key = KEY_RE[split.format].exec(fm);
  const keyAt = key ? key.index : 0;
  let cursor = key ? key.index + key[0].length : 0;
  const refs: RawRef[] = list.map((src) => {
    const idx = fm.indexOf(src, cursor);
    if (idx === -1) return { kind: 'front-matter', src, srcStart: -1, srcEnd: -1, at: split.fmStart + keyAt, alt: null };
    cursor = idx + src.length;
    const start = split.fmStart + idx;
    return { kind: 'front-matter', src, srcStart: start, srcEnd: start + src.length, at: start, alt: null };
  });
  return { refs, bodyOffset: split.bodyOffset };
}
