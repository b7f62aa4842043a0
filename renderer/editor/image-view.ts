// How a Markdown image (`![alt](src)`) looks in the editor: the picture from the site (bundle
// or static folder, through assetUrl), never a remote or `..` address, which shows as its alt
// text only. Without this view the <img> would point at the raw src, relative to the app page.
import { imageSchema } from '@milkdown/kit/preset/commonmark';
import type { NodeViewConstructor } from '@milkdown/kit/prose/view';
import { $view } from '@milkdown/kit/utils';
import type { PostEditorOptions } from './types';
import { siteAssetPath } from './views/asset-src';
import { setImageSource } from './deferred-image';

export function imageView(opts: Pick<PostEditorOptions, 'postPath' | 'assetUrl' | 'isMissing' | 'holdBack'>) {
  const view: NodeViewConstructor = (initial) => {
    const img = document.createElement('img');
    img.className = 'pw-image';
    const render = (src: string, alt: string, title: string) => {
      const path = siteAssetPath(src, opts.postPath);
      if (path) setImageSource(img, opts.assetUrl(path), src, opts.holdBack ?? opts.isMissing);
      else img.removeAttribute('src');
      img.alt = alt;
      img.title = title || src;
      img.dataset.src = src;
    };
    render(initial.attrs.src as string, initial.attrs.alt as string, initial.attrs.title as string);
    return {
      dom: img,
      update: (next) => {
        if (next.type !== initial.type) return false;
        render(next.attrs.src as string, next.attrs.alt as string, next.attrs.title as string);
        return true;
      },
      ignoreMutation: () => true,
    };
  };
  return $view(imageSchema.node, () => view);
}
