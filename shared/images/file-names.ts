// Clean, unique file names for imported images: lower case, dashes for spaces and anything
// unsafe, letters with accents folded to plain ones, a known image extension, and never a name
// Windows keeps for a device ("con.png" becomes "con-image.png").
import { portableStem } from '../paths/portable-name';

export function sanitizeImageName(name: string, ext: string): string {
  const base = name.replace(/\\/g, '/').split('/').pop() ?? '';
  const stem = base.replace(/\.[^.]*$/, '');
  const clean = stem
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
  return `${portableStem(clean || 'image', '-image')}.${ext}`;
}

/** `name.ext`, or `name-2.ext`, `name-3.ext`… when taken (compared without case). */
export function uniqueName(name: string, taken: (lowerName: string) => boolean): string {
  if (!taken(name.toLowerCase())) return name;
  const dot = name.lastIndexOf('.');
  const stem = dot === -1 ? name : name.slice(0, dot);
  const ext = dot === -1 ? '' : name.slice(dot);
  for (let n = 2; ; n++) {
    const candidate = `${stem}-${n}${ext}`;
    if (!taken(candidate.toLowerCase())) return candidate;
  }
}
