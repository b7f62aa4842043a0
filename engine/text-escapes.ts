// Which characters of a text node the serializer escapes. mdast-util-to-markdown escapes, in
// prose, what could start a GFM autolink literal (`:` in `https://`, `.` in `www.`, `@` in an
// e-mail) and any `&` followed by a letter or `#`. So a web address a writer types was written
// `https\://example.com/?a=1\&b=2`: Hugo then shows the backslash-free text but no link, and the
// file and its diff no longer hold what was typed. Without those escapes the address reads back
// as the same text (now a link, as Hugo renders it). A `&` is escaped only where it would start
// a character reference (`&amp;`, `&#38;`), the only case CommonMark reads as one.
import type { Options as ToMarkdownOptions, Unsafe } from 'mdast-util-to-markdown';

type Handlers = NonNullable<ToMarkdownOptions['handlers']>;
type TextHandler = NonNullable<Handlers['text']>;
type State = Parameters<TextHandler>[2];

const AUTOLINK_LITERAL = new Set([':', '.', '@']);
const CHARACTER_REFERENCE: Unsafe = { character: '&', after: '(?:#[0-9]|#[xX][0-9A-Fa-f]|[A-Za-z][A-Za-z0-9]*;)', inConstruct: 'phrasing' };

/** GFM's autolink-literal patterns and the broad `&` pattern, which we replace. */
function dropped(p: Unsafe): boolean {
  if (p.character === '&') return p.after === '[#A-Za-z]';
  if (!AUTOLINK_LITERAL.has(p.character)) return false;
  // GFM's patterns are the ones tied to what comes before (`[ps]`, `[Ww]`, `[+\-.\w]`).
  return p.before === '[ps]' || p.before === '[Ww]' || p.before === '[+\\-.\\w]';
}

const lists = new WeakMap<Unsafe[], Unsafe[]>();

/** `text`, with the escapes above left out. */
export function textKeepingAddresses(text: TextHandler): TextHandler {
  return (node, parent, state: State, info) => {
    const all = state.unsafe;
    let mine = lists.get(all);
    if (!mine) {
      mine = [...all.filter((p) => !dropped(p)), CHARACTER_REFERENCE];
      lists.set(all, mine);
    }
    state.unsafe = mine;
    try {
      return text(node, parent, state, info);
    } finally {
      state.unsafe = all;
    }
  };
}
