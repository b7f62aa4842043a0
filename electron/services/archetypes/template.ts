// Renders the part of Go's text/template that Hugo archetypes commonly use: `.Title`, `.Date`,
// `.Name`, `.Section`, `.Type`, `.File.ContentBaseName`, the functions `replace`, `title`,
// `lower`, `upper`, `trim`, `urlize`, `now.Format`/`time.Format`, pipes (`a | b`), comments and
// `{{-`/`-}}` trimming. Anything else is refused with a plain message rather than rendered
// wrongly, so a new post never starts with half-filled fields.
import { formatGoTime, RFC3339 } from './go-time';

export interface ArchetypeData {
  title: string;
  /** The bundle folder or file name without extension (Hugo's .Name / .File.ContentBaseName). */
  name: string;
  section: string;
  now: Date;
  /** Minutes east of UTC for dates (defaults to the machine's zone). */
  offsetMinutes?: number;
}

export class ArchetypeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArchetypeError';
  }
}

const ACTION_RE = /\{\{(-\s)?([\s\S]*?)(\s-)?\}\}/g;

export function renderArchetype(template: string, data: ArchetypeData): string {
  let out = '';
  let last = 0;
  let trimNext = false;
  for (const m of template.matchAll(ACTION_RE)) {
    let text = template.slice(last, m.index);
    if (trimNext) text = text.replace(/^\s+/, '');
    if (m[1]) text = text.replace(/\s+$/, '');
    out += text;
    out += evaluate(m[2].trim(), data);
    trimNext = Boolean(m[3]);
    last = m.index + m[0].length;
  }
  let rest = template.slice(last);
  if (trimNext) rest = rest.replace(/^\s+/, '');
  return out + rest;
}

type Value = string | Date;

function evaluate(action: string, data: ArchetypeData): string {
  if (action.startsWith('/*') && action.endsWith('*/')) return '';
  const commands = splitPipes(action);
  let value: Value | undefined;
  for (const cmd of commands) {
    const args = tokenize(cmd).map((t) => operand(t, data));
    const [head, ...rest] = args;
    const extra = value === undefined ? [] : [value];
    if (typeof head === 'object' && 'fn' in head) value = call(head.fn, [...rest.map(plain), ...extra], data);
    else if (rest.length === 0 && extra.length === 0) value = plain(head);
    else throw new ArchetypeError(`The archetype uses "{{ ${action} }}", which Postwright cannot fill in.`);
  }
  return value instanceof Date ? formatGoTime(value, RFC3339, data.offsetMinutes) : (value ?? '');
}

type Operand = Value | { fn: string };

function plain(v: Operand): Value {
  if (typeof v === 'object' && 'fn' in v) throw new ArchetypeError(`"${v.fn}" needs values to work on.`);
  return v;
}

const FUNCS = ['replace', 'title', 'lower', 'upper', 'trim', 'urlize', 'now.Format', 'time.Format', 'dateFormat', 'now', 'humanize'];

function operand(token: string, data: ArchetypeData): Operand {
  if (token.startsWith('"')) return JSON.parse(token) as string;
  if (token.startsWith('`')) return token.slice(1, -1);
  const fields: Record<string, Value> = {
    '.Title': data.title,
    '.Name': data.name,
    '.File.ContentBaseName': data.name,
    '.File.BaseFileName': data.name,
    '.Section': data.section,
    '.Type': data.section,
    '.Date': formatGoTime(data.now, RFC3339, data.offsetMinutes),
    '.Kind': 'page',
  };
  if (token in fields) return fields[token];
  if (token === 'now') return data.now;
  if (FUNCS.includes(token)) return { fn: token };
  throw new ArchetypeError(`The archetype uses "${token}", which Postwright cannot fill in yet.`);
}

function call(fn: string, args: Value[], data: ArchetypeData): Value {
  const s = (i: number) => {
    const v = args[i];
    if (v === undefined) throw new ArchetypeError(`"${fn}" is missing a value in the archetype.`);
    return v instanceof Date ? formatGoTime(v, RFC3339, data.offsetMinutes) : v;
  };
  const date = (v: Value | undefined): Date => {
    if (v instanceof Date) return v;
    const d = v ? new Date(v) : data.now;
    if (Number.isNaN(d.getTime())) throw new ArchetypeError(`"${v}" is not a date the archetype can format.`);
    return d;
  };
  switch (fn) {
    case 'replace':
      return s(0).split(s(1)).join(s(2));
    case 'title':
      return titleCase(s(0));
    case 'lower':
      return s(0).toLowerCase();
    case 'upper':
      return s(0).toUpperCase();
    case 'trim':
      return args.length > 1 ? trimChars(s(0), s(1)) : s(0).trim();
    case 'urlize':
      return s(0).trim().toLowerCase().replace(/\s+/g, '-');
    case 'humanize':
      return (s(0).replace(/[-_]+/g, ' ').replace(/^./, (c) => c.toUpperCase()));
    case 'now':
      return data.now;
    case 'now.Format':
      return formatGoTime(data.now, s(0), data.offsetMinutes);
    case 'time.Format':
    case 'dateFormat':
      return formatGoTime(date(args[1]), s(0), data.offsetMinutes);
    default:
      throw new ArchetypeError(`The archetype uses "${fn}", which Postwright cannot fill in yet.`);
  }
}

function trimChars(s: string, cut: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && cut.includes(s[a])) a++;
  while (b > a && cut.includes(s[b - 1])) b--;
  return s.slice(a, b);
}

// Hugo's default title case is AP style: small words stay lower-case unless first or last.
const SMALL = new Set(['a', 'an', 'and', 'at', 'but', 'by', 'for', 'in', 'nor', 'of', 'on', 'or', 'so', 'the', 'to', 'up', 'yet']);

export function titleCase(s: string): string {
  const words = s.split(/(\s+)/);
  const real = words.map((w, i) => ({ w, i })).filter((x) => x.w.trim() !== '');
  return words
    .map((w, i) => {
      if (w.trim() === '') return w;
      const first = real[0]?.i === i;
      const last = real[real.length - 1]?.i === i;
      if (!first && !last && SMALL.has(w.toLowerCase())) return w.toLowerCase();
      return w.charAt(0).toUpperCase() + w.slice(1);
    })
    .join('');
}

function splitPipes(action: string): string[] {
  const parts: string[] = [];
  let cur = '';
  let quote: string | null = null;
  for (const c of action) {
    if (quote) {
      if (c === quote) quote = null;
      cur += c;
    } else if (c === '"' || c === '`') {
      quote = c;
      cur += c;
    } else if (c === '|') {
      parts.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  parts.push(cur.trim());
  return parts;
}

function tokenize(cmd: string): string[] {
  if (/^\(|^(if|range|with|else|end|define|block|template)\b|:=/.test(cmd)) {
    throw new ArchetypeError(`The archetype uses "{{ ${cmd} }}", which Postwright cannot fill in yet.`);
  }
  const out: string[] = [];
  const re = /"(?:[^"\\]|\\.)*"|`[^`]*`|[^\s]+/g;
  for (const m of cmd.matchAll(re)) out.push(m[0]);
  return out;
}
