// A cheap change hook: a ProseMirror plugin view that calls back when the document object
// changed. No serialization happens here (Milkdown's listener would serialize on every key).
import { Plugin, PluginKey } from '@milkdown/kit/prose/state';
import { $prose } from '@milkdown/kit/utils';

export function changeListener(onChange: () => void) {
  return $prose(
    () =>
      new Plugin({
        key: new PluginKey('postwright-change'),
        view: () => ({
          update: (view, prev) => {
            if (view.state.doc !== prev.doc) onChange();
          },
        }),
      }),
  );
}
