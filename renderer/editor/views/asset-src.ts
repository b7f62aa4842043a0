// Resolves an image reference from a post (figure `src`, `<img src>`) to a site-relative path,
// or null when it must not be shown: remote URLs (no network loads), other schemes, `..`.
// "/x.png" lives in the site's static/ folder; "x.png" sits beside the post (page bundle).

export function siteAssetPath(src: string, postPath: string): string | null {
  const s = src.trim();
  if (!s || /^[a-z][a-z0-9+.-]*:/i.test(s) || s.startsWith('//')) return null;
  const clean = s.split(/[?#]/)[0];
  if (clean.split('/').includes('..')) return null;
  if (clean.startsWith('/')) return `static${clean}`;
  const dir = postPath.includes('/') ? postPath.slice(0, postPath.lastIndexOf('/')) : '';
  return `content/${dir ? `${dir}/` : ''}${clean}`;
}

/** The src of a raw HTML block that is a single `<img>` tag, else null. */
export function singleImgSrc(html: string): string | null {
  const m = /^\s*<img\s[^<>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^<>]*\/?>\s*$/i.exec(html);
  return m ? (m[1] ?? m[2] ?? m[3]) : null;
}
