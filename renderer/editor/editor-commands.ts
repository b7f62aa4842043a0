// Toolbar commands, as the app shell's EditorCommands interface, run through Milkdown's
// command manager so they behave exactly like the keyboard shortcuts.
import type { CmdKey, Editor } from '@milkdown/kit/core';
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
    insertLink: (href) => run(toggleLinkCommand.key, { href }),
    undo: () => run(undoCommand.key),
    redo: () => run(redoCommand.key),
  };
}
