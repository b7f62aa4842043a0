// Edits TOML front matter with toml-patch, which rewrites the values that differ between the
// document and the object it is given, keeping comments and key order. It also re-formats some
// lines it did not need to touch, so its output is trimmed back to the needed changes.
import { parse, patch, TomlFormat } from '@decimalturn/toml-patch';
import { keepUntouched } from './toml-keep-untouched';
import { FrontMatterEditError, deleteIn, getIn, setIn, type KeyPath } from './values';

export function setTomlField(text: string, path: KeyPath, value: unknown): string {
  const doc = load(text);
  const old = getIn(doc, path);
  return write(text, setIn(doc, path, asTomlValue(old, value)));
}

export function unsetTomlField(text: string, path: KeyPath): string {
  const doc = load(text);
  if (getIn(doc, path) === undefined) return text;
  return write(text, deleteIn(doc, path));
}

function load(text: string): Record<string, unknown> {
  try {
    return toPlain(parse(text)) as Record<string, unknown>;
  } catch {
    throw new FrontMatterEditError('The front matter has an error, so it cannot be changed field by field. Fix it in the text box first.');
  }
}

function write(text: string, obj: Record<string, unknown>): string {
  // autoDetectFormat keeps the file's line endings and final newline for any new lines.
  return keepUntouched(text, patch(text, obj, TomlFormat.autoDetectFormat(text)));
}

/** A date written by the form as text becomes a TOML date again when the field was a date. */
function asTomlValue(old: unknown, value: unknown): unknown {
  if (old instanceof Date && typeof value === 'string') {
    try {
      const v = parse(`v = ${value}`).v;
      if (v instanceof Date) return v;
    } catch {}
  }
  return value;
}

/** toml-patch returns null-prototype objects; copies keep dates (Date subclasses) as they are. */
function toPlain(v: unknown): unknown {
  if (v instanceof Date) return v;
  if (Array.isArray(v)) return v.map(toPlain);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toPlain(x)]));
  return v;
}

