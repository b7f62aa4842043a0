// Edits YAML front matter on its source text. The `yaml` Document API tells where each field's
// key and value sit; an edit splices new text over that value only, written in the style the
// value already had (quotes, flow or block list, folded scalar), so every other byte, comment
// and key order stays as the writer left it. New fields follow the file's own habits.
import { parseDocument, isMap, isSeq, isScalar, isPair, Scalar, Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { eolOf, FrontMatterEditError, isPlainObject, deepEqual, type KeyPath } from './values';

type QuoteStyle = 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE';

/** The writing habits of one file, seen in its existing fields. */
interface Style {
  eol: string;
  /** One level of map indentation, e.g. "  ". */
  unit: string;
  /** Extra indentation of "- " under its key: "  " for `tags:\n  - a`, "" for `tags:\n- a`. */
  seqIndent: string;
  list: 'block' | 'flow';
  quote: QuoteStyle;
  flowQuote: QuoteStyle;
  flowSpace: boolean;
}

type Range = [number, number, number];

function parse(text: string) {
  const doc = parseDocument(text, { schema: 'core', uniqueKeys: true });
  if (doc.errors.length) throw new FrontMatterEditError('The front matter has an error, so it cannot be changed field by field. Fix it in the text box first.');
  return doc;
}

function rangeOf(node: Node | null | undefined): Range | null {
  return (node?.range as Range | undefined) ?? null;
}

function lineStart(text: string, pos: number): number {
  return text.lastIndexOf('\n', pos - 1) + 1;
}

/** The offset just after the line ending of the line holding `pos` (or `pos` if it starts a line). */
function lineEndAfter(text: string, pos: number): number {
  if (pos > 0 && text[pos - 1] === '\n') return pos;
  const i = text.indexOf('\n', pos);
  return i < 0 ? text.length : i + 1;
}

function findPair(map: YAMLMap, key: string): Pair<Node, Node | null> | undefined {
  return (map.items as Pair<Node, Node | null>[]).find((p) => isScalar(p.key) && String(p.key.value) === key);
}

function splice(text: string, from: number, to: number, insert: string): string {
  return text.slice(0, from) + insert + text.slice(to);
}

export function setYamlField(text: string, path: KeyPath, value: unknown): string {
  if (path.length === 0) throw new FrontMatterEditError('No field name was given.');
  if (value === undefined) return unsetYamlField(text, path);
  const doc = parse(text);
  const style = detectStyle(text, doc);
  const root = doc.contents;
  if (root == null || (isScalar(root) && root.value == null)) return appendRoot(text, style, path, value);
  if (!isMap(root)) throw new FrontMatterEditError('The front matter is not a list of fields.');
  let map = root as YAMLMap;
  let indent = '';
  for (let i = 0; i < path.length; i++) {
    const pair = findPair(map, path[i]);
    const rest = path.slice(i + 1);
    const wanted = rest.length ? nest(rest, value) : value;
    if (!pair) {
      if (map.flow) {
        const whole = mergeIn(map.toJSON() as Record<string, unknown>, path.slice(i), value);
        return replaceWholeValueWith(text, doc, path.slice(0, i), whole, style);
      }
      return insertPair(text, map, indent, path[i], wanted, style);
    }
    if (rest.length === 0) return replaceValue(text, pair, indent, value, style);
    if (isMap(pair.value) && !pair.value.flow) {
      map = pair.value;
      indent = ' '.repeat(columnOf(text, rangeOf(map.items[0]?.key as Node)?.[0] ?? 0));
      continue;
    }
    const current = pair.value?.toJSON() as unknown;
    return replaceValue(text, pair, indent, mergeIn(isPlainObject(current) ? current : {}, rest, value), style);
  }
  return text;
}

export function unsetYamlField(text: string, path: KeyPath): string {
  const doc = parse(text);
  let node: unknown = doc.contents;
  let pair: Pair<Node, Node | null> | undefined;
  let parent: YAMLMap | undefined;
  for (const key of path) {
    if (!isMap(node)) return text;
    parent = node as YAMLMap;
    pair = findPair(parent, key);
    if (!pair) return text;
    node = pair.value;
  }
  if (!pair || !parent) return text;
  if (parent.flow) {
    // `{a: 1, b: 2}` is one line: rewrite it without the key.
    const obj = parent.toJSON() as Record<string, unknown>;
    delete obj[path[path.length - 1]];
    return replaceWholeValueWith(text, doc, path.slice(0, -1), obj, detectStyle(text, doc));
  }
  if (parent.items.length === 1 && path.length > 1) {
    return replaceWholeValueWith(text, doc, path.slice(0, -1), {}, detectStyle(text, doc));
  }
  const [from, to] = pairLines(text, pair);
  return splice(text, from, to, '');
}

/** Where a pair's lines start and end (from its key's line to the end of its value's last line). */
function pairLines(text: string, pair: Pair<Node, Node | null>): [number, number] {
  const k = rangeOf(pair.key)!;
  const v = rangeOf(pair.value);
  const end = v ? Math.max(v[1], k[1]) : k[2];
  return [lineStart(text, k[0]), lineEndAfter(text, end)];
}

function columnOf(text: string, pos: number): number {
  return pos - lineStart(text, pos);
}

function nest(path: KeyPath, value: unknown): unknown {
  return path.reduceRight<unknown>((acc, k) => ({ [k]: acc }), value);
}

function mergeIn(obj: Record<string, unknown>, path: KeyPath, value: unknown): Record<string, unknown> {
  const [head, ...rest] = path;
  return { ...obj, [head]: rest.length ? mergeIn(isPlainObject(obj[head]) ? obj[head] : {}, rest, value) : value };
}

function isScalarValue(v: unknown): v is string | number | boolean | null {
  return v === null || ['string', 'number', 'boolean'].includes(typeof v);
}

function replaceValue(text: string, pair: Pair<Node, Node | null>, indent: string, value: unknown, style: Style): string {
  const old = pair.value;
  if (old && deepEqual(old.toJSON(), value)) return text;
  const r = rangeOf(old);
  if (old && r && isScalar(old) && isScalarValue(value)) {
    const type = old.type as string | undefined;
    if (typeof value === 'string' && (type === 'BLOCK_FOLDED' || type === 'BLOCK_LITERAL')) {
      return splice(text, r[0], r[1], blockScalar(text, r, indent, value, type, style));
    }
    const written = formatScalar(value, (type as QuoteStyle) ?? style.quote, false, style);
    // `key:` with nothing after it: the value node is empty and sits right after the colon.
    const pad = r[0] === r[1] && text[r[0] - 1] === ':' ? ' ' : '';
    return splice(text, r[0], r[1], pad + written);
  }
  if (old && r && isSeq(old) && Array.isArray(value) && value.length > 0 && value.every(isScalarValue)) {
    return old.flow ? replaceFlowSeq(text, old, r, value, style) : replaceBlockSeq(text, old, r, value, style);
  }
  if (old && r && (isMap(old) || isSeq(old)) && old.flow) {
    // `{main: {weight: 3}}` and `[a, {b: c}]` stay on their one line.
    return splice(text, r[0], r[1], flowText(value, style));
  }
  if (old && isMap(old) && !old.flow && isPlainObject(value) && Object.keys(value).length > 0) {
    // One key at a time, so each changed key changes only its own lines.
    let out = text;
    const basePath = pathOfPair(text, pair);
    for (const [k, v] of Object.entries(value)) out = setYamlField(out, [...basePath, k], v);
    for (const item of old.items) {
      const k = String((item.key as Scalar).value);
      if (!(k in value)) out = unsetYamlField(out, [...basePath, k]);
    }
    return out;
  }
  // A change of kind (text to list, list of maps...): the pair is written anew in place.
  const [from, to] = pairLines(text, pair);
  const key = text.slice(rangeOf(pair.key)![0], rangeOf(pair.key)![1]);
  return splice(text, from, to, pairText(key, value, indent, style, true));
}

/** The key path of a pair, found again by offsets (pairs do not know their parents). */
function pathOfPair(text: string, target: Pair<Node, Node | null>): string[] {
  const doc = parse(text);
  const want = rangeOf(target.key)![0];
  const walk = (node: unknown, prefix: string[]): string[] | null => {
    if (!isMap(node)) return null;
    for (const p of node.items) {
      if (!isPair(p) || !isScalar(p.key)) continue;
      const here = [...prefix, String(p.key.value)];
      if (rangeOf(p.key as Node)?.[0] === want) return here;
      const deeper = walk(p.value, here);
      if (deeper) return deeper;
    }
    return null;
  };
  const found = walk(doc.contents, []);
  if (!found) throw new FrontMatterEditError('The field could not be found again.');
  return found;
}

function replaceFlowSeq(text: string, old: YAMLSeq, r: Range, value: unknown[], style: Style): string {
  const source = text.slice(r[0], r[1]);
  const spaced = /^\[\s/.test(source);
  const items = old.items as Node[];
  const first = items.find(isScalar) as Scalar | undefined;
  const q = (first?.type as QuoteStyle | undefined) ?? style.flowQuote;
  const sep = items.length > 1 ? (text.slice(rangeOf(items[0])![1], rangeOf(items[1])![0]).match(/,\s*/)?.[0] ?? ', ') : ', ';
  const parts = value.map((v) => reuseOrFormat(text, items, v, q, true, style));
  return splice(text, r[0], r[1], parts.length ? (spaced ? `[ ${parts.join(sep)} ]` : `[${parts.join(sep)}]`) : '[]');
}

function replaceBlockSeq(text: string, old: YAMLSeq, r: Range, value: unknown[], style: Style): string {
  const items = old.items as Node[];
  const last = rangeOf(items[items.length - 1]);
  const end = lineEndAfter(text, last ? last[1] : r[1]);
  const dash = ' '.repeat(columnOf(text, r[0]));
  const first = items.find(isScalar) as Scalar | undefined;
  const q = (first?.type as QuoteStyle | undefined) ?? style.quote;
  const lines = value.map((v, i) => (i === 0 ? '' : dash) + '- ' + reuseOrFormat(text, items, v, q, false, style));
  return splice(text, r[0], end, lines.join(style.eol) + style.eol);
}

/** An unchanged item keeps its exact source text; a new one is written like its neighbours. */
function reuseOrFormat(text: string, items: Node[], v: unknown, q: QuoteStyle, flow: boolean, style: Style): string {
  const same = items.find((n) => isScalar(n) && deepEqual(n.toJSON(), v));
  const r = rangeOf(same);
  if (same && r) return text.slice(r[0], r[1]);
  return formatScalar(v as string | number | boolean | null, q, flow, style);
}

function blockScalar(text: string, r: Range, indent: string, value: string, type: string, style: Style): string {
  const headerEnd = text.indexOf('\n', r[0]);
  const header = text.slice(r[0], headerEnd < 0 ? r[1] : headerEnd).replace(/\r$/, '');
  const firstContent = headerEnd < 0 ? '' : text.slice(headerEnd + 1, r[1]);
  const contentIndent = /^( +)\S/m.exec(firstContent)?.[1] ?? indent + style.unit;
  const chomp = /[+-]/.exec(header.replace(/#.*$/, ''))?.[0] ?? '';
  let body = value;
  if (chomp === '' && body.endsWith('\n')) body = body.slice(0, -1);
  // In a folded scalar a single line break reads as a space, so each break is written as two.
  if (type === 'BLOCK_FOLDED') body = body.replace(/\n+/g, (m) => '\n' + m);
  const lines = body.split('\n').map((l) => (l === '' ? '' : contentIndent + l));
  return header + style.eol + lines.join(style.eol) + style.eol;
}

/** Writes a value that has no pair yet at the end of the front matter. */
function appendRoot(text: string, style: Style, path: KeyPath, value: unknown): string {
  const v = path.length > 1 ? nest(path.slice(1), value) : value;
  const base = text === '' || text.endsWith('\n') ? text : text + style.eol;
  return base + pairText(path[0], v, '', style, false);
}

function insertPair(text: string, map: YAMLMap, indent: string, key: string, value: unknown, style: Style): string {
  const items = map.items as Pair<Node, Node | null>[];
  if (indent === '' && isRoot(text, map)) {
    const base = text.endsWith('\n') || text === '' ? text : text + style.eol;
    return base + pairText(key, value, '', style, false);
  }
  const last = items[items.length - 1];
  const at = last ? pairLines(text, last)[1] : lineEndAfter(text, rangeOf(map)![1]);
  const prefix = at > 0 && text[at - 1] !== '\n' ? style.eol : '';
  return splice(text, at, at, prefix + pairText(key, value, indent, style, false));
}

function isRoot(text: string, map: YAMLMap): boolean {
  return parse(text).contents !== null && columnOf(text, rangeOf(map)![0]) === 0;
}

/** Re-writes the whole value at `path` (flow maps live on one line; an emptied map becomes {}). */
function replaceWholeValueWith(text: string, doc: Document, path: KeyPath, value: unknown, style: Style): string {
  const node = doc.getIn(path, true) as Node | undefined;
  const r = rangeOf(node);
  if (!r) throw new FrontMatterEditError('The field could not be found again.');
  if (isMap(node) && !node.flow) {
    // An emptied block map becomes `{}` on its key's line.
    const pairs = (doc.getIn(path.slice(0, -1), true) ?? doc.contents) as YAMLMap;
    const pair = findPair(pairs, path[path.length - 1])!;
    const [from, to] = pairLines(text, pair);
    const key = text.slice(rangeOf(pair.key)![0], rangeOf(pair.key)![1]);
    const indent = ' '.repeat(columnOf(text, rangeOf(pair.key)![0]));
    return splice(text, from, to, pairText(key, value, indent, style, true));
  }
  return splice(text, r[0], r[1], flowText(value, style));
}

function flowText(value: unknown, style: Style): string {
  if (Array.isArray(value)) return `[${value.map((v) => flowText(v, style)).join(', ')}]`;
  if (isPlainObject(value)) return `{${Object.entries(value).map(([k, v]) => `${formatKey(k)}: ${flowText(v, style)}`).join(', ')}}`;
  return formatScalar(value as string | number | boolean | null, style.flowQuote, true, style);
}

/** `key: value` lines for a new pair, in the file's style, ending with a line break. */
function pairText(key: string, value: unknown, indent: string, style: Style, keyIsSource: boolean): string {
  const k = keyIsSource ? key : formatKey(key);
  const eol = style.eol;
  if (isScalarValue(value)) return `${indent}${k}: ${formatScalar(value, style.quote, false, style)}${eol}`;
  if (Array.isArray(value)) {
    if (value.length === 0) return `${indent}${k}: []${eol}`;
    if (value.every(isScalarValue)) {
      if (style.list === 'flow') return `${indent}${k}: ${flowText(value, style)}${eol}`;
      return `${indent}${k}:${eol}` + value.map((v) => `${indent}${style.seqIndent}- ${formatScalar(v, style.quote, false, style)}${eol}`).join('');
    }
  }
  if (isPlainObject(value)) {
    if (Object.keys(value).length === 0) return `${indent}${k}: {}${eol}`;
    return `${indent}${k}:${eol}` + Object.entries(value).map(([ck, cv]) => pairText(ck, cv, indent + style.unit, style, false)).join('');
  }
  // Lists of maps and other rare shapes: let the yaml library write them, then indent.
  const doc = new Document({ [key]: value });
  const body = doc.toString({ indent: style.unit.length, lineWidth: 0 }).replace(/\n$/, '');
  return body.split('\n').map((l) => indent + l).join(eol) + eol;
}

function formatKey(key: string): string {
  return /^[A-Za-z_][\w-]*$/.test(key) ? key : JSON.stringify(key);
}

/** A scalar as YAML text in the wanted quote style, falling back to double quotes when needed. */
export function formatScalar(value: string | number | boolean | null, q: QuoteStyle, flow: boolean, style?: Style): string {
  if (value === null) return 'null';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new FrontMatterEditError('A number field cannot hold that value.');
    return String(value);
  }
  if (typeof value === 'boolean') return String(value);
  if (q === 'PLAIN' && plainSafe(value, flow)) return value;
  if (q === 'QUOTE_SINGLE' || (q === 'PLAIN' && style?.quote === 'QUOTE_SINGLE')) {
    if (!/[\n\r\t\\]/.test(value)) return `'${value.replace(/'/g, "''")}'`;
  }
  return JSON.stringify(value);
}

function plainSafe(s: string, flow: boolean): boolean {
  if (s === '' || s !== s.trim() || /[\n\r\t]/.test(s)) return false;
  const probe = flow ? `k: [${s}]\n` : `k: ${s}\n`;
  const doc = parseDocument(probe, { schema: 'core' });
  if (doc.errors.length) return false;
  const v = (doc.toJS() as { k: unknown }).k;
  return flow ? Array.isArray(v) && v.length === 1 && v[0] === s : v === s;
}

function detectStyle(text: string, doc: Document): Style {
  const style: Style = { eol: eolOf(text), unit: '  ', seqIndent: '  ', list: 'block', quote: 'PLAIN', flowQuote: 'QUOTE_DOUBLE', flowSpace: false };
  const root = doc.contents;
  if (!isMap(root)) return style;
  const counts: Record<string, number> = { PLAIN: 0, QUOTE_DOUBLE: 0, QUOTE_SINGLE: 0 };
  let sawBlock = false;
  let sawFlow = false;
  let sawUnit = false;
  for (const p of root.items) {
    const v = p.value as Node | null;
    if (isScalar(v) && typeof v.value === 'string' && v.type && v.type in counts) counts[v.type]++;
    const r = rangeOf(v);
    if (isSeq(v) && r) {
      if (v.flow) {
        if (!sawFlow) {
          const first = v.items.find(isScalar) as Scalar | undefined;
          if (first?.type && first.type in counts) style.flowQuote = first.type as QuoteStyle;
          style.flowSpace = /^\[\s/.test(text.slice(r[0], r[1]));
        }
        sawFlow = true;
      } else {
        if (!sawBlock) style.seqIndent = ' '.repeat(columnOf(text, r[0]));
        sawBlock = true;
      }
    }
    if (isMap(v) && !v.flow && r && !sawUnit && v.items[0]) {
      const c = columnOf(text, rangeOf(v.items[0].key as Node)![0]);
      if (c > 0) style.unit = ' '.repeat(c);
      sawUnit = true;
    }
  }
  if (!sawUnit && sawBlock && style.seqIndent.length > 0) style.unit = style.seqIndent;
  style.list = sawBlock || !sawFlow ? 'block' : 'flow';
  const best = (Object.entries(counts) as [QuoteStyle, number][]).sort((a, b) => b[1] - a[1])[0];
  if (best[1] > 0) style.quote = best[0];
  return style;
}
