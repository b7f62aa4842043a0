// Reference-style links (`[text][ref]`, `[text][]`, `[text]`) as an editable mark: the writer
// edits the link's words as rich text, and the save writes the reference form back (mdast
// `linkReference`), never an inline `(url)`, so the definition line (`[ref]: https://…`, kept
// as written, remark-raw-blocks.ts) is not touched. `label` is the reference as written in the
// post; `href` and `title` come from its definition, for the window to show where it points.
// The form (`full`, `collapsed`, `shortcut`) is not kept in the document: it is not what the
// writer sees, an unchanged block is written from its source anyway, and a changed one is merged
// with its source line (source-save.ts), which keeps `[text]` as written. A link is written
// `[text][]` when its words are its label, else `[text][label]`: so when the words of a
// `[text][]` or `[text]` link change, it still points to its definition.
import { $markSchema } from '@milkdown/kit/utils';
import type { Mark } from '@milkdown/kit/prose/model';

export const linkReferenceMark = $markSchema('link_ref', () => ({
  attrs: {
    label: { default: '' },
    href: { default: '' },
    title: { default: null },
  },
  // Inclusive, as the inline link mark is: a word typed at the link's end joins its words (and
  // any emphasis around them), which Markdown can write; the emphasis without the link cannot be.
  parseDOM: [
    {
      tag: 'a[data-ref-label]',
      priority: 60,
      getAttrs: (dom) => {
        const el = dom as HTMLElement;
        return {
          label: el.dataset.refLabel ?? '',
          href: el.getAttribute('href') ?? '',
          title: el.getAttribute('title'),
        };
      },
    },
  ],
  toDOM: (mark: Mark) => [
    'a',
    {
      'data-ref-label': mark.attrs.label,
      href: safeHref(mark.attrs.href as string),
      ...(mark.attrs.title ? { title: mark.attrs.title } : {}),
      class: 'pw-link-ref',
    },
  ],
  parseMarkdown: {
    match: (node) => node.type === 'linkReference',
    runner: (state, node, markType) => {
      const n = node as unknown as { label?: string; identifier: string; url?: string; title?: string | null };
      state.openMark(markType, { label: n.label ?? n.identifier, href: n.url ?? '', title: n.title ?? null });
      state.next(node.children);
      state.closeMark(markType);
    },
  },
  toMarkdown: {
    match: (mark) => mark.type.name === 'link_ref',
    runner: (state, mark) => {
      const label = mark.attrs.label as string;
      state.withMark(mark, 'linkReference', undefined, { label, identifier: label.toLowerCase(), referenceType: 'collapsed' });
    },
  },
}));

/** Only web and mail addresses and site paths become a clickable address in the window. */
function safeHref(href: string): string {
  return /^(https?:|mailto:|\/|#|\.|[^:]*$)/i.test(href.trim()) ? href : '#';
}
