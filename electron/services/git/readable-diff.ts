// A diff a writer can read: front-matter fields listed as "field: old → new", and the words of
// the rendered body (Markdown syntax removed) added and removed, via the `diff` package.
import { diffWords } from 'diff';
import { parse as parseYaml } from 'yaml';
import { parse as parseToml } from 'smol-toml';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { splitFrontMatter } from '../../../shared/frontmatter/split';
import type { FieldChange, VersionDiff, WordChange } from '../../../shared/ipc/channels/git';

interface Parts {
  fields: Record<string, unknown>;
  error: string | null;
  body: string;
}

function parts(text: string): Parts {
  const s = splitFrontMatter(text);
  const body = text.slice(s.bodyOffset);
  if (s.error) return { fields: {}, error: s.error, body };
  const fm = text.slice(s.fmStart, s.fmEnd);
  try {
    let fields: unknown = {};
    if (s.format === 'yaml') fields = parseYaml(fm) ?? {};
    else if (s.format === 'toml') fields = parseToml(fm);
    else if (s.format === 'json') fields = JSON.parse(fm);
    return { fields: fields && typeof fields === 'object' && !Array.isArray(fields) ? (fields as Record<string, unknown>) : {}, error: null, body };
  } catch (e) {
    return { fields: {}, error: `The front matter could not be read: ${(e as Error).message.split('\n')[0]}`, body };
  }
}

export function display(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map(display).join(', ');
  if (typeof v === 'object') {
    // smol-toml dates print as written
    const s = String(v);
    return s !== '[object Object]' ? s : JSON.stringify(v);
  }
  return String(v);
}

export function fieldChanges(oldFields: Record<string, unknown>, newFields: Record<string, unknown>): FieldChange[] {
  const keys = [...new Set([...Object.keys(oldFields), ...Object.keys(newFields)])];
  const out: FieldChange[] = [];
  for (const field of keys) {
    const had = Object.prototype.hasOwnProperty.call(oldFields, field);
    const has = Object.prototype.hasOwnProperty.call(newFields, field);
    const o = had ? display(oldFields[field]) : null;
    const n = has ? display(newFields[field]) : null;
    if (had && has && JSON.stringify(oldFields[field]) === JSON.stringify(newFields[field])) continue;
    const kind = !had ? 'added' : !has ? 'removed' : 'changed';
    if (kind === 'changed' && o === n) continue;
    out.push({ field, kind, old: o, new: n, text: `${field}: ${o ?? '(none)'} → ${n ?? '(none)'}` });
  }
  return out;
}

const processor = unified().use(remarkParse).use(remarkGfm);

/** The body as a reader sees it: one block of plain text per paragraph, heading, list item… */
export function renderedText(markdown: string): string {
  const tree = processor.parse(markdown);
  return tree.children
    .map((node) => plain(node))
    .filter((t) => t.trim() !== '')
    .join('\n\n');
}

interface MdNode {
  type: string;
  value?: string;
  alt?: string | null;
  children?: MdNode[];
}

/** Text a reader sees in a node: text and code, image alt text; list items and table cells spaced. */
function plain(node: MdNode): string {
  if (node.type === 'html') return '';
  if (node.type === 'image') return node.alt ?? '';
  if (typeof node.value === 'string') return node.value;
  const sep = node.type === 'list' || node.type === 'table' || node.type === 'tableRow' ? '\n' : node.type === 'listItem' ? '\n' : '';
  return (node.children ?? []).map(plain).join(sep);
}

export function readableDiff(version: string, oldText: string, currentText: string): VersionDiff {
  const a = parts(oldText);
  const b = parts(currentText);
  const fieldsError = a.error ?? b.error;
  const fields = fieldsError ? [] : fieldChanges(a.fields, b.fields);
  const words: WordChange[] = diffWords(renderedText(a.body), renderedText(b.body)).map((c) => ({
    kind: c.added ? 'added' : c.removed ? 'removed' : 'same',
    text: c.value,
  }));
  const count = (kind: WordChange['kind']) => words.filter((w) => w.kind === kind).reduce((n, w) => n + (w.text.match(/\S+/g)?.length ?? 0), 0);
  return {
    version,
    identical: oldText === currentText,
    fields,
    words,
    wordsAdded: count('added'),
    wordsRemoved: count('removed'),
    fieldsError,
  };
}
