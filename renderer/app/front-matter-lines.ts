// Reads and edits top-level scalar fields of YAML or TOML front matter line by line, so that
// changing one field rewrites that one line and nothing else (quoting style, comments, spacing
// and line endings stay as written). Lists, tables and multi-line values are shown read-only;
// the full front-matter form handles them.

export type FieldStyle = 'plain' | 'double' | 'single';

export interface ScalarField {
  key: string;
  /** The value as the writer sees it (quotes removed, escapes decoded). */
  value: string;
  /** The value's text exactly as written (for read-only display of lists and maps). */
  written: string;
  /** False for lists, maps, block scalars and anything this simple editor cannot rewrite. */
  editable: boolean;
  style: FieldStyle;
  /** Index of the field's line in `splitLines(text)`. */
  line: number;
}

export type EditableFormat = 'yaml' | 'toml';

interface Line {
  content: string;
  ending: string;
}

export function splitLines(text: string): Line[] {
  const out: Line[] = [];
  const re = /([^\n]*?)(\r?\n|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && (m[0] !== '' || re.lastIndex < text.length)) {
    out.push({ content: m[1], ending: m[2] });
    if (m[2] === '') break;
  }
  return out;
}

function joinLines(lines: Line[]): string {
  return lines.map((l) => l.content + l.ending).join('');
}

/** A located value: where it sits in the line, what it means, and how it is quoted. */
interface ValueSpan {
  start: number;
  end: number;
  value: string;
  style: FieldStyle;
  editable: boolean;
}

const YAML_KEY = /^([A-Za-z_][\w.-]*)[ \t]*:(?=[ \t]|$)/;
const TOML_KEY = /^([A-Za-z0-9_-]+)[ \t]*=[ \t]*/;

/** Finds the closing quote of a quoted value starting at `open`; -1 when it is not on this line. */
function closingQuote(s: string, open: number, quote: string, backslashEscapes: boolean, doubledEscapes: boolean): number {
  for (let i = open + 1; i < s.length; i++) {
    const c = s[i];
    if (backslashEscapes && c === '\\') {
      i++;
    } else if (c === quote) {
      if (doubledEscapes && s[i + 1] === quote) i++;
      else return i;
    }
  }
  return -1;
}

/** True when only spaces and an optional comment follow a value. */
function onlyCommentAfter(s: string, from: number): boolean {
  return /^[ \t]*(#.*)?$/.test(s.slice(from));
}

function decodeDouble(inner: string): string | null {
  try {
    const v: unknown = JSON.parse(`"${inner}"`);
    return typeof v === 'string' ? v : null;
  } catch {
    return null;
  }
}

function locateQuoted(s: string, start: number, backslash: boolean): ValueSpan | null {
  const q = s[start];
  const double = q === '"';
  const close = closingQuote(s, start, q, double && backslash, !double);
  if (close < 0 || !onlyCommentAfter(s, close + 1)) return null;
  const inner = s.slice(start + 1, close);
  const value = double ? (backslash ? decodeDouble(inner) : inner) : inner.replace(/''/g, "'");
  if (value === null) return null;
  return { start, end: close + 1, value, style: double ? 'double' : 'single', editable: true };
}

function locateYamlValue(s: string, start: number): ValueSpan {
  const rest = s.slice(start);
  const readOnly = (end = s.length): ValueSpan => ({ start, end, value: s.slice(start, end).trim(), style: 'plain', editable: false });
  if (rest === '' || rest.startsWith('#')) return readOnly(start);
  if (rest[0] === '"') return locateQuoted(s, start, true) ?? readOnly();
  if (rest[0] === "'") return locateQuoted(s, start, false) ?? readOnly();
  if (/^[[{|>&*!%@`]/.test(rest)) return readOnly();
  // A plain scalar runs until a " #" comment.
  const comment = rest.search(/[ \t]#/);
  const text = (comment >= 0 ? rest.slice(0, comment) : rest).replace(/[ \t]+$/, '');
  return { start, end: start + text.length, value: text, style: 'plain', editable: true };
}

function locateTomlValue(s: string, start: number): ValueSpan {
  const rest = s.slice(start);
  const readOnly = (): ValueSpan => ({ start, end: s.length, value: rest.trim(), style: 'plain', editable: false });
  if (rest.startsWith('"""') || rest.startsWith("'''")) return readOnly();
  if (rest[0] === '"') return locateQuoted(s, start, true) ?? readOnly();
  if (rest[0] === "'") {
    // TOML literal strings have no escapes at all, not even a doubled quote.
    const close = s.indexOf("'", start + 1);
    if (close < 0 || !onlyCommentAfter(s, close + 1)) return readOnly();
    return { start, end: close + 1, value: s.slice(start + 1, close), style: 'single', editable: true };
  }
  if (rest === '' || /^[[{]/.test(rest)) return readOnly();
  const comment = rest.indexOf('#');
  const text = (comment >= 0 ? rest.slice(0, comment) : rest).replace(/[ \t]+$/, '');
  return { start, end: start + text.length, value: text, style: 'plain', editable: true };
}

function locate(line: string, format: EditableFormat): { key: string; span: ValueSpan } | null {
  const m = (format === 'yaml' ? YAML_KEY : TOML_KEY).exec(line);
  if (!m) return null;
  let start = m[0].length;
  while (line[start] === ' ' || line[start] === '\t') start++;
  return { key: m[1], span: format === 'yaml' ? locateYamlValue(line, start) : locateTomlValue(line, start) };
}

/** The top-level fields of the front matter, in the order written (first one wins on repeats). */
export function readFields(text: string, format: EditableFormat): ScalarField[] {
  const lines = splitLines(text);
  const fields: ScalarField[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const content = lines[i].content;
    // In TOML, keys after a [table] header belong to that table, not to the top level.
    if (format === 'toml' && /^\s*\[/.test(content)) break;
    const found = locate(content, format);
    if (!found || seen.has(found.key)) continue;
    seen.add(found.key);
    let written = found.span.value;
    if (!found.span.editable && written === '' && format === 'yaml') {
      // A block list or map: show its indented lines joined, for reading.
      const block: string[] = [];
      for (let j = i + 1; j < lines.length && /^([ \t]|-\s|-$)/.test(lines[j].content); j++) block.push(lines[j].content.trim().replace(/^-\s*/, ''));
      written = block.join(', ');
    }
    fields.push({ key: found.key, value: found.span.value, written, editable: found.span.editable, style: found.span.style, line: i });
  }
  return fields;
}

const YAML_PLAIN_UNSAFE = /^$|^[\s\-?:,[\]{}#&*!|>'"%@`]|\s$|: |:$| #|[\n\r\t]/;
const TOML_BARE =
  /^(true|false|[+-]?(\d[\d_]*)(\.\d[\d_]*)?([eE][+-]?\d+)?|[+-]?(inf|nan)|0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+|\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})?)?|\d{2}:\d{2}:\d{2}(\.\d+)?)$/;

/** The value written in the given style, or in double quotes when that style cannot hold it. */
export function encodeValue(value: string, style: FieldStyle, format: EditableFormat): string {
  if (style === 'single' && !/[\n\r]/.test(value) && (format === 'yaml' || !value.includes("'"))) {
    return format === 'yaml' ? `'${value.replace(/'/g, "''")}'` : `'${value}'`;
  }
  if (style === 'plain') {
    if (format === 'yaml' && !YAML_PLAIN_UNSAFE.test(value)) return value;
    if (format === 'toml' && TOML_BARE.test(value)) return value;
  }
  // JSON string escapes are valid in YAML double-quoted and TOML basic strings alike.
  return JSON.stringify(value);
}

/**
 * Sets one top-level field's value, rewriting only its line. If `original` (the text as
 * loaded) holds the field with this same value, its original line comes back byte for byte,
 * and the field keeps the quoting style it was loaded with.
 */
export function setField(text: string, format: EditableFormat, key: string, value: string, original?: string): string {
  const lines = splitLines(text);
  const field = readFields(text, format).find((f) => f.key === key);
  if (!field || !field.editable) return text;
  const before = original === undefined ? undefined : readFields(original, format).find((f) => f.key === key);
  const line = lines[field.line];
  if (before && before.editable && before.value === value && original !== undefined) {
    lines[field.line] = { ...line, content: splitLines(original)[before.line].content };
    return joinLines(lines);
  }
  const span = locate(line.content, format)?.span;
  if (!span) return text;
  const style = before?.editable ? before.style : field.style;
  const content = line.content.slice(0, span.start) + encodeValue(value, style, format) + line.content.slice(span.end);
  lines[field.line] = { ...line, content };
  return joinLines(lines);
}
