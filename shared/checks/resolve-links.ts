// Does an internal link name a post of the site? Mirrors how Hugo looks pages up: `ref` and
// `relref` take a path from the content root (`/blog/x`), relative to the page, or a bare
// name that is unique in the site (`x.md`); relative Markdown links are resolved from the
// page's published URL (`/blog/a/` for both `blog/a/index.md` and `blog/a.md`), `.md` links
// from the page's file.

import { isMarkdownFile } from '../post/post-files';

export interface PostIndex {
  /** Page keys: content-relative path without extension, `index`/`_index` or language suffix. */
  keys: Set<string>;
  /** Last segment of each key, for bare-name refs. */
  names: Set<string>;
}

const PAGE_FILE = /(^|\/)_?index(\.[a-z]{2,3}(-[a-z]+)?)?\.(md|markdown)$/i;
const SINGLE_FILE = /(\.[a-z]{2,3}(-[a-z]+)?)?\.(md|markdown)$/i;

/** The key of a content path or a link target: "blog/a/index.md", "blog/a/", "/blog/a.md" → "blog/a". */
export function pageKey(path: string): string {
  return path
    .replace(/^\/+|\/+$/g, '')
    .replace(PAGE_FILE, '')
    .replace(SINGLE_FILE, '')
    .replace(/\/+$/, '')
    .toLowerCase();
}

export function postKeys(postPaths: Iterable<string>): PostIndex {
  const keys = new Set<string>();
  const names = new Set<string>();
  for (const p of postPaths) {
    const k = pageKey(p);
    keys.add(k);
    names.add(k.split('/').pop() ?? k);
  }
  return { keys, names };
}

function normalize(path: string): string | null {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (!out.length) return null;
      out.pop();
    } else out.push(part);
  }
  return out.join('/');
}

function dirOf(p: string): string {
  const i = p.lastIndexOf('/');
  return i === -1 ? '' : p.slice(0, i);
}

function clean(target: string): string {
  let t = target.trim().replace(/[?#].*$/, '');
  try {
    t = decodeURI(t);
  } catch {}
  return t;
}

/**
 * True when the link names an existing post. `fromPost` is the linking post's content-relative
 * path; `hasContentFile` answers for other files under content/ (a relative link may name a
 * bundle's resource or folder).
 */
export function resolveLinkTarget(
  kind: 'ref' | 'relref' | 'relative',
  target: string,
  fromPost: string,
  index: PostIndex,
  hasContentFile: (contentRel: string) => boolean = () => false,
): boolean {
  const t = clean(target);
  if (!t) return true; // a link to an anchor of the same page
  const has = (p: string | null) => p !== null && (index.keys.has(pageKey(p)) || (kind === 'relative' && hasContentFile(p)));
  const fileDir = dirOf(fromPost);
  if (kind === 'ref' || kind === 'relref') {
    if (t.startsWith('/')) return has(normalize(t));
    if (has(normalize(`${fileDir}/${t}`)) || has(normalize(t))) return true;
    // Hugo also finds a page by its bare name when only one page has it.
    return !t.includes('/') && index.names.has(pageKey(t));
  }
  if (isMarkdownFile(t.replace(/\/+$/, ''))) return has(normalize(`${fileDir}/${t}`));
  // The page's URL folder: a bundle's folder, or the file's name without extension.
  const isBundle = PAGE_FILE.test(fromPost);
  const urlDir = isBundle ? fileDir : fromPost.replace(SINGLE_FILE, '');
  return has(normalize(`${urlDir}/${t}`)) || has(normalize(`${fileDir}/${t}`));
}
