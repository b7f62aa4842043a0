// Reads the few fields the post list needs (title, date, draft, tags) from front-matter text.
// Used for listing thousands of posts, so it parses only the front matter, never the body, and
// uses js-yaml (about 6x faster than the \`yaml\` package, which the editor keeps for lossless
// edits). CORE_SCHEMA keeps dates as the strings written.
import jsyaml from 'js-yaml';
import { parse as parseToml } from 'smol-toml';
import type { SplitFormat } from '../frontmatter/split';

export interface FastFields {
  fields: Record<string, unknown>;
  error: string | null;
}

export function parseFieldsFast(format: SplitFormat, text: string): FastFields {
  try {
    let v: unknown;
    if (format === 'yaml') v = jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA, json: true });
    else if (format === 'toml') v = parseToml(text);
    else if (format === 'json') v = JSON.parse(text);
    else return { fields: {}, error: null };
    if (v == null) return { fields: {}, error: null };
    if (typeof v !== 'object' || Array.isArray(v)) return { fields: {}, error: 'The front matter is not a list of fields.' };
    if (expandedSize(v, MAX_NODES) > MAX_NODES) {
      return { fields: {}, error: 'The front matter is too deeply nested or repeats itself too often (YAML aliases) to be read safely.' };
    }
    return { fields: v as Record<string, unknown>, error: null };
  } catch (e) {
    const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return { fields: {}, error: `The front matter could not be read: ${msg}` };
  }
}

/** Tags as a list of strings, whatever shape the front matter used (list, comma string). */
export function asStringList(v: unknown): string[] {
  if (Array.isArray(v)) return v.filter((x) => x != null).map((x) => String(x));
  if (typeof v === 'string' && v.trim()) return v.split(',').map((s) => s.trim()).filter(Boolean);
  return [];
}

/** TOML dates come back as objects; everything else as written. */
export function asDateString(v: unknown): string | null {
  if (v == null) return null;
  if (typeof v === 'string') return v;
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

/** Values (after YAML aliases are expanded) a front matter may hold; real ones hold hundreds. */
const MAX_NODES = 200_000;
const MAX_DEPTH = 500;

/**
 * How many values `v` holds once YAML aliases are expanded, stopping past `limit`. A ten-line
 * "billion laughs" front matter expands to 10^10 values (and an alias may even point back at
 * its parent): without this check, turning it into JSON or listing its tags would exhaust memory.
 */
export function expandedSize(v: unknown, limit: number): number {
  const memo = new Map<object, number>();
  const visiting = new Set<object>();
  const walk = (x: unknown, depth: number): number => {
    if (!x || typeof x !== 'object' || x instanceof Date) return 1;
    if (depth > MAX_DEPTH || visiting.has(x)) return Infinity;
    const known = memo.get(x);
    if (known !== undefined) return known;
    visiting.add(x);
    let n = 1;
    for (const child of Object.values(x)) {
      n += walk(child, depth + 1);
      if (n > limit) break;
    }
    visiting.delete(x);
    memo.set(x, n);
    return n;
  };
  return walk(v, 0);
}
