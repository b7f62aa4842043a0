// mdast side of the shortcode syntax: a `shortcode` (inline) node whose value is the tag's exact
// source text, and a to-markdown handler that writes that text back untouched.
import type { Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';
import type { Options as ToMarkdownExtension } from 'mdast-util-to-markdown';
import type { Literal, Parent, RootContent } from 'mdast';

export interface ShortcodeNode extends Literal {
  type: 'shortcode';
}
/** A top-level shortcode (alone in its paragraph, or paired with its content). */
export interface ShortcodeBlockNode extends Literal {
  type: 'shortcodeBlock';
  /** Why a paired shortcode is kept as written: 'crossing' | 'unreadable' | 'unclosed' | 'orphan'. */
  problem?: string;
}

/** A paired shortcode whose inner content Hugo renders as Markdown (see remark-shortcodes.ts). */
export interface ShortcodeContainerNode extends Parent {
  type: 'shortcodeContainer';
  name: string;
  /** The opening tag, exactly as written. */
  open: string;
  /** The closing tag and any spaces after it on its line, exactly as written. */
  close: string;
  /** The inner content as written less its shared indentation (inner-indent.ts), and each child's [start, end) in it. */
  inner: string;
  indent: string;
  tail: string;
  ranges: Array<[number, number]>;
  /** The inner blocks as parsed (in `children` only when the editor writes the node anew). */
  blocks?: RootContent[];
  children: RootContent[];
}
/** A paired shortcode whose inner content is used as it is: `value` is that content. */
export interface ShortcodeTextNode extends Literal {
  type: 'shortcodeText';
  open: string;
  close: string;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    shortcode: ShortcodeNode;
  }
  interface RootContentMap {
    shortcode: ShortcodeNode;
    shortcodeBlock: ShortcodeBlockNode;
    shortcodeContainer: ShortcodeContainerNode;
    shortcodeText: ShortcodeTextNode;
  }
  interface BlockContentMap {
    shortcodeBlock: ShortcodeBlockNode;
    shortcodeContainer: ShortcodeContainerNode;
    shortcodeText: ShortcodeTextNode;
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
      shortcodeText: (node: ShortcodeTextNode) => node.open + node.value + node.close,
      // Only a container written anew (pasted, inserted) comes here: an edited one is written by
      // the source-preserving save, which keeps its tags and its unchanged inner blocks as written.
      // A pair written on one line (`{{< style >}}-- _Name_{{< /style >}}`) stays on one line
      // while its content is one line: its inner record (`inner`) is the source as it was.
      shortcodeContainer: (node: ShortcodeContainerNode, _parent, state, info) => {
        const flow = state.containerFlow(node as never, info);
        const oneLine = node.inner !== '' && !/[\r\n]/.test(node.inner) && !flow.includes('\n');
        return oneLine ? `${node.open}${flow}${node.close.trimEnd()}` : `${node.open}\n${flow}\n${node.close.trimEnd()}`;
      },
    },
  };
}
