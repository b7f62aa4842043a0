// Which files under content/ are posts, and of which kind, by their names alone. Hugo's rules:
// a Markdown file is a page; `index.md` (or `index.<lang>.md`) makes its folder a leaf bundle
// (the post with its images); `_index.md` makes its folder a section (branch bundle). One
// module, so that listing, search, git and the post operations never disagree about a name.

/** A Markdown file: a post's text (`.md` or `.markdown`, any case). */
export const MD_RE = /\.(md|markdown)$/i;

/** A leaf bundle's text file name: `index.md`, `index.fr.md`, `index.markdown`. */
export const LEAF_RE = /^index(\.[a-z-]+)?\.(md|markdown)$/i;

/** A section's (branch bundle's) text file name: `_index.md`, `_index.fr.md`. */
export const BRANCH_RE = /^_index(\.[a-z-]+)?\.(md|markdown)$/i;

/** LEAF_RE for a whole path: the last segment is a leaf bundle's text file. */
export const LEAF_PATH_RE = /(^|\/)index(\.[a-z-]+)?\.(md|markdown)$/i;

export function isMarkdownFile(name: string): boolean {
  return MD_RE.test(name);
}

export function isLeafBundleText(name: string): boolean {
  return LEAF_RE.test(name);
}

export function isSectionText(name: string): boolean {
  return BRANCH_RE.test(name);
}

/** A bundle's text file, leaf or section (`index.md`, `_index.fr.md`): its folder names the page. */
export function isBundleText(name: string): boolean {
  return LEAF_RE.test(name) || BRANCH_RE.test(name);
}

/** A file name without its Markdown ending: "my-post.md" → "my-post". */
export function withoutMarkdownExt(name: string): string {
  return name.replace(MD_RE, '');
}

/**
 * The page's own name in its address, the part a rename changes: a bundle's folder, or a single
 * page's file name without `.md`. "blog/a/index.md" and "blog/a.md" → "a".
 */
export function pageSlug(path: string): string {
  const parts = path.split('/');
  const file = parts[parts.length - 1];
  if (isBundleText(file) && parts.length > 1) return parts[parts.length - 2];
  return withoutMarkdownExt(file);
}

/** The Markdown ending of a file name as written (".md", ".Markdown"), or "" when it has none. */
export function markdownExt(name: string): string {
  return MD_RE.exec(name)?.[0] ?? '';
}

/**
 * The names a leaf bundle's text file has in one language: what to look for on disk to learn
 * whether a folder is a post (a file beside one of these belongs to that post).
 */
export const LEAF_TEXT_NAMES: readonly string[] = ['index.md', 'index.markdown'];
