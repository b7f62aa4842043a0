// The placeholder sentences of the archetype a post of a section is made from, found the way
// Hugo looks archetypes up (archetypes/<section>/index.md, archetypes/<section>.md,
// archetypes/default.md). The built-in recap (used when a site has none) has no sentences to
// replace, only headings and labels. Read again on every call: archetypes are small and a
// writer may edit one while the app runs.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { templateSentences } from '../../../shared/checks';

export async function templateSentencesFor(siteRoot: string, section: string): Promise<string[]> {
  const dir = join(siteRoot, 'archetypes');
  const candidates = section ? [join(dir, section, 'index.md'), join(dir, `${section}.md`), join(dir, 'default.md')] : [join(dir, 'default.md')];
  for (const file of candidates) {
    const text = await readFile(file, 'utf8').catch(() => null);
    if (text !== null) return templateSentences(text);
  }
  return [];
}

/** The section of a content-relative post path (its first folder; '' for a post at the top). */
export function sectionOfPath(path: string): string {
  const i = path.indexOf('/');
  return i === -1 ? '' : path.slice(0, i);
}
