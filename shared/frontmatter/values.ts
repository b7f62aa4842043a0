// Small helpers on plain JSON-like field values: reading, setting and removing by key path, and
// comparing. Kept here so every format's editor checks its result the same way.

export type KeyPath = readonly string[];

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function getIn(obj: unknown, path: KeyPath): unknown {
  let cur: unknown = obj;
  for (const k of path) {
    if (!isPlainObject(cur)) return undefined;
    cur = cur[k];
  }
  return cur;
}

/** A copy of `obj` with `value` at `path`, creating maps on the way. */
export function setIn(obj: Record<string, unknown>, path: KeyPath, value: unknown): Record<string, unknown> {
  const [head, ...rest] = path;
  const copy = { ...obj };
  if (rest.length === 0) copy[head] = value;
  else copy[head] = setIn(isPlainObject(obj[head]) ? obj[head] : {}, rest, value);
  return copy;
}

/** A copy of `obj` without the key at `path` (unchanged when it is not there). */
export function deleteIn(obj: Record<string, unknown>, path: KeyPath): Record<string, unknown> {
  const [head, ...rest] = path;
  if (!(head in obj)) return obj;
  const copy = { ...obj };
  if (rest.length === 0) delete copy[head];
  else if (isPlainObject(obj[head])) copy[head] = deleteIn(obj[head], rest);
  return copy;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

/** "menu.main.weight" → ["menu", "main", "weight"]; a key holding a dot can be quoted: 'a."b.c"'. */
export function parseKeyPath(text: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|([^.]+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out.push((m[1] ?? m[2] ?? m[3]).trim());
  return out.filter((k) => k !== '');
}

/** The line ending a text mostly uses, so inserted lines match their neighbours. */
export function eolOf(text: string): string {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}

/** Raised when an edit cannot be made without touching other fields; nothing is changed. */
export class FrontMatterEditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FrontMatterEditError';
  }
}
