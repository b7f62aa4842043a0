// Flags images the post uses that do not exist (a figure card, a Markdown image, a single
// `<img>` block): the node gets `is-missing` and a "missing" label follows it, so the writer
// sees the broken picture before publishing. Which srcs are missing is the app shell's answer
// (`isMissing`, from the gallery service); `refreshMissingImages` redraws after it changes.
// Decorations only: the document, and so the saved file, never changes.
import type { Node as PmNode } from '@milkdown/kit/prose/model';
import { Plugin, PluginKey, type Transaction } from '@milkdown/kit/prose/state';
import { ReplaceAroundStep, ReplaceStep } from '@milkdown/kit/prose/transform';
import { Decoration, DecorationSet, type EditorView } from '@milkdown/kit/prose/view';
import { $prose } from '@milkdown/kit/utils';
import { parseShortcode } from '../../shared/markdown/shortcode-params';
import { param } from './views/shortcode-card';
import { singleImgSrc } from './views/asset-src';
import { setImageSource } from './deferred-image';
import { takeInPageCaret } from '../../engine/page-caret';

const key = new PluginKey<DecorationSet>('postwright-missing-images');

/** Loads the images that were held back and whose files now exist. */
function loadArrived(root: HTMLElement, isMissing: (src: string) => boolean): void {
  for (const img of root.querySelectorAll<HTMLImageElement>('img[data-deferred-src]')) {
    const src = img.dataset.refSrc ?? '';
    if (!isMissing(src)) setImageSource(img, img.dataset.deferredSrc ?? '', src);
  }
}

/** The image src a node shows, or null when it shows none. */
export function imageSrcOf(node: PmNode): string | null {
  const name = node.type.name;
  if (name === 'image') return (node.attrs.src as string) || null;
  if (name === 'shortcode_block' || name === 'shortcode_inline') {
    const value = node.attrs.value as string;
    return parseShortcode(value)?.name === 'figure' ? param(value, ['src'], 0) : null;
  }
  if (name === 'raw_block' && node.attrs.kind === 'html') return singleImgSrc(node.attrs.value as string);
  return null;
}

function label(src: string): HTMLElement {
  const el = document.createElement('span');
  el.className = 'pw-missing-flag';
  el.contentEditable = 'false';
  el.textContent = `missing: ${src}`;
  el.title = `This image is not in the site: ${src}. The published post would show a broken picture.`;
  return el;
}

function build(doc: PmNode, isMissing: (src: string) => boolean): DecorationSet {
  const decos: Decoration[] = [];
  doc.descendants((node, pos) => {
    const src = imageSrcOf(node);
    if (src !== null && isMissing(src)) {
      const end = pos + node.nodeSize;
      decos.push(Decoration.node(pos, end, { class: 'is-missing', 'data-missing': 'true' }));
      decos.push(Decoration.widget(end, () => label(src), { side: -1, key: `missing:${src}`, ignoreSelection: true }));
    }
    // Images sit in textblocks; other atoms hold no children worth walking.
    return !node.isAtom;
  });
  return DecorationSet.create(doc, decos);
}

/** Whether a transaction may have added or changed an image-bearing node (typing never does). */
function touchesImages(tr: Transaction): boolean {
  return tr.steps.some((step) => {
    if (!(step instanceof ReplaceStep || step instanceof ReplaceAroundStep)) return true;
    let found = false;
    step.slice.content.descendants((n) => {
      if (!n.isText) found ||= n.isAtom;
      return !found;
    });
    return found;
  });
}

export function missingImagesPlugin(isMissing: ((src: string) => boolean) | undefined, holdBack = isMissing) {
  return $prose(
    () =>
      new Plugin<DecorationSet>({
        key,
        state: {
          init: (_, state) => (isMissing ? build(state.doc, isMissing) : DecorationSet.empty),
          apply: (tr, old) => {
            if (!isMissing) return old;
            if (tr.getMeta(key) || (tr.docChanged && touchesImages(tr))) return build(tr.doc, isMissing);
            return tr.docChanged ? old.map(tr.mapping, tr.doc) : old;
          },
        },
        props: { decorations: (state) => key.getState(state) },
        view: () => ({
          update: (view, prev) => {
            if (holdBack && key.getState(view.state) !== key.getState(prev)) loadArrived(view.dom, holdBack);
          },
        }),
      }),
  );
}

/**
 * Re-asks `isMissing` for every image (after the app learnt which files exist) and loads the
 * images no longer held back (`holdBack`, by default the same question).
 */
export function refreshMissingImages(view: EditorView, holdBack?: (src: string) => boolean): void {
  takeInPageCaret(view); // a click not yet reported stays where it was (engine/page-caret.ts)
  view.dispatch(view.state.tr.setMeta(key, true).setMeta('addToHistory', false));
  if (holdBack) loadArrived(view.dom, holdBack);
}
