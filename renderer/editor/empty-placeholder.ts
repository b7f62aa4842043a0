// "Start writing…" in an empty post: while the document is one empty paragraph, that paragraph
// carries the hint (drawn by CSS from data-placeholder, so it is never part of the text or the
// saved body) and the editor's element says it to assistive technology (aria-placeholder).
import { Plugin, PluginKey, type EditorState } from '@milkdown/kit/prose/state';
import { Decoration, DecorationSet } from '@milkdown/kit/prose/view';
import { $prose } from '@milkdown/kit/utils';

export const EMPTY_POST_PLACEHOLDER = 'Start writing…';

function isEmptyDoc(state: EditorState): boolean {
  const doc = state.doc;
  if (doc.childCount !== 1) return false;
  const only = doc.firstChild!;
  return only.type.name === 'paragraph' && only.content.size === 0;
}

export function emptyPlaceholder() {
  return $prose(
    () =>
      new Plugin({
        key: new PluginKey('postwright-empty-placeholder'),
        props: {
          decorations: (state) =>
            isEmptyDoc(state)
              ? DecorationSet.create(state.doc, [
                  Decoration.node(0, state.doc.firstChild!.nodeSize, { class: 'pw-empty-post', 'data-placeholder': EMPTY_POST_PLACEHOLDER }),
                ])
              : null,
          attributes: (state): Record<string, string> => (isEmptyDoc(state) ? { 'aria-placeholder': EMPTY_POST_PLACEHOLDER } : {}),
        },
      }),
  );
}
