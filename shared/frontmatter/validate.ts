// Checks a post's fields and says what is wrong in plain words, next to the field. Problems
// never block saving valid front matter: they are advice, except that Hugo itself would refuse
// an unreadable date, which is marked as an error.
import { hugoDateLayout } from './dates';
import type { FieldSchema } from './schema';

export interface FieldProblem {
  key: string;
  level: 'error' | 'hint';
  message: string;
}

export interface ValidationContext {
  /** Slugs other posts of the site use (lower-case), to keep URLs unique. */
  takenSlugs?: ReadonlySet<string>;
  /** Image paths that exist (bundle-relative and site paths). When given, missing ones are reported. */
  existingImages?: ReadonlySet<string>;
}

const DATE_KEYS = ['date', 'lastmod', 'publishDate', 'publishdate', 'expiryDate', 'expirydate', 'pubdate'];

export function validateFields(fields: Record<string, unknown>, schema: readonly FieldSchema[], ctx: ValidationContext = {}): FieldProblem[] {
  const out: FieldProblem[] = [];
  const title = fields.title;
  if (typeof title !== 'string' || title.trim() === '') out.push({ key: 'title', level: 'error', message: 'Every post needs a title. It is shown as the heading and in search results.' });
  for (const f of schema) {
    if (f.required && f.key !== 'title' && isEmpty(fields[f.key])) out.push({ key: f.key, level: 'error', message: `"${f.label}" needs a value.` });
  }
  const dateKeys = new Set([...DATE_KEYS, ...schema.filter((f) => f.type === 'date' || f.type === 'date-time').map((f) => f.key)]);
  for (const key of dateKeys) {
    const v = fields[key];
    if (v === undefined || v === null || v === '') continue;
    if (typeof v !== 'string' || !hugoDateLayout(v)) {
      out.push({ key, level: 'error', message: `Hugo cannot read "${String(v)}" as a date. Write it like 2025-12-02 or 2025-12-02T10:00:00+01:00.` });
    }
  }
  const slug = fields.slug;
  if (typeof slug === 'string' && slug !== '') {
    if (!/^[\p{L}\p{N}._~-]+$/u.test(slug)) out.push({ key: 'slug', level: 'hint', message: 'Use only letters, numbers and dashes in the slug, so the address works everywhere.' });
    if (ctx.takenSlugs?.has(slug.toLowerCase())) out.push({ key: 'slug', level: 'error', message: `Another post already uses the slug "${slug}". Two posts with one address would hide one of them.` });
  }
  const desc = fields.description;
  if (typeof desc === 'string' && desc.trim() !== '') {
    const n = [...desc.trim()].length;
    if (n < 50) out.push({ key: 'description', level: 'hint', message: `The description has ${n} characters. Search engines show 50–160; a sentence or two works best.` });
    if (n > 160) out.push({ key: 'description', level: 'hint', message: `The description has ${n} characters. Search engines cut it after about 160.` });
  }
  for (const f of schema) {
    const v = fields[f.key];
    if (v === undefined || v === null || v === '') continue;
    if (f.type === 'url' && (typeof v !== 'string' || !isUrl(v))) out.push({ key: f.key, level: 'hint', message: `"${String(v)}" does not look like a web address. It should start with https://.` });
    if (f.type === 'integer' && !(typeof v === 'number' && Number.isInteger(v))) out.push({ key: f.key, level: 'hint', message: `"${f.label}" should be a whole number.` });
    if (f.options && f.options.length && typeof v === 'string' && !f.options.includes(v)) out.push({ key: f.key, level: 'hint', message: `"${v}" is not one of: ${f.options.join(', ')}.` });
  }
  if (ctx.existingImages) {
    for (const f of schema.filter((s) => s.type === 'image' || s.type === 'image-list')) {
      const v = fields[f.key];
      const list = Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
      for (const img of list) {
        if (typeof img === 'string' && !isUrl(img) && !ctx.existingImages.has(img.replace(/^\.?\//, ''))) {
          out.push({ key: f.key, level: 'hint', message: `The image "${img}" is not in this post's folder or the site's static folder.` });
        }
      }
    }
  }
  return out;
}

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

export function isUrl(v: string): boolean {
  if (!/^https?:\/\//i.test(v)) return false;
  try {
    return Boolean(new URL(v).host);
  } catch {
    return false;
  }
}
