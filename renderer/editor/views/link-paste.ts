// Pasting a web address over selected words links them (as in any word processor); with
// nothing selected the address is pasted as the plain text it is.
import { $prose } from '@milkdown/kit/utils';
import { Plugin, PluginKey, TextSelection } from '@milkdown/kit/prose/state';

/** One address and nothing else: http(s) or mail, no spaces. */
const URL_ONLY = /^(?:https?:\/\/[^\s<>"]+|mailto:[^\s<>"]+)$/i;

export const linkPastePlugin = $prose(
  () =>
    new Plugin({
      key: new PluginKey('link-paste'),
      props: {
        // A DOM handler, not handlePaste: it runs before the clipboard plugin's own handlePaste,
        // which would read the address as Markdown and replace the selected words with it.
        handleDOMEvents: {
          paste(view, event) {
          const { state } = view;
          const { selection } = state;
          const linkType = state.schema.marks.link;
          if (!linkType || !(selection instanceof TextSelection)) return false;
          const raw = event.clipboardData?.getData('text/plain') ?? '';
          const text = raw.trim();
          if (!URL_ONLY.test(text) || event.clipboardData?.types.includes('Files')) return false;
          // Nothing selected: the address as typed text (the clipboard's Markdown reading would
          // turn it into a link the writer did not ask for).
          if (selection.empty) {
            view.dispatch(state.tr.insertText(raw.replace(/\r?\n/g, ' ')).scrollIntoView());
            event.preventDefault();
            return true;
          }
          // Only words in one paragraph (or heading...) that may carry links.
          if (!selection.$from.sameParent(selection.$to) || !selection.$from.parent.type.allowsMarkType(linkType)) return false;
          view.dispatch(state.tr.addMark(selection.from, selection.to, linkType.create({ href: text })).scrollIntoView());
          event.preventDefault();
          return true;
        },
        },
      },
    }),
);
