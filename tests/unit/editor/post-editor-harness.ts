// Post editors mounted on a DOM for one test file, each destroyed (its element removed) after
// its test: the set-up the post-editor tests share.
import { afterEach } from 'vitest';
import { installDom } from '../../../electron/cli/install-dom';
import { createPostEditor } from '../../../renderer/editor/post-editor';
import type { PostEditorHandle, PostEditorOptions } from '../../../renderer/editor/types';

export function postEditorHarness() {
  const dom = installDom();
  let handle: PostEditorHandle | null = null;
  afterEach(() => {
    handle?.destroy();
    handle = null;
    dom.body.replaceChildren();
  });
  /** A post editor on `body`, in a new element of the page. */
  async function open(body: string, extra: Partial<PostEditorOptions> = {}): Promise<{ root: HTMLElement; h: PostEditorHandle }> {
    const root = dom.createElement('div');
    dom.body.append(root);
    handle = await createPostEditor({ root, body, postPath: 'blog/recap/index.md', assetUrl: (p) => `/asset/${p}`, ...extra });
    return { root, h: handle };
  }
  return { dom, open };
}
