// How a site links its own posts, and the address of one post written that way. A post picked in
// the Link dialog's "Posts of this site" tab gets the form the site's writers already use, so a
// new link reads like the others (and keeps working the way theirs do).
//
// Pure: counts come from post bodies (the main process reads them for search), addresses from
// content-relative paths such as "blog/my-post/index.md".

export type LinkForm = 'relative' | 'ref' | 'relref' | 'permalink';
export type LinkFormCounts = Record<LinkForm, number>;

export const noLinkForms = (): LinkFormCounts => ({ relative: 0, ref: 0, relref: 0, permalink: 0 });

/** A link's destination in Markdown: `](dest)` (inline) or `[label]: dest` (definition). */
const LINK_DEST = /\]\(\s*<?([^)\s>][^)\n]*?)>?\s*(?:"[^"\n]*")?\s*\)|^ {0,3}\[[^\]\n]+\]:\s*<?(\{\{[<%][^\n]*?[>%]\}\}|\S+?)>?(?:\s|$)/gm;

/** The form of one link destination, or null when it is no link to a post (a file, a web address). */
export function linkFormOf(dest: string): LinkForm | null {
  const d = dest.trim();
  const shortcode = /^\{\{[<%]\s*(relref|ref)\b/.exec(d);
  if (shortcode) return shortcode[1] === 'relref' ? 'relref' : 'ref';
  if (/^[a-z][a-z0-9+.-]*:/i.test(d) || d.startsWith('//') || d.startsWith('#')) return null;
  const path = d.replace(/[?#].*$/, '');
  const last = path.replace(/\/+$/, '').split('/').pop() ?? '';
  // A file (image, PDF, .md source) is not an address of a post.
  if (!path.endsWith('/') && /\.[a-z0-9]+$/i.test(last)) return null;
  if (path.startsWith('../') || path.startsWith('./')) return 'relative';
  if (path.startsWith('/') && path.length > 1) return 'permalink';
  return null;
}

/** Counts the links to posts in one post's Markdown body, by form. */
export function countLinkForms(body: string, into: LinkFormCounts = noLinkForms()): LinkFormCounts {
  if (!body.includes('](') && !body.includes(']:')) return into;
  for (const m of body.matchAll(LINK_DEST)) {
    const form = linkFormOf(m[1] ?? m[2] ?? '');
    if (form) into[form]++;
  }
  return into;
}

/** The form most used; a site with no links to its posts gets relative ones (they survive a move of the whole site to another address or sub-folder). */
export function pickLinkForm(counts: LinkFormCounts): LinkForm {
  let best: LinkForm = 'relative';
  for (const form of ['ref', 'relref', 'permalink', 'relative'] as const) if (counts[form] > counts[best]) best = form;
  return best;
}

/** The folders of a post's address: "blog/my-post/index.md" and "blog/my-post.md" → ["blog", "my-post"]. */
function addressSegments(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  const file = parts.pop() ?? '';
  if (!/^_?index(\.[a-z-]+)?\.(md|markdown|html)$/i.test(file)) parts.push(file.replace(/(\.[a-z-]+)?\.(md|markdown|html)$/i, ''));
  // Hugo lower-cases paths and turns spaces into dashes when it makes addresses.
  return parts.map((s) => s.toLowerCase().replace(/\s+/g, '-'));
}

/** The path Hugo's ref/relref looks a page up by: "/blog/my-post" (no index file, no extension). */
function pagePath(path: string): string {
  const parts = path.split('/').filter(Boolean);
  const file = parts.pop() ?? '';
  if (!/^_?index(\.[a-z-]+)?\.(md|markdown|html)$/i.test(file)) parts.push(file.replace(/\.(md|markdown|html)$/i, ''));
  return '/' + parts.join('/');
}

/**
 * The address to write in post `from` for a link to post `to` (both content-relative paths).
 * A ref/relref is written without spaces so the Markdown link needs no angle brackets.
 */
export function postAddress(form: LinkForm, from: string, to: string): string {
  if (form === 'ref' || form === 'relref') return `{{<${form} "${pagePath(to)}">}}`;
  const target = addressSegments(to);
  if (form === 'permalink') return target.length ? `/${target.join('/')}/` : '/';
  const here = addressSegments(from);
  let common = 0;
  while (common < here.length && common < target.length && here[common] === target[common]) common++;
  const up = '../'.repeat(here.length - common);
  const down = target.slice(common).map((s) => s + '/').join('');
  return up + down || './';
}

/**
 * The post a link in post `from` points to, among `paths` (content-relative), or null when it
 * is no link to one of them (a web address, a file, a page the site does not have).
 */
export function postForAddress(href: string, from: string, paths: readonly string[]): string | null {
  const form = linkFormOf(href);
  if (!form) return null;
  if (form === 'ref' || form === 'relref') {
    const arg = /^\{\{[<%]\s*(?:rel)?ref\s+"?([^"\s>%]+)"?/.exec(href.trim())?.[1];
    if (!arg) return null;
    const wanted = pagePath(arg.replace(/^\/+/, '').replace(/\/+$/, '/index.md').replace(/^([^.]*[^/.])$/, '$1/index.md'));
    const exact = paths.find((p) => pagePath(p) === wanted);
    if (exact) return exact;
    // Hugo also finds a page by its name alone ("community") when that name is unique.
    const byName = paths.filter((p) => pagePath(p).split('/').pop() === wanted.split('/').pop());
    return byName.length === 1 ? byName[0] : null;
  }
  const path = href.trim().replace(/[?#].*$/, '');
  let segments: string[];
  if (form === 'permalink') segments = path.split('/').filter(Boolean);
  else {
    segments = addressSegments(from);
    for (const part of path.split('/').filter(Boolean)) {
      if (part === '..') segments.pop();
      else if (part !== '.') segments.push(part);
    }
  }
  const key = segments.map((s) => s.toLowerCase()).join('/');
  return paths.find((p) => addressSegments(p).join('/') === key) ?? null;
}
