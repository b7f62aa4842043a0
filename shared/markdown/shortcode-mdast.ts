// mdast side of the shortcode syntax: a `shortcode` (inline) node whose value is the tag's exact
// source text, and a to-markdown handler that writes that text back untouched.
import type { Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';
import type { Options as ToMarkdownExtension } from 'mdast-util-to-markdown';
import type { Literal } from 'mdast';

export interface ShortcodeNode extends Literal {
  type: 'shortcode';
}
/** A top-level shortcode (alone in its paragraph, or paired with its content). */
export interface ShortcodeBlockNode extends Literal {
  type: 'shortcodeBlock';
}

declare module 'mdast' {
  interface PhrasingContentMap {
    shortcode: ShortcodeNode;
  }
  interface RootContentMap {
    shortcode: ShortcodeNode;
    shortcodeBlock: ShortcodeBlockNode;
  }
  interface BlockContentMap {
    shortcodeBlock: ShortcodeBlockNode;
  }
}

export function shortcodeFromMarkdown(): FromMarkdownExtension {
  return {
    enter: {
      hugoShortcode(token) {
        this.enter({ type: 'shortcode', value: '' }, token);
      },
    },
    exit: {
      hugoShortcode(token) {
        const node = this.stack[this.stack.length - 1] as ShortcodeNode;
        node.value = this.sliceSerialize(token);
        this.exit(token);
      },
    },
  };
}

export function shortcodeToMarkdown(): ToMarkdownExtension {
  return {
    // Text that reads `{{<` or `{{%` (written `{{&#37;` or `{{\%` in the source) must not become
    // a shortcode when written back: escape the character after the braces.
    unsafe: [
      { character: '<', before: '\\{\\{', inConstruct: 'phrasing' },
      { character: '%', before: '\\{\\{', inConstruct: 'phrasing' },
    ],
    handlers: {
      shortcode: (node: ShortcodeNode) => node.value,
      shortcodeBlock: (node: ShortcodeBlockNode) => node.value,
    },
  };
}
