// Words and numbers shown on gallery cards.
import type { GalleryImage, ImageUsage } from '../../shared/ipc/channels/gallery';

export function formatBytes(n: number | null): string {
  if (n == null) return '';
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

const KIND_WORDS: Record<ImageUsage['kind'], string> = {
  'front-matter': "post image (in the post's details)",
  markdown: 'image in the text',
  'markdown-ref': 'image in the text (named at the end)',
  figure: 'figure in the text',
  html: 'image written as web code',
};

export function describeUsage(u: ImageUsage): string {
  return `Line ${u.line}: ${KIND_WORDS[u.kind]}${u.inComment ? ' (inside a comment, not published)' : ''}`;
}

/** A body image without alt text is an accessibility problem; front-matter images have none. */
export function lacksAlt(u: ImageUsage): boolean {
  return u.kind !== 'front-matter' && !u.inComment && !(u.alt ?? '').trim();
}

export function isUnused(img: GalleryImage): boolean {
  return !img.usages.some((u) => !u.inComment);
}

/** The src to write in this post for an image of the site. */
export function srcFor(img: Pick<GalleryImage, 'sitePath'>, bundleDir: string, staticDir = 'static'): string {
  if (img.sitePath.startsWith(bundleDir + '/')) return img.sitePath.slice(bundleDir.length + 1);
  if (img.sitePath.startsWith(staticDir + '/')) return '/' + img.sitePath.slice(staticDir.length + 1);
  return '/' + img.sitePath.split('/').slice(1).join('/');
}

/** The value for the front matter's `images`: a page resource by name, else a path from the site root. */
export function frontMatterSrcFor(img: Pick<GalleryImage, 'sitePath'>, bundleDir: string, staticDir = 'static'): string {
  return srcFor(img, bundleDir, staticDir).replace(/^\//, '');
}
