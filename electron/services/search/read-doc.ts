// Reads what search needs from one post file: title, tags, section, draft, date, the other
// front-matter values as text, and the body without Markdown's marks. The front matter is
// parsed once with the fast parser the post list uses; the body is only cleaned with a few
// whole-text replacements (no Markdown parse), since a large site has thousands of posts.
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { splitFrontMatter } from '../../../shared/frontmatter/split';
import { parseFieldsFast, asStringList, asDateString } from '../../../shared/post/fast-fields';
import { dateToMs } from '../../../shared/post/date-ms';
import { MD_RE, LEAF_RE, BRANCH_RE } from '../../../shared/post/post-files';
import { countLinkForms, type LinkFormCounts } from '../../../shared/links/post-address';

export interface SearchDoc {
  id: string;
  title: string;
  tags: string[];
  section: string;
  draft: boolean;
  date: string | null;
  dateMs: number | null;
  /** Other front-matter values (description, categories, authors...) as one text. */
  meta: string;
  /** The body as a reader sees it, roughly: no link targets, tags, shortcodes or marks. */
  body: string;
  /** Its links to other posts, by form (for the form a new link takes: shared/links/post-address.ts). */
  linkForms: LinkFormCounts;
  mtimeMs: number;
  size: number;
}

const SKIP_META = new Set(['title', 'tags', 'date', 'draft', 'lastmod', 'publishdate', 'pubdate', 'expirydate', 'weight', 'layout', 'type', 'url', 'aliases', 'slug', 'images', 'headless']);

function flatten(v: unknown, out: string[]): void {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => flatten(x, out));
  else if (v && typeof v === 'object' && !(v instanceof Date)) Object.values(v as Record<string, unknown>).forEach((x) => flatten(x, out));
}

/** Markdown body → text worth searching and showing in an excerpt. */
export function searchableBody(body: string): string {
  // Each replacement runs only when its marker is present: most bodies lack most of them.
  let t = body;
  if (t.includes('<!--')) t = t.replace(/<!--[\s\S]*?-->/g, ' ');
  if (t.includes('{{')) t = t.replace(/\{\{[<%][\s\S]*?[>%]\}\}/g, ' ');
  if (t.includes('](')) t = t.replace(/\]\([^)\n]*\)/g, ']');
  if (t.includes(']:')) t = t.replace(/^ {0,3}\[[^\]\n]+\]:[^\n]*$/gm, '');
  if (t.includes('<')) t = t.replace(/<\/?[a-zA-Z][^>\n]*>/g, ' ');
  return t
    .replace(/^[ \t]*(?:#{1,6}|>+|[-*+]|\d+[.)])[ \t]+/gm, '')
    .replace(/^ {0,3}(?:[-=*_]{3,}|`{3,}.*|~{3,}.*)$/gm, '')
    .replace(/[*`~]+|!?\[|\]/g, '');
}

export function docFromText(rel: string, rawText: string, stat: { mtimeMs: number; size: number }): SearchDoc {
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const split = splitFrontMatter(text);
  let fields: Record<string, unknown> = {};
  if (!split.error && split.format !== 'none') fields = parseFieldsFast(split.format, text.slice(split.fmStart, split.fmEnd)).fields;
  // Title fallback, section and date as the post list computes them (list-posts.ts summarize).
  const segments = rel.split('/');
  const name = segments[segments.length - 1];
  const kind = LEAF_RE.test(name) ? 'leaf' : BRANCH_RE.test(name) ? 'branch' : 'single';
  const fallbackTitle = kind === 'single' ? name.replace(MD_RE, '') : (segments[segments.length - 2] ?? name);
  const date = asDateString(fields.date ?? fields.publishDate ?? fields.pubdate ?? fields.Pubdate ?? null);
  const bodyText = split.error ? text : text.slice(split.bodyOffset);
  const meta: string[] = [];
  for (const [k, v] of Object.entries(fields)) if (!SKIP_META.has(k.toLowerCase())) flatten(v, meta);
  return {
    id: rel,
    title: typeof fields.title === 'string' && fields.title.trim() ? fields.title : fallbackTitle,
    tags: asStringList(fields.tags),
    section: segments.length > 1 ? segments[0] : '',
    draft: fields.draft === true || fields.draft === 'true',
    date,
    dateMs: dateToMs(date),
    meta: meta.join('\n'),
    body: searchableBody(bodyText),
    linkForms: countLinkForms(bodyText),
    mtimeMs: stat.mtimeMs,
    size: stat.size,
  };
}

/** Reads and indexes one file (one open: the stat and the bytes come from the same handle). */
export function readDoc(abs: string, rel: string): SearchDoc | null {
  let text: string;
  let stat: { mtimeMs: number; size: number };
  let fd: number | null = null;
  try {
    fd = openSync(abs, 'r');
    const st = fstatSync(fd);
    if (!st.isFile()) return null;
    stat = { mtimeMs: st.mtimeMs, size: st.size };
    text = readFileSync(fd, 'utf8');
  } catch {
    return null;
  } finally {
    if (fd !== null) closeSync(fd);
  }
  if (text.includes('\0')) return null;
  return docFromText(rel, text, stat);
}
