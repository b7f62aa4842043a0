// Hugo's own front-matter fields a writer may want to add to any post, with the control each
// one gets in the form and the value it starts with. From Hugo's documentation of front matter
// ("Fields"): these are the ones it reads itself, whatever the theme.
import type { FieldType } from './schema';

export interface StandardField {
  key: string;
  type: FieldType;
}

export const HUGO_STANDARD_FIELDS: readonly StandardField[] = [
  { key: 'summary', type: 'long-text' },
  { key: 'publishDate', type: 'date' },
  { key: 'lastmod', type: 'date' },
  { key: 'expiryDate', type: 'date' },
  { key: 'slug', type: 'text' },
  { key: 'aliases', type: 'text-list' },
  { key: 'keywords', type: 'text-list' },
  { key: 'images', type: 'image-list' },
  { key: 'weight', type: 'integer' },
];

const BY_KEY = new Map(HUGO_STANDARD_FIELDS.map((f) => [f.key.toLowerCase(), f.type]));

/** True for a field Hugo itself reads (shown up front in the form once a post has it). */
export function isStandardField(key: string): boolean {
  return BY_KEY.has(key.toLowerCase());
}

/** The control for one of Hugo's fields while its value is still empty ('' or []), else undefined. */
export function standardTypeWhileEmpty(key: string, value: unknown): FieldType | undefined {
  const empty = value === '' || (Array.isArray(value) && value.length === 0);
  return empty ? BY_KEY.get(key.toLowerCase()) : undefined;
}

/** The first value of a field added from a suggestion: today for a date, an empty list, 0, ''. */
export function startingValue(type: FieldType, today: Date = new Date()): unknown {
  switch (type) {
    case 'date':
    case 'date-time': {
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
    }
    case 'text-list':
    case 'image-list':
      return [];
    case 'integer':
      return 0;
    case 'boolean':
      return false;
    default:
      return '';
  }
}
