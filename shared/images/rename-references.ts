// Renaming an image rewrites only the file-name part of each src that names it, in place, so
// the post's diff shows exactly the lines holding those references and nothing else.
import { findImageReferences, targetOf } from './find-references';
import type { ImageReference, SiteLayout } from './types';

export interface RenameResult {
  text: string;
  /** References rewritten. */
  changed: number;
  /** References to the image that could not be located in the text (left unchanged). */
  unlocated: ImageReference[];
}

export function renameImageReferences(
  raw: string,
  postPath: string,
  layout: SiteLayout,
  fromSitePath: string,
  newFileName: string,
  exists: (sitePath: string) => boolean = () => true,
): RenameResult {
  if (!newFileName || /[/\\\s"'<>()[\]`]/.test(newFileName)) throw new Error(`"${newFileName}" is not a usable file name.`);
  return rewriteImageReferences(raw, postPath, layout, fromSitePath, (src) => withFileName(src, newFileName), exists);
}

/**
 * Replaces every src that names `fromSitePath` (a missing image, say) with `newSrc`, in place:
 * only the lines holding those references change. `newSrc` must be a plain path, as the
 * gallery writes them (no spaces, quotes or brackets that would need escaping in Markdown).
 */
export function replaceImageReferences(
  raw: string,
  postPath: string,
  layout: SiteLayout,
  fromSitePath: string,
  newSrc: string,
  exists: (sitePath: string) => boolean = () => true,
): RenameResult {
  if (!newSrc || /[\\\s"'<>()[\]`]/.test(newSrc)) throw new Error(`"${newSrc}" is not an image address Postwright can write.`);
  return rewriteImageReferences(raw, postPath, layout, fromSitePath, () => newSrc, exists);
}

function rewriteImageReferences(
  raw: string,
  postPath: string,
  layout: SiteLayout,
  fromSitePath: string,
  rewrite: (src: string) => string,
  exists: (sitePath: string) => boolean,
): RenameResult {
  const refs = findImageReferences(raw, postPath, layout).filter((r) => {
    if (r.status !== 'local') return false;
    const target = targetOf(r, (p) => p === fromSitePath || exists(p));
    return target === fromSitePath;
  });
  const unlocated = refs.filter((r) => r.srcStart < 0);
  // Reference-style images share one definition: rewrite each src span once.
  const spans = new Map<number, ImageReference>();
  for (const r of refs) if (r.srcStart >= 0) spans.set(r.srcStart, r);
  let text = raw;
  for (const r of [...spans.values()].sort((a, b) => b.srcStart - a.srcStart)) {
    text = text.slice(0, r.srcStart) + rewrite(r.src) + text.slice(r.srcEnd);
  }
  return { text, changed: spans.size, unlocated };
}

/** Replaces the last path segment of a src, keeping its folder, `?query` and `#fragment`. */
export function withFileName(src: string, name: string): string {
  const cut = src.search(/[?#]/);
  const path = cut === -1 ? src : src.slice(0, cut);
  const rest = cut === -1 ? '' : src.slice(cut);
  const slash = path.lastIndexOf('/');
  return path.slice(0, slash + 1) + name + rest;
}
