// Edits JSON front matter on its source text. JSON is valid YAML flow syntax, so the `yaml`
// parser gives the offsets of every key and value; a changed value is spliced in place and
// new keys follow the file's indentation, keeping key order and every other line.
import { parseDocument, isMap, isScalar, type Node, type Pair, type YAMLMap } from 'yaml';
import { eolOf, FrontMatterEditError, isPlainObject, type KeyPath } from './values';

type Range = [number, number, number];

function load(text: string) {
  const doc = parseDocument(text, { schema: 'json' });
  if (doc.errors.length || !isMap(doc.contents)) throw new FrontMatterEditError('The front matter has an error, so it cannot be changed field by field. Fix it in the text box first.');
  return doc;
}

const range = (n: unknown): Range => (n as Node).range as Range;

function find(map: YAMLMap, key: string): Pair<Node, Node> | undefined {
  return (map.items as Pair<Node, Node>[]).find((p) => isScalar(p.key) && String(p.key.value) === key);
}

function indentAt(text: string, pos: number): string {
  const start = text.lastIndexOf('\n', pos - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start))![0];
}

/** The file's indent unit: the first indented line's leading whitespace (two spaces if none). */
function unitOf(text: string): string {
  return /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
}

function json(value: unknown, indent: string, unit: string, eol: string): string {
  const s = JSON.stringify(value, null, unit);
  return s.split('\n').join(eol + indent);
}

export function setJsonField(text: string, path: KeyPath, value: unknown): string {
  const doc = load(text);
  const eol = eolOf(text);
  const unit = unitOf(text);
  let map = doc.contents as YAMLMap;
  for (let i = 0; i < path.length; i++) {
    const pair = find(map, path[i]);
    const rest = path.slice(i + 1);
    const wanted = rest.reduceRight<unknown>((acc, k) => ({ [k]: acc }), value);
    if (!pair) return insert(text, map, path[i], wanted, unit, eol);
    if (rest.length && isMap(pair.value)) {
      map = pair.value;
      continue;
    }
    const r = range(pair.value);
    const indent = indentAt(text, range(pair.key)[0]);
    const v = rest.length ? merge((pair.value as Node).toJSON(), rest, value) : value;
    const oneLine = !/\n/.test(text.slice(r[0], r[1]));
    return text.slice(0, r[0]) + (oneLine ? compact(v, text.slice(r[0], r[1])) : json(v, indent, unit, eol)) + text.slice(r[1]);
  }
  return text;
}

/** A value that was written on one line stays on one line, with the same spacing after commas. */
function compact(value: unknown, old: string): string {
  const sep = /,\s/.test(old) || !/,/.test(old) ? ', ' : ',';
  const colon = /:\s/.test(old) || !/:/.test(old) ? ': ' : ':';
  const write = (v: unknown): string => {
    if (Array.isArray(v)) return `[${v.map(write).join(sep)}]`;
    if (isPlainObject(v)) return `{${Object.entries(v).map(([k, x]) => JSON.stringify(k) + colon + write(x)).join(sep)}}`;
    return JSON.stringify(v);
  };
  return write(value);
}

function merge(obj: unknown, path: KeyPath, value: unknown): Record<string, unknown> {
  const base = isPlainObject(obj) ? obj : {};
  const [h, ...rest] = path;
  return { ...base, [h]: rest.length ? merge(base[h], rest, value) : value };
}

function insert(text: string, map: YAMLMap, key: string, value: unknown, unit: string, eol: string): string {
  const r = range(map);
  const items = map.items as Pair<Node, Node>[];
  if (items.length === 0) {
    const indent = indentAt(text, r[0]);
    const inner = indent + unit;
    const close = text.lastIndexOf('}', r[1]);
    return text.slice(0, r[0] + 1) + eol + inner + `${JSON.stringify(key)}: ${json(value, inner, unit, eol)}` + eol + indent + text.slice(close);
  }
  const last = items[items.length - 1];
  const keyPos = range(last.key)[0];
  const indent = indentAt(text, keyPos);
  const sameLine = text.lastIndexOf('\n', keyPos) < r[0];
  const end = range(last.value)[1];
  const sep = sameLine ? ', ' : ',' + eol + indent;
  return text.slice(0, end) + sep + `${JSON.stringify(key)}: ${json(value, indent, unit, eol)}` + text.slice(end);
}

export function unsetJsonField(text: string, path: KeyPath): string {
  const doc = load(text);
  let map = doc.contents as YAMLMap;
  for (let i = 0; i < path.length - 1; i++) {
    const p = find(map, path[i]);
    if (!p || !isMap(p.value)) return text;
    map = p.value;
  }
  const items = map.items as Pair<Node, Node>[];
  const idx = items.findIndex((p) => isScalar(p.key) && String(p.key.value) === path[path.length - 1]);
  if (idx < 0) return text;
  const here = items[idx];
  if (idx > 0) {
    // Remove from the end of the previous value: `,\n  "key": value`.
    const from = range(items[idx - 1].value)[1];
    return text.slice(0, from) + text.slice(range(here.value)[1]);
  }
  if (items.length > 1) return text.slice(0, range(here.key)[0]) + text.slice(range(items[1].key)[0]);
  const r = range(map);
  const close = text.lastIndexOf('}', r[1]);
  return text.slice(0, r[0] + 1) + text.slice(close);
}
