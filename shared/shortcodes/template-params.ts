// What a Hugo shortcode template asks for, read from its text: every `.Get "name"` / `.Get 0`
// (also `$.Get`, `index .Params "name"`, `.Params.name`), with a type guessed from how the value
// is used, its `default`, and the help a leading `{{/* … */}}` comment gives. Pure text work: a
// template is never run. The dialog uses this to offer a labelled field for each parameter, so a
// writer never has to know the names by heart.

export type ParamType = 'text' | 'url' | 'number' | 'boolean' | 'image';

export interface TemplateParam {
  /** The parameter's name, or null for a positional one. */
  name: string | null;
  /** Place of a positional parameter (0 first). */
  position?: number;
  type: ParamType;
  /** The template's `default`, as written (without quotes). */
  default?: string;
}

export interface TemplateInfo {
  params: TemplateParam[];
  help?: string;
}

// Strength of a type guess: a stronger one wins when a parameter is used in several places.
const RANK: Record<ParamType, number> = { text: 0, url: 1, number: 2, boolean: 3, image: 4 };

const LITERAL = String.raw`"(?:[^"\\]|\\.)*"|\x60[^\x60]*\x60|-?\d+(?:\.\d+)?|true|false`;
// One way of reading a parameter: `.Get "x"`, `$.Get 0`, `index .Params "x"`, `.Params.x`.
const GET = String.raw`\$?\.Get\s+("(?:[^"\\]|\\.)*"|\x60[^\x60]*\x60|\d+)|index\s+\$?\.Params\s+("(?:[^"\\]|\\.)*"|\d+)|\$?\.Params\.([A-Za-z_]\w*)`;

function unquote(lit: string): string {
  if (lit.startsWith('"')) return lit.slice(1, -1).replace(/\\(.)/g, '$1');
  if (lit.startsWith('`')) return lit.slice(1, -1);
  return lit;
}

function keyOf(m: RegExpExecArray): { name: string | null; position?: number } {
  const raw = m[1] ?? m[2];
  if (raw === undefined) return { name: m[3] };
  if (/^\d+$/.test(raw)) return { name: null, position: Number(raw) };
  return { name: unquote(raw) };
}

/** The leading comment's text, if the template starts with one. */
function leadingHelp(text: string): string | undefined {
  const m = /^\s*\{\{-?\s*\/\*([\s\S]*?)\*\/\s*-?\}\}/.exec(text.replace(/^\uFEFF/, ''));
  const help = m?.[1].replace(/\s+/g, ' ').trim();
  return help || undefined;
}

/** The type a use suggests: `action` is the `{{ … }}` text, `before` what the template has just before it. */
function typeFromUse(action: string, before: string, ref: string): ParamType {
  const r = ref.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (/\b(?:resources\.Get|resources\.GetMatch|\.Resources\.Get(?:Match)?|imageConfig|images\.\w+)\b/.test(action)) return 'image';
  if (new RegExp(String.raw`\beq\s+\(?\s*${r}\s*\)?\s+"(?:true|false)"|\beq\s+"(?:true|false)"\s+\(?\s*${r}`).test(action)) return 'boolean';
  if (/\b(?:lt|gt|le|ge|add|sub|mul|div|mod|int|float|math\.\w+)\s/.test(action)) return 'number';
  // The whole attribute value, not a piece of one (an ID inside an embed address is no address).
  if (/\b(?:href|src|action|poster)\s*=\s*["']?$/i.test(before)) return 'url';
  return 'text';
}

function typeFromName(name: string | null): ParamType {
  if (name === null) return 'text';
  if (/^(?:src|image|img|photo|picture|thumbnail|cover)$/i.test(name)) return 'image';
  if (/^(?:url|link|href)$|(?:Url|URL|Link|Href|_url|_link)$/.test(name)) return 'url';
  return 'text';
}

function typeFromDefault(value: string, literal: string): ParamType {
  if (/^(?:true|false)$/.test(value)) return 'boolean';
  if (/^-?\d+(?:\.\d+)?$/.test(literal)) return 'number';
  return 'text';
}

/** Reads a shortcode template's parameters and help. */
export function templateParams(text: string): TemplateInfo {
  const help = leadingHelp(text);
  // Comments say things, they do not read parameters.
  const src = text.replace(/\{\{-?\s*\/\*[\s\S]*?\*\/\s*-?\}\}/g, (c) => ' '.repeat(c.length));
  const found = new Map<string, TemplateParam>();
  const order: string[] = [];
  const note = (key: { name: string | null; position?: number }, type: ParamType, def?: string) => {
    const id = key.name ?? `#${key.position}`;
    let p = found.get(id);
    if (!p) {
      p = { ...key, type: typeFromName(key.name) };
      found.set(id, p);
      order.push(id);
    }
    if (RANK[type] > RANK[p.type]) p.type = type;
    if (def !== undefined && p.default === undefined) p.default = def;
  };
  const vars = new Map<string, { name: string | null; position?: number }>();
  const actions = [...src.matchAll(/\{\{-?([\s\S]*?)-?\}\}/g)];
  for (const a of actions) {
    const action = a[1];
    const before = src.slice(Math.max(0, a.index - 200), a.index);
    for (const m of action.matchAll(new RegExp(GET, 'g'))) {
      const key = keyOf(m as RegExpExecArray);
      const ref = m[0];
      const rest = action.slice((m.index ?? 0) + ref.length);
      const head = action.slice(0, m.index);
      // `.Get "x" | default "y"`, or `default "y" (.Get "x")`.
      const piped = new RegExp(String.raw`^\s*\)?\s*\|\s*default\s+(${LITERAL})`).exec(rest);
      const wrapped = new RegExp(String.raw`\bdefault\s+(${LITERAL})\s*\(?\s*$`).exec(head);
      const lit = piped?.[1] ?? wrapped?.[1];
      const def = lit !== undefined ? unquote(lit) : undefined;
      let type = typeFromUse(action, before, ref);
      if (def !== undefined && RANK[typeFromDefault(def, lit!)] > RANK[type]) type = typeFromDefault(def, lit!);
      note(key, type, def);
      // `$v := .Get "x"`: later uses of $v tell its type too.
      const assign = /(\$\w+)\s*:?=\s*\(?\s*$/.exec(head);
      if (assign) vars.set(assign[1], key);
    }
  }
  // `{{ with .Get "x" }}…{{ . }}…{{ end }}`: inside, the dot is the parameter.
  actions.forEach((a, i) => {
    const w = new RegExp(String.raw`^\s*with\s+(?:${GET})\s*$`).exec(a[1]);
    if (!w) return;
    const key = keyOf(w);
    let depth = 1;
    for (const b of actions.slice(i + 1)) {
      if (/^\s*(?:if|with|range|define|block)\b/.test(b[1])) depth++;
      else if (/^\s*end\b/.test(b[1]) && --depth === 0) break;
      if (depth === 1 && /^\s*\.\s*(?:\||$)/.test(b[1])) note(key, typeFromUse(b[1], src.slice(Math.max(0, b.index - 200), b.index), '.'));
    }
  });
  for (const [v, key] of vars) {
    const use = new RegExp('\\$' + v.slice(1) + String.raw`(?!\w)(?!\s*:?=)`);
    for (const a of actions) {
      if (!use.test(a[1])) continue;
      note(key, typeFromUse(a[1], src.slice(Math.max(0, a.index - 200), a.index), v));
    }
  }
  const params = order.map((id) => found.get(id)!);
  // Positional ones in their order first, as a writer types them.
  params.sort((x, y) => (x.name === null ? x.position! : 1e9) - (y.name === null ? y.position! : 1e9));
  return help ? { params, help } : { params };
}
