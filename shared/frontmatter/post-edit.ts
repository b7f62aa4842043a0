// Front-matter edits on a whole post: the front matter is cut out by the byte-exact splitter,
// edited field by field, and put back between the same bytes, so the delimiters, the body and
// everything around them are untouched. A post without front matter gets a YAML block.
import { splitFrontMatter } from './split';
import { applyEdits } from './edit';
import { eolOf, FrontMatterEditError, type KeyPath } from './values';

export interface FieldEdit {
  path: KeyPath;
  /** `undefined` removes the field. */
  value: unknown;
}

export function editPostFrontMatter(raw: string, edits: readonly FieldEdit[]): string {
  const split = splitFrontMatter(raw);
  if (split.error) throw new FrontMatterEditError(`${split.error} Fix it before changing fields.`);
  if (/^\s*---[A-Za-z]/.test(raw) && split.format === 'none') {
    throw new FrontMatterEditError('The front matter is marked as a language Hugo does not read (after "---"), so fields cannot be changed.');
  }
  if (split.format === 'none') {
    const eol = eolOf(raw);
    const fm = applyEdits('yaml', '', edits.filter((e) => e.value !== undefined));
    if (fm === '') return raw;
    return `---${eol}${fm.replace(/\n/g, eol)}---${eol}${raw}`;
  }
  const fm = raw.slice(split.fmStart, split.fmEnd);
  const next = applyEdits(split.format, fm, edits);
  return raw.slice(0, split.fmStart) + next + raw.slice(split.fmEnd);
}
