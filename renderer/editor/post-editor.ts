// The post editor: Milkdown mounted into the app shell's element, with source-preserving save.
// A post whose blocks cannot be mapped 1:1 to its source opens read-only with `unsafeReason`
// set, and getBody() then returns the body exactly as loaded: nothing lossy is ever saved.
import { editorViewCtx } from '@milkdown/kit/core';
import type { Node as PmNode } from '@milkdown/kit/prose/model';
import { changeListener } from './change-listener';
import { editorCommands } from './editor-commands';
import { createMilkdown } from './engine/create-milkdown';
import { saveBody, takeSnapshot } from './engine/source-save';
import { editorViews } from './views/editor-views';
import { editorIntegration } from './integration-commands';
import { editorMedia } from './editor-media';
import { blockWindowPlugin } from './engine/block-window';
import { LONG_POST_CHARS } from './long-post';
import type { PostEditorHandle, PostEditorOptions } from './types';

export const BODY_ATTRIBUTES = { role: 'textbox', 'aria-multiline': 'true', 'aria-label': 'Post body' };

export async function createPostEditor(opts: PostEditorOptions): Promise<PostEditorHandle> {
  let ready = false;
  const notify = () => {
    if (ready) opts.onChange?.();
  };
  const views = editorViews(opts);
  const media = editorMedia(opts);
  const { editor, core, parsed } = await createMilkdown(
    opts.root,
    opts.body,
    [changeListener(notify), ...views.plugins, ...media.plugins, ...(opts.body.length > LONG_POST_CHARS ? [blockWindowPlugin()] : [])],
    !opts.readOnly,
    BODY_ATTRIBUTES,
  );
  const unsafeReason = parsed.unsafeReason;
  const view = editor.ctx.get(editorViewCtx);
  if (unsafeReason) view.setProps({ editable: () => false });
  // Pristine snapshot after Milkdown's settling transactions (heading ids, list order).
  const snapshot = takeSnapshot(opts.body, view.state.doc, parsed.ranges);
  const pristineDoc: PmNode = view.state.doc;
  views.attach(view);
  media.attach(view, core);
  ready = true;

  return {
    getBody: () => (unsafeReason ? opts.body : saveBody(snapshot, view.state.doc, core)),
    isDirty: () => !view.state.doc.eq(pristineDoc),
    unsafeReason,
    commands: { ...editorCommands(editor), insertShortcode: views.insertShortcode },
    getText: () => view.state.doc.textBetween(0, view.state.doc.content.size, '\n', ' '),
    focus: () => view.focus(),
    integration: editorIntegration(view),
    ...media.handle,
    destroy: () => {
      views.destroy();
      void editor.destroy();
    },
  };
}
