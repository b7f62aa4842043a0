// URL slugs made from titles: lower-case ASCII letters, digits and dashes, so an address works
// in every browser and on every server; accents are folded ("Café" → "cafe"). A slug is also a
// folder name, so one Windows keeps for a device ("con", "nul", "com1"…) becomes "con-post".
import { portableStem } from '../paths/portable-name';

export function slugify(title: string, maxLength = 80): string {
  const s = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = s.length > maxLength ? s.slice(0, maxLength).replace(/-[^-]*$/, '') || s.slice(0, maxLength) : s;
  return portableStem(cut || 'post', '-post');
}

/** `base`, or `base-2`, `base-3`… whichever `taken` does not hold. */
export function uniqueSlug(base: string, taken: (slug: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}
