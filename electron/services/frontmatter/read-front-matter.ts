// Reads a post's front matter for the post service: where it is (byte-exact, from the shared
// splitter), which language it is in (gray-matter's reading of the delimiter line, so a `---js`
// post is refused instead of run), and its fields with a plain-words error when it is broken.
import { splitFrontMatter, type SplitFormat } from '../../../shared/frontmatter/split';
import { parseFrontMatter, lineColumn } from '../../../shared/frontmatter/parse';
import { declaredLanguage, isCodeLanguage } from './safe-gray-matter';

export interface FrontMatterRead {
  format: SplitFormat;
  /** The text between the delimiters (for JSON, the whole object). */
  frontMatter: string;
  /** Offset of the front-matter text in `raw`. */
  fmStart: number;
  /** Offset just after the front-matter text (start of the closing delimiter line). */
  fmEnd: number;
  bodyOffset: number;
  fields: Record<string, unknown>;
  /** Plain words, with the line and column in the file, or null. */
  frontMatterError: string | null;
  /** Where the error is, counted in the whole file (1-based), or null. */
  errorAt: { line: number; column: number } | null;
}

export function readFrontMatter(raw: string): FrontMatterRead {
  const split = splitFrontMatter(raw);
  const base = { format: split.format, frontMatter: raw.slice(split.fmStart, split.fmEnd), fmStart: split.fmStart, fmEnd: split.fmEnd, bodyOffset: split.bodyOffset, fields: {} };
  if (split.format === 'none') {
    const lang = declaredLanguage(raw);
    if (lang && !['yaml', 'yml', 'toml', 'json'].includes(lang)) {
      const what = isCodeLanguage(lang) ? `is marked as "${lang}" code, which Postwright never runs` : `is marked as "${lang}"`;
      return { ...base, frontMatterError: `Line 1: the front matter ${what}. Hugo only reads YAML between plain "---" lines, TOML between "+++" lines, or JSON in { }. Nothing will be saved until this is fixed.`, errorAt: { line: 1, column: 4 } };
    }
    if (lang) {
      return { ...base, frontMatterError: `Line 1: the front matter starts with "---${lang}". Hugo only reads a plain "---" line; remove "${lang}" after the dashes.`, errorAt: { line: 1, column: 4 } };
    }
    if (split.error) {
      const at = { line: lineColumn(raw, raw.length).line, column: 1 };
      return { ...base, frontMatterError: `${split.error} Add the closing line after the last field.`, errorAt: at };
    }
    return { ...base, frontMatterError: null, errorAt: null };
  }
  const parsed = parseFrontMatter(split.format, base.frontMatter);
  if (parsed.error) {
    const startLine = lineColumn(raw, split.fmStart).line;
    const line = startLine + parsed.error.line - 1;
    return { ...base, frontMatterError: `Line ${line}, column ${parsed.error.column}: ${parsed.error.message}`, errorAt: { line, column: parsed.error.column } };
  }
  return { ...base, fields: parsed.fields, frontMatterError: null, errorAt: null };
}
