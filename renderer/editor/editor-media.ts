// Images in the post editor, in one place for post-editor.ts to hook in: the Markdown image
// view, missing-image flags, dropped/pasted files handed to the app, and inserting Markdown
// (from the gallery or after an import) as real nodes.
import type { MilkdownPlugin } from '@milkdown/kit/ctx';
import type { EditorView } from '@milkdown/kit/prose/view';
import type { MarkdownCore } from '../../engine/markdown-core';
import { attachFileDrop } from './file-drop';
import { imageView } from './image-view';
import { insertMarkdownAt } from './insert-markdown';
import { missingImagesPlugin, refreshMissingImages } from './missing-images';
import type { PostEditorHandle, PostEditorOptions } from './types';

export type EditorMediaHandle = Required<Pick<PostEditorHandle, 'insertMarkdownAt' | 'posAtCoords' | 'refreshMissing'>>;

export function editorMedia(opts: PostEditorOptions) {
  let view: EditorView | null = null;
  let core: MarkdownCore | null = null;
  const plugins: MilkdownPlugin[] = [imageView(opts), missingImagesPlugin(opts.isMissing, opts.holdBack ?? opts.isMissing)].flat();
  const handle: EditorMediaHandle = {
    insertMarkdownAt: (at, markdown) => (view && core ? insertMarkdownAt(view, core, at, markdown) : null),
    posAtCoords: (x, y) => view?.posAtCoords({ left: x, top: y })?.pos ?? null,
    refreshMissing: () => {
      if (view) refreshMissingImages(view, opts.holdBack ?? opts.isMissing);
    },
  };
  return {
    plugins,
    handle,
    attach(v: EditorView, c: MarkdownCore) {
      view = v;
      core = c;
      attachFileDrop(v, opts);
    },
  };
}
