// Finds `figure` shortcodes in both spellings (`{{< figure src="x" >}}`, `{{<figure ...>}}`)
// and with `%` delimiters, and reports every shortcode's range so that later scans skip them.
// Escaped shortcodes `{{</* figure */>}}` are shown literally by Hugo: never references.
import { altOrNull, type RawRef } from './raw-ref';
import type { Range } from './mask';

export interface ShortcodeScan {
  refs: RawRef[];
  ranges: Range[];
}

const SHORTCODE_RE = /\{\{([<%])([\s\S]*?)([>%])\}\}/g;
const PARAM_RE = /([A-Za-z_][\w-]*)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|`([^`]*)`|([^\s"`]+))/g;
/** Shortcodes that show an image: Hugo's own `figure`. */
const IMAGE_SHORTCODES = new Set(['figure']);

export function scanShortcodes(text: string, from: number): ShortcodeScan {
  const refs: RawRef[] = [];
  const ranges: Range[] = [];
  SHORTCODE_RE.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = SHORTCODE_RE.exec(text))) {
    ranges.push([m.index, m.index + m[0].length]);
    const inner = m[2];
    if (/^\s*\/\*/.test(inner)) continue;
    const name = /^\s*([\w./-]+)/.exec(inner);
    if (!name || !IMAGE_SHORTCODES.has(name[1])) continue;
    const innerStart = m.index + 3;
    const params = new Map<string, { value: string; start: number }>();
    PARAM_RE.lastIndex = name[0].length;
    let p: RegExpExecArray | null;
    while ((p = PARAM_RE.exec(inner))) {
      const rawValue = p[2] ?? p[3] ?? p[4];
      // Offset of the value itself (inside its quotes) in the post text.
      const valueStart = innerStart + p.index + p[0].length - rawValue.length - (p[4] != null ? 0 : 1);
      const value = p[2] != null ? rawValue.replace(/\\(.)/g, '$1') : rawValue;
      const key = p[1].toLowerCase();
      if (!params.has(key)) params.set(key, { value, start: valueStart });
    }
    const src = params.get('src');
    if (!src) continue;
    const rawSrc = text.slice(src.start, src.start + lengthAsWritten(text, src.start, src.value));
    refs.push({
      kind: 'figure',
      src: rawSrc,
      srcStart: src.start,
      srcEnd: src.start + rawSrc.length,
      at: m.index,
      // Hugo's figure uses the caption as alt text when there is no alt.
      alt: altOrNull(params.get('alt')?.value ?? params.get('caption')?.value),
    });
  }
  return { refs, ranges };
}

/** Length of a value as written (escapes included) starting at `start`. */
function lengthAsWritten(text: string, start: number, value: string): number {
  const quote = text[start - 1];
  if (quote !== '"') return value.length;
  let i = start;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return i - start;
}
