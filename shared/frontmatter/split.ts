// Splits a post's text into its front matter and body by offsets, without changing a byte, so
// that the file can always be put back together as head + front matter + tail + body.
// Hugo accepts YAML between `---` lines, TOML between `+++` lines and a JSON object starting
// on the first line; real files also have blank lines before the opening delimiter and
// trailing spaces after it.

export type SplitFormat = 'yaml' | 'toml' | 'json' | 'none';

export interface SplitResult {
  format: SplitFormat;
  /** Offset where the front matter's text starts (after the opening delimiter line). */
  fmStart: number;
  /** Offset where the front matter's text ends (start of the closing delimiter line). */
  fmEnd: number;
  /** Offset where the body starts (after the closing delimiter line and its line ending). */
  bodyOffset: number;
  /** A reason when an opening delimiter was found but no closing one. */
  error: string | null;
}

const DELIMS: Record<string, SplitFormat> = { '---': 'yaml', '+++': 'toml' };

/** Finds the end of the line starting at `from`: returns [endOfText, startOfNextLine]. */
function lineAt(text: string, from: number): [number, number] {
  const nl = text.indexOf('\n', from);
  if (nl === -1) return [text.length, text.length];
  const end = nl > from && text[nl - 1] === '\r' ? nl - 1 : nl;
  return [end, nl + 1];
}

export function splitFrontMatter(text: string): SplitResult {
  const none: SplitResult = { format: 'none', fmStart: 0, fmEnd: 0, bodyOffset: 0, error: null };
  // Skip blank lines before the opening delimiter (seen in real release notes).
  let pos = 0;
  for (;;) {
    const [end, next] = lineAt(text, pos);
    if (text.slice(pos, end).trim() !== '' || next === pos || next >= text.length) break;
    pos = next;
  }
  const [openEnd, afterOpen] = lineAt(text, pos);
  const opening = text.slice(pos, openEnd).replace(/[ \t]+$/, '');
  const fmt = DELIMS[opening];
  if (fmt) {
    let p = afterOpen;
    while (p < text.length) {
      const [end, next] = lineAt(text, p);
      if (text.slice(p, end).replace(/[ \t]+$/, '') === opening) {
        return { format: fmt, fmStart: afterOpen, fmEnd: p, bodyOffset: next, error: null };
      }
      if (next === p) break;
      p = next;
    }
    return { ...none, error: `The front matter starts with "${opening}" but has no closing "${opening}" line.` };
  }
  if (opening.startsWith('{')) {
    const close = findJsonEnd(text, pos);
    if (close === -1) return { ...none, error: 'The JSON front matter has no closing "}".' };
    const [, next] = lineAt(text, close);
    return { format: 'json', fmStart: pos, fmEnd: close + 1, bodyOffset: next, error: null };
  }
  return none;
}

/** Offset of the `}` that closes the JSON object starting at `from`, honouring strings. */
function findJsonEnd(text: string, from: number): number {
  let depth = 0;
  let inString = false;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}
