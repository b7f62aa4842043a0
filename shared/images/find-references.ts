// Every image a post references, in the order written: front matter `images`, Markdown images
// (inline and reference style), `figure` shortcodes and `<img>` tags, each with its line, alt
// text and the site files it may name. Code blocks and code spans are skipped; references
// inside HTML comments are kept but marked, since Hugo does not publish them.
import { codeSpanRanges, fencedCodeRanges, htmlCommentRanges, indentedCodeRanges, inRanges, lineOf, lineStarts, maskRanges } from './mask';
import type { RawRef } from './raw-ref';
import { resolveImageSrc } from './resolve-src';
import { scanFrontMatterImages } from './scan-front-matter';
import { scanHtmlImages } from './scan-html';
import { scanMarkdownImages } from './scan-markdown';
import { scanShortcodes } from './scan-shortcodes';
import type { ImageReference, SiteLayout } from './types';

export function findImageReferences(raw: string, postPath: string, layout: SiteLayout): ImageReference[] {
  const fmScan = scanFrontMatterImages(raw);
  const from = fmScan.bodyOffset;
  const fences = fencedCodeRanges(raw, from);
  const noFences = maskRanges(raw, [[0, from], ...fences, ...indentedCodeRanges(maskRanges(raw, fences), from)]);
  const comments = htmlCommentRanges(noFences, from);
  const shortcodes = scanShortcodes(noFences, from);
  const noShortcodes = maskRanges(noFences, shortcodes.ranges);
  const plain = maskRanges(noShortcodes, codeSpanRanges(noShortcodes, from));
  const body: RawRef[] = [...shortcodes.refs, ...scanMarkdownImages(plain, from), ...scanHtmlImages(plain, from)];
  body.sort((a, b) => a.at - b.at || a.srcStart - b.srcStart);
  const starts = lineStarts(raw);
  // A src holding template code (`{{ .RelPermalink }}`) is an example, not a file.
  return [...fmScan.refs, ...body.filter((r) => !r.src.includes('{{'))].map((r) => {
    const resolved = resolveImageSrc(r.src, postPath, layout, { frontMatter: r.kind === 'front-matter' });
    return {
      kind: r.kind,
      src: r.src,
      srcStart: r.srcStart,
      srcEnd: r.srcEnd,
      line: lineOf(starts, r.at),
      alt: r.alt,
      inComment: r.kind !== 'front-matter' && inRanges(comments, r.at),
      status: resolved.status,
      candidates: resolved.candidates,
    };
  });
}

/** The site file a local reference names: the first candidate that exists, else the first. */
export function targetOf(ref: ImageReference, exists: (sitePath: string) => boolean): string | null {
  if (ref.status !== 'local' || !ref.candidates.length) return null;
  return ref.candidates.find(exists) ?? ref.candidates[0];
}

/** True when a reference will be broken on the published site. */
export function isBroken(ref: ImageReference, exists: (sitePath: string) => boolean): boolean {
  if (ref.inComment) return false;
  if (ref.status === 'outside') return true;
  return ref.status === 'local' && !ref.candidates.some(exists);
}

/**
 * The missing images of a post, each once: a file used twice is one missing image, as the
 * gallery shows it (the list said "2 missing images" where the gallery showed one card). A
 * local reference is keyed by the file it names; one that points outside the site by its text.
 */
export function missingImageKeys(refs: readonly ImageReference[], exists: (sitePath: string) => boolean): Set<string> {
  const keys = new Set<string>();
  for (const r of refs) {
    if (!isBroken(r, exists)) continue;
    keys.add(r.status === 'local' && r.candidates.length ? r.candidates[0] : `outside:${r.src.trim()}`);
  }
  return keys;
}

/**
 * Number of missing images of a post (see missingImageKeys): cheap enough for the post list
 * (one scan of the text; `exists` is usually a Set of the site's files built once).
 */
export function countMissingImages(raw: string, postPath: string, layout: SiteLayout, exists: (sitePath: string) => boolean): number {
  return missingImageKeys(findImageReferences(raw, postPath, layout), exists).size;
}
