// Toolbar commands, as the app shell's EditorCommands interface, run through Milkdown's
// command manager so they behave exactly like the keyboard shortcuts.
import { editorViewCtx, type CmdKey, type Editor } from '@milkdown/kit/core';
import {
  createCodeBlockCommand,
  toggleEmphasisCommand,
  toggleInlineCodeCommand,
  toggleLinkCommand,
  toggleStrongCommand,
  turnIntoTextCommand,
  wrapInBlockquoteCommand,
  wrapInBulletListCommand,
  wrapInHeadingCommand,
  wrapInOrderedListCommand,
} from '@milkdown/kit/preset/commonmark';
import { redoCommand, undoCommand } from '@milkdown/kit/plugin/history';
import { callCommand } from '@milkdown/kit/utils';
import type { EditorCommands } from './types';

export function editorCommands(editor: Editor): EditorCommands {
  const run = <T>(key: CmdKey<T>, payload?: T) => {
    editor.action(callCommand(key, payload));
  };
  return {
    toggleBold: () => run(toggleStrongCommand.key),
    toggleItalic: () => run(toggleEmphasisCommand.key),
    toggleInlineCode: () => run(toggleInlineCodeCommand.key),
    setHeading: (level) => run(wrapInHeadingCommand.key, level),
    setParagraph: () => run(turnIntoTextCommand.key),
    toggleBulletList: () => run(wrapInBulletListCommand.key),
    toggleOrderedList: () => run(wrapInOrderedListCommand.key),
    toggleBlockquote: () => run(wrapInBlockquoteCommand.key),
    insertCodeBlock: () => run(createCodeBlockCommand.key),
    insertLink: (href, text) => {
      if (text === undefined) return run(toggleLinkCommand.key, { href });
      // With text: the selection becomes that text, linked (one undo step). When the text is the
      // selection's own, only the mark is added, so the words' other marks stay as they were.
      editor.action((ctx) => {
        const view = ctx.get(editorViewCtx);
        const { state } = view;
        const linkType = state.schema.marks.link;
        if (!linkType) return;
        const mark = linkType.create({ href });
        const { from, to } = state.selection;
        const tr = state.doc.textBetween(from, to) === text && from !== to ? state.tr.addMark(from, to, mark) : state.tr.replaceWith(from, to, state.schema.text(text, [mark]));
        view.dispatch(tr.scrollIntoView());
        view.focus();
      });
    },
    selectedText: () => editor.action((ctx) => {
      const { state } = ctx.get(editorViewCtx);
      return state.doc.textBetween(state.selection.from, state.selection.to, ' ');
    }),
    undo: () => run(undoCommand.key),
    redo: () => run(redoCommand.key),
  };
}
