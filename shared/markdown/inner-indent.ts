// The inner content of a paired shortcode is often indented as a whole: under a list item, or
// inside another shortcode (`{{< tabs >}}` → `  {{% tab %}}` → `  text`). The editor reads it
// without that indentation (as Hugo's .InnerDeindent does) and the save puts it back on every
// line but the first and last partial ones, so the indentation is kept exactly. Only an
// indentation shared by every line that has text is taken off; a whitespace-only line that
// does not hold the whole indentation leaves the content as it is (nothing would bring it back).

export interface Deindented {
  text: string;
  indent: string;
  /** In a quote, the markers before the closing tag (`> `): taken off the end, put back by the save. */
  tail: string;
}

const LINES = /[^\r\n]*(?:\r\n|\n|\r|$)/g;

function splitLines(text: string): string[] {
  const out = text.match(LINES) ?? [];
  if (out.length && out[out.length - 1] === '') out.pop();
  return out;
}

/** [first line with its ending, middle lines, last partial line (no ending)]. */
function parts(text: string): [string, string[], string] | null {
  const lines = splitLines(text);
  if (lines.length < 2) return null;
  const last = /[\r\n]$/.test(lines[lines.length - 1]) ? '' : lines.pop()!;
  const first = lines.shift()!;
  return [first, lines, last];
}

/** `quoted`: the pair sits in a quote, whose `>` markers start its lines too. */
export function deindent(text: string, quoted = false): Deindented {
  const p = parts(text);
  if (!p) return { text, indent: '', tail: '' };
  const [first, middle, whole] = p;
  const tail = quoted && /^[ \t>]*$/.test(whole) ? whole : '';
  const last = tail ? '' : whole;
  let indent: string | null = null;
  for (const line of middle) {
    const content = line.replace(/(\r\n|\n|\r)$/, '');
    if (content === '') continue;
    const own = (quoted ? /^[ \t>]*/ : /^[ \t]*/).exec(content)![0];
    if (own === content) return { text, indent: '', tail: '' }; // whitespace-only line: leave all as is
    if (indent === null || !own.startsWith(indent)) {
      let k = 0;
      const ref: string = indent ?? own;
      while (k < ref.length && k < own.length && ref[k] === own[k]) k++;
      indent = ref.slice(0, k);
    }
    if (indent === '') return { text, indent: '', tail: '' };
  }
  if (!indent) return { text, indent: '', tail: '' };
  const cut = indent.length;
  return { text: first + middle.map((l) => (/^(\r\n|\n|\r)$/.test(l) ? l : l.slice(cut))).join('') + last, indent, tail };
}

/** The inverse of deindent for text saved from deindented content (edits included). */
export function reindent(text: string, indent: string, tail = ''): string {
  if (!indent) return text + tail;
  const p = parts(text);
  if (!p) return text + tail;
  const [first, middle, last] = p;
  return first + middle.map((l) => (/^(\r\n|\n|\r)$/.test(l) ? l : indent + l)).join('') + last + tail;
}
