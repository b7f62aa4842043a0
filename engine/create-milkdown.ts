// Creates a Milkdown editor with the shared setup. The body is parsed by our own parser (so
// that block source ranges are known) and handed to Milkdown as the initial document.
import { Editor, defaultValueCtx, editorStateOptionsCtx, editorViewOptionsCtx, rootCtx } from '@milkdown/kit/core';
import type { MilkdownPlugin } from '@milkdown/kit/ctx';
import { clipboard } from '@milkdown/kit/plugin/clipboard';
import { remarkGFMPlugin } from '@milkdown/kit/preset/gfm';
import { history } from '@milkdown/kit/plugin/history';
import { createMarkdownCore, type MarkdownCore, type ParsedBody } from './markdown-core';
import { editingPlugins, schemaPlugins } from './setup';
import type { ShortcodeInnerMap } from '../shared/markdown/shortcode-inner';

export interface CreatedMilkdown {
  editor: Editor;
  core: MarkdownCore;
  parsed: ParsedBody;
}

/** The body, or how to parse it into the first document (a long post's first piece). */
export type InitialBody = string | ((core: MarkdownCore) => ParsedBody);

export async function createMilkdown(
  root: HTMLElement,
  body: InitialBody,
  extra: MilkdownPlugin[] = [],
  editable = true,
  attributes: Record<string, string> = {},
  shortcodeInner?: ShortcodeInnerMap,
): Promise<CreatedMilkdown> {
  let core: MarkdownCore | null = null;
  let parsed: ParsedBody | null = null;
  const editor = Editor.make()
    .config((ctx) => {
      ctx.set(rootCtx, root);
      ctx.set(defaultValueCtx, '');
      // Unpadded table rows: an edit to one cell then changes only its row (see merge-block).
      ctx.set(remarkGFMPlugin.options.key, { tablePipeAlign: false });
      ctx.update(editorViewOptionsCtx, (prev) => ({ ...prev, editable: () => editable, attributes }));
      ctx.set(editorStateOptionsCtx, (prev) => {
        core = createMarkdownCore(ctx);
        core.shortcodeInner = shortcodeInner;
        parsed = typeof body === 'string' ? core.parse(body) : body(core);
        return { ...prev, doc: parsed.doc };
      });
    })
    .use(schemaPlugins)
    .use(editingPlugins)
    .use(history)
    .use(clipboard)
    .use(extra);
  await editor.create();
  if (!core || !parsed) throw new Error('The editor did not start.');
  return { editor, core, parsed };
}
