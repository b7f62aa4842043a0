// An inline HTML tag pair around words (`<mark>`, `<kbd>`, `<sup>`, `<span class="x">`, see
// shared/markdown/remark-inline-html.ts) as a mark: the words are editable rich text, and the
// tags are written back exactly as they were (`open`, `close`). The window shows the words in
// a span styled after the tag's name; nothing of the tag's attributes reaches the page.
import { $markSchema } from '@milkdown/kit/utils';
import type { Mark } from '@milkdown/kit/prose/model';
import { closeTagName, openTagName } from '../../shared/markdown/remark-inline-html';

/** A pasted span may only say it stands for a pair of tags that read as text and run no code. */
function safePair(open: string, close: string): boolean {
  const name = openTagName(open);
  return name !== null && closeTagName(close) === name && !/\son[a-z]+\s*=|javascript:|data:/i.test(open);
}

export const htmlWrapMark = $markSchema('html_wrap', () => ({
  attrs: { open: { default: '' }, close: { default: '' } },
  // Spans of different tags may nest and overlap as the tags did.
  excludes: '',
  // Written outermost (the serializer opens marks by rising priority): a tag usually holds
  // the emphasis in it, `<mark>**might not** get</mark>`, which the other order would split.
  priority: 20,
  parseDOM: [
    {
      tag: 'span[data-html-open]',
      getAttrs: (dom) => {
        const el = dom as HTMLElement;
        const open = el.dataset.htmlOpen ?? '';
        const close = el.dataset.htmlClose ?? '';
        return safePair(open, close) ? { open, close } : false;
      },
    },
  ],
  toDOM: (mark: Mark) => [
    'span',
    {
      'data-html-open': mark.attrs.open,
      'data-html-close': mark.attrs.close,
      'data-tag': openTagName(mark.attrs.open as string) ?? '',
      class: 'pw-html-wrap',
    },
  ],
  parseMarkdown: {
    match: (node) => node.type === 'htmlWrap',
    runner: (state, node, markType) => {
      const n = node as unknown as { open: string; close: string };
      state.openMark(markType, { open: n.open, close: n.close });
      state.next(node.children);
      state.closeMark(markType);
    },
  },
  toMarkdown: {
    match: (mark) => mark.type.name === 'html_wrap',
    runner: (state, mark) => {
      state.withMark(mark, 'htmlWrap', undefined, { open: mark.attrs.open as string, close: mark.attrs.close as string });
    },
  },
}));
