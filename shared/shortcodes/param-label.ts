// The label a writer reads for a shortcode's parameter. Named ones read as words ("caption" →
// "Caption", "linkTarget" → "Link target"); positional ones of Hugo's built-ins have known
// meanings; others are "Position 1", "Position 2" (never "Parameter 1": the place is what
// the writer can see in the shortcode's use).

const POSITIONAL: Record<string, string[]> = {
  youtube: ['Video ID or address'],
  vimeo: ['Video ID or address'],
  instagram: ['Post ID'],
  gist: ['GitHub user', 'Gist ID', 'File'],
  highlight: ['Language', 'Options'],
  ref: ['Page'],
  relref: ['Page'],
  param: ['Field'],
};

const NAMED: Record<string, string> = {
  src: 'Image',
  alt: 'Alternative text',
  id: 'ID',
  url: 'Address',
  href: 'Address',
  link: 'Link',
};

export function paramLabel(shortcode: string, name: string | null, position: number): string {
  // Own keys only: a name like "constructor" must not find Object.prototype's.
  if (name === null) return (Object.hasOwn(POSITIONAL, shortcode) ? POSITIONAL[shortcode][position] : undefined) ?? `Position ${position + 1}`;
  if (Object.hasOwn(NAMED, name.toLowerCase())) return NAMED[name.toLowerCase()];
  const words = name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
