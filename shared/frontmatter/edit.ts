// Front-matter edits for every format, applied to the source text. Each edit is checked by
// parsing the result: the edited field must hold the new value and every other field must be
// exactly as before, or the edit is refused and the text is left as it was.
import type { SplitFormat } from './split';
import { parseFrontMatter } from './parse';
import { setYamlField, unsetYamlField } from './yaml-edit';
import { setTomlField, unsetTomlField } from './toml-edit';
import { setJsonField, unsetJsonField } from './json-edit';
import { deepEqual, deleteIn, setIn, FrontMatterEditError, type KeyPath } from './values';

export type EditableFormat = Exclude<SplitFormat, 'none'>;

export function setField(format: EditableFormat, fmText: string, path: KeyPath, value: unknown): string {
  const before = parsed(format, fmText);
  const out = format === 'yaml' ? setYamlField(fmText, path, value) : format === 'toml' ? setTomlField(fmText, path, value) : setJsonField(fmText, path, value);
  check(format, out, setIn(before, path, value), path);
  return out;
}

export function unsetField(format: EditableFormat, fmText: string, path: KeyPath): string {
  const before = parsed(format, fmText);
  const out = format === 'yaml' ? unsetYamlField(fmText, path) : format === 'toml' ? unsetTomlField(fmText, path) : unsetJsonField(fmText, path);
  check(format, out, deleteIn(before, path), path);
  return out;
}

/** Several edits in a row; `undefined` removes a field. */
export function applyEdits(format: EditableFormat, fmText: string, edits: ReadonlyArray<{ path: KeyPath; value: unknown }>): string {
  return edits.reduce((text, e) => (e.value === undefined ? unsetField(format, text, e.path) : setField(format, text, e.path, e.value)), fmText);
}

function parsed(format: EditableFormat, text: string): Record<string, unknown> {
  const p = parseFrontMatter(format, text);
  if (p.error) {
    throw new FrontMatterEditError(`The front matter has an error on line ${p.error.line}, so fields cannot be changed one by one. Fix it in the text box first. ${p.error.message}`);
  }
  return p.fields;
}

function check(format: EditableFormat, out: string, expected: Record<string, unknown>, path: KeyPath): void {
  const after = parseFrontMatter(format, out);
  if (after.error || !deepEqual(after.fields, JSON.parse(JSON.stringify(expected)))) {
    throw new FrontMatterEditError(`"${path.join('.')}" could not be changed without disturbing other fields, so nothing was changed. Edit it in the raw text box instead.`);
  }
}
