// Parameters of one shortcode tag, read and rewritten in place: changing one parameter changes
// only the characters of its value, keeping the tag's own quoting and spacing. Pure string code,
// shared by the editor's dialog, cards and tests.
import { scanShortcode } from './shortcode-scan';

export interface ShortcodeParam {
  /** null for positional parameters (`{{< youtube abc >}}`). */
  name: string | null;
  value: string;
  quote: '"' | '`' | '';
  /** Offsets of the value in the tag text, quotes included. */
  valueStart: number;
  valueEnd: number;
}

export interface ParsedShortcode {
  name: string;
  delim: '<' | '%';
  closing: boolean;
  params: ShortcodeParam[];
  /** Offset just after the name. */
  nameEnd: number;
  /** Offset where params end (before `/>}}`, `>}}` or `%}}`, spaces included). */
  paramsEnd: number;
}

/** Parses the first tag of `text` (a shortcode node's value; a paired one starts with its opener). */
export function parseShortcode(text: string): ParsedShortcode | null {
  const tag = scanShortcode(text, 0);
  if (!tag) return null;
  const params: ShortcodeParam[] = [];
  let i = tag.paramsStart;
  const end = tag.paramsEnd;
  while (i < end) {
    while (i < end && /\s/.test(text[i])) i++;
    if (i >= end) break;
    let name: string | null = null;
    const m = /^([A-Za-z_][\w-]*)=/.exec(text.slice(i, end));
    if (m) {
      name = m[1];
      i += m[0].length;
    }
    const valueStart = i;
    let quote: ShortcodeParam['quote'] = '';
    let value: string;
    if (text[i] === '"' || text[i] === '`') {
      quote = text[i] as '"' | '`';
      let j = i + 1;
      let raw = '';
      while (j < end && text[j] !== quote) {
        if (quote === '"' && text[j] === '\\' && j + 1 < end) {
          raw += text[j + 1];
          j += 2;
        } else raw += text[j++];
      }
      value = raw;
      i = Math.min(j + 1, end);
    } else {
      let j = i;
      while (j < end && !/\s/.test(text[j])) j++;
      value = text.slice(i, j);
      i = j;
    }
    params.push({ name, value, quote, valueStart, valueEnd: i });
  }
  return { name: tag.name, delim: tag.delim, closing: tag.closing, params, nameEnd: tag.paramsStart, paramsEnd: end };
}

function quoteValue(value: string, preferred: ShortcodeParam['quote']): string {
  if (preferred === '`' && !value.includes('`')) return `\`${value}\``;
  if (preferred === '' && /^[^\s"`=]+$/.test(value)) return value;
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * Sets a parameter (by name, or by position for positional ones) and returns the new tag text.
 * An existing value is replaced in its own quoting; a new named one is appended after the last.
 */
export function setShortcodeParam(text: string, key: string | number, value: string): string {
  const parsed = parseShortcode(text);
  if (!parsed) return text;
  const found = typeof key === 'number' ? parsed.params.filter((p) => p.name === null)[key] : parsed.params.find((p) => p.name === key);
  if (found) {
    return text.slice(0, found.valueStart) + quoteValue(value, found.quote) + text.slice(found.valueEnd);
  }
  const last = parsed.params[parsed.params.length - 1];
  const at = last ? last.valueEnd : parsed.nameEnd;
  const quote = last?.quote ?? '"';
  const piece = typeof key === 'number' ? quoteValue(value, quote) : `${key}=${quoteValue(value, quote || '"')}`;
  return text.slice(0, at) + ' ' + piece + text.slice(at);
}

/** Removes a named parameter (and the spaces before it). */
export function removeShortcodeParam(text: string, key: string): string {
  const parsed = parseShortcode(text);
  const found = parsed?.params.find((p) => p.name === key);
  if (!found) return text;
  let start = found.valueStart - key.length - 1;
  while (start > 0 && /[ \t]/.test(text[start - 1])) start--;
  return text.slice(0, start) + text.slice(found.valueEnd);
}
