// The sentences an archetype gives a new post for the writer to replace ("Write the opening
// paragraph here.", a summary that says what a summary should say). They are placeholders:
// while a post still holds one word for word, the checklist says it is still the template's
// text. Found in the archetype itself, so no mark is ever written into a post: a body paragraph
// or a front-matter text value with at least three words and no template action ({{ }}).
// Headings, list labels ("- **Event**:") and empty values are the post's shape, not sentences.
// Pure: the caller reads the archetype (electron/services/checks/template-texts.ts).

const WORDS_MIN = 3;

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

function isSentence(text: string): boolean {
  const t = collapse(text);
  if (!t || t.includes('{{') || t.includes('}}')) return false;
  return (t.match(/\p{L}+/gu)?.length ?? 0) >= WORDS_MIN;
}

/** Front matter delimiters of an archetype: YAML (---) or TOML (+++). */
function splitTemplate(template: string): { frontMatter: string; body: string } {
  const text = template.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const m = /^(---|\+\+\+)[ \t]*\n([\s\S]*?)\n\1[ \t]*(?:\n|$)/.exec(text);
  return m ? { frontMatter: m[2], body: text.slice(m[0].length) } : { frontMatter: '', body: text };
}

/** Text values of the front matter: quoted or plain one-line values, and block scalars (> or |). */
function frontMatterTexts(fm: string): string[] {
  const out: string[] = [];
  const lines = fm.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*[\w-]+\s*[:=]\s*(.*)$/.exec(lines[i]);
    if (!m) continue;
    const value = m[1].trim();
    if (/^[>|][+-]?$/.test(value)) {
      const block: string[] = [];
      while (i + 1 < lines.length && (/^\s+\S/.test(lines[i + 1]) || lines[i + 1].trim() === '')) block.push(lines[++i].trim());
      out.push(block.join(' '));
    } else if (/^(["']).*\1$/.test(value)) out.push(value.slice(1, -1));
    else if (value && !/^[[{#]/.test(value)) out.push(value);
  }
  return out;
}

/** Body paragraphs that are prose (not headings, lists, quotes, code, HTML or shortcodes). */
function bodyTexts(body: string): string[] {
  return body
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p && !/^(#|[-*+]\s|\d+[.)]\s|>|```|~~~|<|\{\{|\||!\[)/.test(p));
}

/** The archetype's placeholder sentences, each with its whitespace collapsed. */
export function templateSentences(template: string): string[] {
  const { frontMatter, body } = splitTemplate(template);
  const all = [...frontMatterTexts(frontMatter), ...bodyTexts(body)].filter(isSentence).map(collapse);
  return [...new Set(all)];
}

/** The placeholder sentences the post still holds, with the 1-based line each starts on. */
export function templateTextLeft(raw: string, sentences: readonly string[]): Array<{ text: string; line: number }> {
  if (!sentences.length) return [];
  // Compared with whitespace collapsed (a block scalar or a rewrapped paragraph), mapped back to lines.
  const starts: number[] = [];
  let flat = '';
  let lastSpace = true;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (/\s/.test(c)) {
      if (!lastSpace) {
        flat += ' ';
        starts.push(i);
      }
      lastSpace = true;
    } else {
      flat += c;
      starts.push(i);
      lastSpace = false;
    }
  }
  const out: Array<{ text: string; line: number }> = [];
  for (const text of sentences) {
    const at = flat.indexOf(text);
    if (at === -1) continue;
    const offset = starts[at];
    out.push({ text, line: raw.slice(0, offset).split('\n').length });
  }
  return out.sort((a, b) => a.line - b.line);
}
