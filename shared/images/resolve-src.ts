// Resolves an image src written in a post to the site files it may name, the way Hugo would
// publish them: relative to the post's bundle, or from the site root (static/ first, then
// content/ for page resources linked by their permalink). Anything that climbs out of the
// site, or uses a scheme other than http(s)/data, is flagged `outside` and never read.
import type { SiteLayout, TargetStatus } from './types';
import { bundleDirOf, joinPosix, normalizeRelative } from './site-paths';

export interface ResolvedSrc {
  status: TargetStatus;
  candidates: string[];
}

const OUTSIDE: ResolvedSrc = { status: 'outside', candidates: [] };

/** The path part of a src: URL-decoded, without `?query` or `#fragment`. */
export function srcPath(src: string): string {
  let p = src.trim();
  const cut = p.search(/[?#]/);
  if (cut !== -1) p = p.slice(0, cut);
  try {
    p = decodeURIComponent(p);
  } catch {}
  return p;
}

export function resolveImageSrc(
  src: string,
  postPath: string,
  layout: SiteLayout,
  opts: { frontMatter?: boolean } = {},
): ResolvedSrc {
  const raw = src.trim();
  if (/^(https?:)?\/\//i.test(raw)) return { status: 'external', candidates: [] };
  if (/^data:/i.test(raw)) return { status: 'data', candidates: [] };
  // Any other scheme (file:, javascript:) or a Windows drive is never followed.
  if (/^[a-z][a-z0-9+.-]*:/i.test(raw)) return OUTSIDE;
  const path = srcPath(raw);
  if (!path || path.includes('\0') || path.includes('\\')) return OUTSIDE;
  const bundle = bundleDirOf(postPath, layout);
  if (path.startsWith('/')) {
    const inStatic = normalizeRelative(joinPosix(layout.staticDir, path.slice(1)));
    const inContent = normalizeRelative(joinPosix(layout.contentDir, path.slice(1)));
    // `/../x` climbs out of static/ (and so out of what Hugo serves): refuse.
    if (normalizeRelative(path.slice(1)) === null || !inStatic || !inContent) return OUTSIDE;
    return { status: 'local', candidates: [inStatic, inContent] };
  }
  const inBundle = normalizeRelative(joinPosix(bundle, path));
  if (inBundle === null) return OUTSIDE;
  const candidates = [inBundle];
  if (opts.frontMatter) {
    // Hugo's templates try a page resource first, then a path from the site root (static/).
    const fromRoot = normalizeRelative(path);
    const inStatic = fromRoot === null ? null : normalizeRelative(joinPosix(layout.staticDir, fromRoot));
    if (inStatic && inStatic !== inBundle) candidates.push(inStatic);
  }
  return { status: 'local', candidates };
}
