// Decides which fields the form shows up front and which go under "More fields": the fields a
// section's posts usually have (or that are declared), in their usual order, then everything
// else this post holds. Pure, so it can be tested without a browser.
import type { FieldSchema, FieldType } from '../../shared/frontmatter/schema';
import { inferValueType, labelOf } from '../../shared/frontmatter/schema';
import { isStandardField, standardTypeWhileEmpty } from '../../shared/frontmatter/hugo-fields';

export interface FormField {
  key: string;
  label: string;
  type: FieldType;
  help?: string;
  options?: string[];
  required: boolean;
  taxonomy: boolean;
  /** Present in this post's front matter. */
  present: boolean;
}

/** Fields at least this share of a section's posts have are shown even when this post lacks them. */
const USUAL = 0.5;
/** Keys whose lists are people's names, shown as a names list. */
export const NAME_KEYS = ['contributors', 'authors', 'author'];

/**
 * `schema` null: the section's schema has not arrived yet. The post's own fields are then shown
 * up front, so the form has about its final height at once and the body below does not jump
 * when the schema comes.
 */
export function layoutFields(fields: Record<string, unknown>, schema: readonly FieldSchema[] | null): { main: FormField[]; more: FormField[] } {
  const main: FormField[] = [];
  const more: FormField[] = [];
  const known = new Set<string>();
  for (const f of schema ?? []) {
    known.add(f.key);
    if (f.hidden) continue;
    const present = f.key in fields;
    const type = present ? refine(f.type, fields[f.key]) : f.type;
    const item: FormField = { key: f.key, label: f.label, type, help: f.help, options: f.options, required: f.required, taxonomy: f.taxonomy, present };
    if (type === 'map' || type === 'raw') {
      if (present) more.push(item);
    } else if (present || f.declared || f.required || f.frequency >= USUAL) main.push(item);
  }
  for (const key of Object.keys(fields)) {
    if (known.has(key)) continue;
    // A Hugo field just added from "Add field" keeps its own control while it is still empty.
    const type = standardTypeWhileEmpty(key, fields[key]) ?? inferValueType(fields[key]);
    const item: FormField = { key, label: labelOf(key), type, required: false, taxonomy: false, present: true };
    // Shown up front while the schema is on its way; Hugo's own fields always (one just added
    // from "Add field" is what the writer is about to fill in).
    if ((schema === null || isStandardField(key)) && type !== 'map' && type !== 'raw') main.push(item);
    else more.push(item);
  }
  return { main, more };
}

/** The schema's kind, adjusted to what this post actually holds (a date field with a time). */
function refine(type: FieldType, value: unknown): FieldType {
  const actual = inferValueType(value);
  if (type === 'date' && actual === 'date-time') return 'date-time';
  if (type === 'date-time' && actual === 'date') return 'date';
  if ((type === 'text' || type === 'url') && actual === 'long-text') return 'long-text';
  // A value of another shape than usual is safest in its raw editor.
  const lists: FieldType[] = ['text-list', 'image-list'];
  if (lists.includes(type) && !lists.includes(actual)) return typeof value === 'string' ? 'text' : 'raw';
  if (type === 'boolean' && typeof value !== 'boolean') return 'raw';
  if (type === 'integer' && typeof value !== 'number') return 'raw';
  if (type === 'map' || actual === 'map') return 'map';
  return type;
}
