// The form's schema: which fields a section's posts have, of what kind, how often and in which
// order. Inferred from every post of the site and refined by an optional `postwright.yml`
// (declared beats inferred), in the spirit of Front Matter CMS content types and Decap
// collections. Pure: the site walk lives in electron/services/frontmatter.
import { z } from 'zod';
import { parseWrittenDate, hugoDateLayout } from './dates';
import { isPlainObject } from './values';

export const FieldType = z.enum(['text', 'long-text', 'date', 'date-time', 'boolean', 'integer', 'text-list', 'image', 'image-list', 'url', 'map', 'raw']);
export type FieldType = z.infer<typeof FieldType>;

export const FieldSchema = z.object({
  key: z.string(),
  label: z.string(),
  type: FieldType,
  required: z.boolean(),
  options: z.array(z.string()).optional(),
  help: z.string().optional(),
  hidden: z.boolean(),
  default: z.unknown().optional(),
  /** Share of the section's posts that have this field (0–1). */
  frequency: z.number(),
  /** The field's usual place among a post's fields (0 = first, 1 = last). */
  position: z.number(),
  declared: z.boolean(),
  /** A taxonomy of the site (tags, categories…): shown as chips with site-wide suggestions. */
  taxonomy: z.boolean(),
});
export type FieldSchema = z.infer<typeof FieldSchema>;

export const SectionSchema = z.object({
  section: z.string(),
  posts: z.number().int(),
  fields: z.array(FieldSchema),
  taxonomies: z.array(z.string()),
  /** A problem with postwright.yml, in plain words (the inferred schema is still given). */
  configError: z.string().nullable(),
});
export type SectionSchema = z.infer<typeof SectionSchema>;

const IMAGE_RE = /\.(png|jpe?g|gif|webp|avif|svg)$/i;
const URL_RE = /^https?:\/\/[^\s]+$/i;

/** The kind of one value as written in one post. */
export function inferValueType(value: unknown): FieldType {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'raw';
  if (typeof value === 'string') {
    const d = parseWrittenDate(value);
    if (d) return d.time ? 'date-time' : 'date';
    if (hugoDateLayout(value)) return 'date-time';
    if (URL_RE.test(value)) return 'url';
    if (IMAGE_RE.test(value) && !/\s/.test(value)) return 'image';
    if (value.includes('\n') || value.length > 160) return 'long-text';
    return 'text';
  }
  if (Array.isArray(value)) {
    if (!value.every((v) => typeof v === 'string')) return value.length === 0 ? 'text-list' : 'raw';
    return value.length > 0 && value.every((v) => IMAGE_RE.test(v as string)) ? 'image-list' : 'text-list';
  }
  if (isPlainObject(value)) return 'map';
  return 'raw';
}

/** One kind for a field seen with several: the majority, widened where kinds mix. */
export function combineTypes(counts: Partial<Record<FieldType, number>>): FieldType {
  const has = (t: FieldType) => (counts[t] ?? 0) > 0;
  const kinds = Object.keys(counts).filter((k) => (counts[k as FieldType] ?? 0) > 0) as FieldType[];
  if (kinds.length === 0) return 'raw';
  if (kinds.length === 1) return kinds[0];
  if (kinds.every((k) => k === 'date' || k === 'date-time')) return 'date-time';
  if (kinds.every((k) => k === 'text' || k === 'long-text')) return 'long-text';
  if (kinds.every((k) => k === 'image-list' || k === 'text-list')) return has('text-list') && (counts['text-list'] ?? 0) > (counts['image-list'] ?? 0) ? 'text-list' : 'image-list';
  if (kinds.every((k) => ['text', 'url', 'image', 'long-text'].includes(k))) return has('long-text') ? 'long-text' : 'text';
  return kinds.sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0))[0];
}

/** Fields writers recognise, with the kind they should have even before any post uses them. */
const KNOWN: Record<string, FieldType> = {
  title: 'text',
  description: 'text',
  summary: 'long-text',
  date: 'date-time',
  lastmod: 'date-time',
  publishDate: 'date-time',
  expiryDate: 'date-time',
  draft: 'boolean',
  weight: 'integer',
  slug: 'text',
  images: 'image-list',
  contributors: 'text-list',
  canonicalurl: 'url',
};

export interface PostFields {
  section: string;
  /** Field names in the order the post has them, with their values. */
  fields: Record<string, unknown>;
}

/** Infers the schema of a section from its posts (all posts when the section has none). */
/**
 * Above this many different field names the "usual order" is the average position alone: the
 * pairwise count below costs (fields)² per post and per ranking, and a post with 10,000 keys
 * (a generated or damaged file) would hold up the app for minutes. No form has that many.
 */
export const PAIRWISE_ORDER_MAX_FIELDS = 200;

/** Infers the schema of a section from its posts (all posts when the section has none). */
export function inferSection(section: string, posts: readonly PostFields[], taxonomies: readonly string[]): FieldSchema[] {
  const own = posts.filter((p) => p.section === section);
  const sample = own.length ? own : posts;
  const stats = new Map<string, { count: number; pos: number; types: Partial<Record<FieldType, number>> }>();
  for (const p of sample) {
    const keys = Object.keys(p.fields);
    keys.forEach((k, i) => {
      const s = stats.get(k) ?? { count: 0, pos: 0, types: {} };
      s.count++;
      s.pos += keys.length > 1 ? i / (keys.length - 1) : 0;
      const t = inferValueType(p.fields[k]);
      s.types[t] = (s.types[t] ?? 0) + 1;
      stats.set(k, s);
    });
  }
  const out: FieldSchema[] = [];
  for (const [key, s] of stats) {
    const type = taxonomies.includes(key) ? 'text-list' : combineTypes(s.types);
    out.push(field(key, KNOWN[key] && (type === 'raw' || type === 'text') ? KNOWN[key] : type, s.count / sample.length, s.pos / s.count, taxonomies));
  }
  // A title is always offered, even in a section whose posts have none yet.
  if (!stats.has('title')) out.push(field('title', 'text', 0, 0, taxonomies));
  const byPosition = (a: FieldSchema, b: FieldSchema) => a.position - b.position || b.frequency - a.frequency;
  if (out.length > PAIRWISE_ORDER_MAX_FIELDS) return out.sort(byPosition);
  // How often key A comes before key B in posts that have both: the "usual order". Each field
  // ranks by how many others it usually precedes (a Copeland count), which copes with posts
  // that list only some fields; the average position breaks ties.
  const index = new Map(out.map((f, i) => [f.key, i]));
  const n = out.length;
  const before = new Uint32Array(n * n);
  for (const p of sample) {
    const keys = Object.keys(p.fields).map((k) => index.get(k)!);
    for (let a = 0; a < keys.length; a++) for (let b = a + 1; b < keys.length; b++) before[keys[a] * n + keys[b]]++;
  }
  const wins = new Uint32Array(n);
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) if (a !== b && before[a * n + b] > before[b * n + a]) wins[a]++;
  const order = out.map((f, i) => ({ f, w: wins[i] }));
  return order.sort((a, b) => b.w - a.w || byPosition(a.f, b.f)).map((o) => o.f);
}

function field(key: string, type: FieldType, frequency: number, position: number, taxonomies: readonly string[]): FieldSchema {
  return { key, label: labelOf(key), type, required: key === 'title', hidden: false, frequency, position, declared: false, taxonomy: taxonomies.includes(key) };
}

// Labels a writer reads: Hugo's own keys are often written in one lower-case word
// ("canonicalurl", "publishdate", "lastmod"), so known ones get their words back; the rest are
// split at camelCase, "_" and "-", with common abbreviations in capitals ("Canonical URL").
const KNOWN_LABELS = new Map<string, string>(Object.entries({
  lastmod: 'Last modified',
  publishdate: 'Publish date',
  expirydate: 'Expiry date',
  linktitle: 'Link title',
  canonicalurl: 'Canonical URL',
  featuredimage: 'Featured image',
  toc: 'Table of contents',
  showtoc: 'Show table of contents',
  tocopen: 'Table of contents open',
  seotitle: 'SEO title',
  ogimage: 'Social image',
  headless: 'Headless bundle',
}));
const ABBREVIATIONS = new Set(['url', 'urls', 'id', 'seo', 'rss', 'api', 'html', 'css', 'pdf', 'faq', 'og', 'cta', 'utc', 'ui', 'ux', 'ics']);

export function labelOf(key: string): string {
  // A Map, not an object: a key like "constructor" must not find Object.prototype's.
  const known = KNOWN_LABELS.get(key.toLowerCase().replace(/[_-]+/g, ''));
  if (known) return known;
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_-]+/)
    .filter(Boolean)
    .map((w) => (ABBREVIATIONS.has(w.toLowerCase()) ? w.toUpperCase() : w.toLowerCase()));
  const spaced = words.join(' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

// postwright.yml: `fields:` for every section, and `sections: {<name>: {fields: [...]}}`.
const DeclaredField = z.object({
  key: z.string().min(1),
  label: z.string().optional(),
  type: FieldType.optional(),
  required: z.boolean().optional(),
  options: z.array(z.union([z.string(), z.number()]).transform(String)).optional(),
  help: z.string().optional(),
  hidden: z.boolean().optional(),
  default: z.unknown().optional(),
});
export const SchemaConfig = z.object({
  fields: z.array(DeclaredField).optional(),
  sections: z.record(z.string(), z.object({ fields: z.array(DeclaredField).optional() }).nullable()).optional(),
});
export type SchemaConfig = z.infer<typeof SchemaConfig>;

/** Reads postwright.yml's parsed content; returns a plain-words error instead of throwing. */
export function readSchemaConfig(data: unknown): { config: SchemaConfig; error: string | null } {
  if (data == null) return { config: {}, error: null };
  const r = SchemaConfig.safeParse(data);
  if (r.success) return { config: r.data, error: null };
  const issue = r.error.issues[0];
  return { config: {}, error: `postwright.yml is not as expected at "${issue.path.join('.')}": ${issue.message}. The form uses the fields found in your posts instead.` };
}

/** Declared fields first, in their declared order, then the inferred ones the declaration did not mention. */
export function mergeDeclared(section: string, inferred: readonly FieldSchema[], config: SchemaConfig, taxonomies: readonly string[]): FieldSchema[] {
  const declared = [...(config.fields ?? []), ...(config.sections?.[section]?.fields ?? [])];
  const byKey = new Map<string, z.infer<typeof DeclaredField>>();
  for (const d of declared) byKey.set(d.key, { ...byKey.get(d.key), ...d });
  const out: FieldSchema[] = [];
  for (const d of byKey.values()) {
    const base = inferred.find((f) => f.key === d.key) ?? field(d.key, KNOWN[d.key] ?? 'text', 0, 1, taxonomies);
    out.push({
      ...base,
      label: d.label ?? base.label,
      type: d.type ?? base.type,
      required: d.required ?? base.required,
      options: d.options ?? base.options,
      help: d.help ?? base.help,
      hidden: d.hidden ?? base.hidden,
      default: d.default ?? base.default,
      declared: true,
    });
  }
  return [...out, ...inferred.filter((f) => !byKey.has(f.key))];
}
