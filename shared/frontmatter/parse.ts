// Parses front-matter text into JSON-safe fields for the form. Dates stay the strings the writer
// wrote (YAML's core schema has no timestamp type; TOML dates are turned back into their source
// text), so showing a post never shifts a date to another zone or format.
import { parseDocument } from 'yaml';
import { parse as parseToml, TomlError } from 'smol-toml';
import { parse as parseTomlKeepingText } from '@decimalturn/toml-patch';
import type { SplitFormat } from './split';

export interface FrontMatterProblem {
  /** Plain words for a writer. */
  message: string;
  /** 1-based, relative to the front-matter text. */
  line: number;
  column: number;
}

export interface ParsedFrontMatter {
  fields: Record<string, unknown>;
  error: FrontMatterProblem | null;
}

export function parseFrontMatter(format: SplitFormat, text: string): ParsedFrontMatter {
  if (format === 'none') return { fields: {}, error: null };
  try {
    if (format === 'yaml') return parseYaml(text);
    if (format === 'toml') return parseTomlText(text);
    return parseJson(text);
  } catch (e) {
    return { fields: {}, error: { message: firstLine(e), line: 1, column: 1 } };
  }
}

function parseYaml(text: string): ParsedFrontMatter {
  const doc = parseDocument(text, { schema: 'core', prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const pos = e.linePos?.[0] ?? { line: 1, col: 1 };
    return { fields: {}, error: { message: explainYaml(e.code, firstLine(e)), line: pos.line, column: pos.col } };
  }
  const v: unknown = doc.toJS({ maxAliasCount: 100 });
  return asFields(v);
}

function parseTomlText(text: string): ParsedFrontMatter {
  let v: Record<string, unknown>;
  try {
    v = parseToml(text) as Record<string, unknown>;
  } catch (e) {
    if (e instanceof TomlError) {
      return { fields: {}, error: { message: `This is not valid TOML: ${firstLine(e).replace(/^Invalid TOML document: /, '')}.`, line: e.line, column: e.column } };
    }
    throw e;
  }
  // smol-toml normalises dates ("07:32:00.000"); toml-patch keeps the text as written.
  if (hasDate(v)) v = toSafe(parseTomlKeepingText(text)) as Record<string, unknown>;
  return { fields: toSafe(v) as Record<string, unknown>, error: null };
}

function parseJson(text: string): ParsedFrontMatter {
  try {
    return asFields(JSON.parse(text));
  } catch (e) {
    const msg = firstLine(e);
    const at = /position (\d+)/.exec(msg);
    const { line, column } = at ? lineColumn(text, Number(at[1])) : { line: 1, column: 1 };
    return { fields: {}, error: { message: `This is not valid JSON: ${msg.replace(/ in JSON at position \d+.*$/, '')}.`, line, column } };
  }
}

function asFields(v: unknown): ParsedFrontMatter {
  if (v == null) return { fields: {}, error: null };
  if (typeof v !== 'object' || Array.isArray(v)) {
    return { fields: {}, error: { message: 'The front matter should be a list of "name: value" fields, but it is a single value.', line: 1, column: 1 } };
  }
  return { fields: toSafe(v) as Record<string, unknown>, error: null };
}

function hasDate(v: unknown): boolean {
  if (v instanceof Date) return true;
  if (Array.isArray(v)) return v.some(hasDate);
  if (v && typeof v === 'object') return Object.values(v).some(hasDate);
  return false;
}

/** Dates to their text (toml-patch's toISOString returns the original text), bigints to numbers. */
function toSafe(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map(toSafe);
  if (typeof v === 'bigint') return Number(v);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toSafe(x)]));
  return v;
}

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/** The YAML parser's terms turned into what a writer can act on. */
function explainYaml(code: string, detail: string): string {
  const plain: Record<string, string> = {
    DUPLICATE_KEY: 'The same field name appears twice.',
    BAD_INDENT: 'A line is indented differently from the lines around it.',
    MISSING_CHAR: 'A closing quote or bracket is missing.',
    MULTILINE_IMPLICIT_KEY: 'A value runs over several lines without quotes; a colon or quote may be missing on the line before.',
    BLOCK_AS_IMPLICIT_KEY: 'A value runs over several lines without quotes; a colon or quote may be missing on the line before.',
    UNEXPECTED_TOKEN: 'There is a character here that YAML does not expect (often a stray quote, colon or dash).',
    TAB_AS_INDENT: 'A tab is used to indent; YAML only allows spaces.',
    BAD_SCALAR_START: 'A value starts with a character that needs quotes around the value (such as @ or `).',
  };
  return `${plain[code] ?? 'This is not valid YAML.'} (${detail})`;
}
