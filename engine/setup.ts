// The one Milkdown setup, shared by the window editor and the headless engine (CLI, tests,
// bench). It is commonmark + gfm minus the preset plugins that lose content:
// remarkInlineLink (inlines reference links, drops definitions), remarkPreserveEmptyLine
// (invents empty paragraphs) and remarkHtmlTransformer (wraps block HTML in paragraphs); plus
// verbatim nodes for HTML, comments, definitions and Hugo shortcodes. Milkdown's heading-id and
// list-order plugins walk the whole document after every change: heading ids are left to
// toDOM (nothing reads them from the document) and list labels are kept by a plugin that
// looks only at the lists a change touched.
import type { MilkdownPlugin } from '@milkdown/kit/ctx';
import {
  commands as cmCommands,
  inputRules as cmInputRules,
  keymap as cmKeymap,
  markInputRules as cmMarkInputRules,
  schema as cmSchema,
  hardbreakClearMarkPlugin,
  hardbreakFilterNodes,
  hardbreakFilterPlugin,
  inlineNodesCursorPlugin,
  remarkAddOrderInListPlugin,
  remarkLineBreak,
  remarkMarker,
} from '@milkdown/kit/preset/commonmark';
import { gfm } from '@milkdown/kit/preset/gfm';
import { $remark } from '@milkdown/kit/utils';
import { remarkShortcodes } from '../shared/markdown/remark-shortcodes';
import { remarkRawBlocks } from '../shared/markdown/remark-raw-blocks';
import { pairedShortcodeNodes, verbatimNodes } from './schema/verbatim-nodes';
import { linkReferenceMark } from './schema/link-reference';
import { htmlWrapMark } from './schema/html-wrap';
import { remarkInlineHtml } from '../shared/markdown/remark-inline-html';
import { listOrderPlugin } from './list-order-plugin';
import { typingPlugin } from './typing-plugin';

/** mdast types the schema below can parse; anything else is kept as verbatim source. */
export const KNOWN_MDAST_TYPES: ReadonlySet<string> = new Set([
  'root', 'paragraph', 'heading', 'thematicBreak', 'blockquote', 'list', 'listItem', 'code',
  'html', 'text', 'emphasis', 'strong', 'inlineCode', 'break', 'link', 'image', 'delete',
  'table', 'tableRow', 'tableCell', 'footnoteDefinition', 'footnoteReference',
  'linkReference', 'htmlWrap', 'shortcode', 'shortcodeBlock', 'shortcodeContainer', 'shortcodeText', 'rawBlock', 'rawInline',
]);

const shortcodesRemark = $remark('pwShortcodes', () => remarkShortcodes);
const inlineHtmlRemark = $remark('pwInlineHtml', () => remarkInlineHtml);
const rawBlocksRemark = $remark('pwRawBlocks', () => remarkRawBlocks, { known: KNOWN_MDAST_TYPES });

const lossFreePlugins: MilkdownPlugin[] = [
  hardbreakClearMarkPlugin,
  hardbreakFilterNodes,
  hardbreakFilterPlugin,
  inlineNodesCursorPlugin,
  remarkAddOrderInListPlugin,
  remarkLineBreak,
  remarkMarker,
  listOrderPlugin,
].flat();

/** Schema and remark plugins: all that parsing and serializing needs. */
export const schemaPlugins: MilkdownPlugin[] = [
  cmSchema,
  verbatimNodes,
  pairedShortcodeNodes,
  linkReferenceMark,
  htmlWrapMark,
  shortcodesRemark,
  gfm,
  // After gfm (autolink literals inside the tags' words are found first), before rawBlocks.
  inlineHtmlRemark,
  // Runs after gfm so it sees gfm's node types as known.
  rawBlocksRemark,
  lossFreePlugins,
].flat();

/** Editing behaviour on top: commands, keymaps, input rules. */
export const editingPlugins: MilkdownPlugin[] = [cmInputRules, cmMarkInputRules, cmCommands, cmKeymap, typingPlugin].flat();
