// Does a piece of markdown read back as a given block? Used to check a merged block before it is
// written (so a merge that keeps the file's style can never change what the writer wrote), and by
// the CLI's `editable` figure. A block is parsed together with the document's link reference and
// footnote definitions, because `[text][ref]` and `[^1]` only mean a link or a footnote when
// their definition exists somewhere in the file.
import type { Node as PmNode } from '@milkdown/kit/prose/model';
import type { MarkdownCore } from './markdown-core';

export type BlockCheck = (markdown: string, block: PmNode) => boolean;

export function createBlockCheck(core: MarkdownCore, pristine: readonly PmNode[]): BlockCheck {
  const defs: string[] = [];
  for (const node of pristine) {
    if (node.type.name === 'raw_block' && node.attrs.kind === 'definition') defs.push(node.attrs.value as string);
    else if (node.type.name === 'footnote_definition') defs.push(`[^${node.attrs.label as string}]: .`);
  }
  const context = defs.length ? `\n\n${defs.join('\n\n')}\n` : '\n';
  return (markdown, block) => {
    const { doc, unsafeReason } = core.parse(markdown + context);
    return unsafeReason === null && doc.childCount === 1 + defs.length && sameBlock(doc.child(0), block);
  };
}

/**
 * Equal blocks, heading ids aside (they are derived from the text, not written to the file), and
 * a shortcode card's record of its inner source as it was on disk (`inner`, `ranges`, and the
 * indentation its inner lines share, `indent`, `tail`): the card's content is its child blocks,
 * and an edit to them changes that record once saved. A one-line pair in a quote
 * (`> {{< style >}}-- _Name_{{< /style >}}`) is written anew on three lines, each with its `> `:
 * the same card, whose lines now share the quote marker.
 */
export function sameBlock(a: PmNode, b: PmNode): boolean {
  return a.eq(b) || JSON.stringify(withoutIds(a.toJSON())) === JSON.stringify(withoutIds(b.toJSON()));
}

const CONTAINER_LAYOUT = ['inner', 'ranges', 'indent', 'tail'];

function withoutIds(json: unknown): unknown {
  return JSON.parse(JSON.stringify(json), function (this: Record<string, unknown>, k: string, v: unknown) {
    if (k === 'id') return undefined;
    // A shortcode card's attrs: its layout record goes (all of it at once, since the reviver
    // deletes each key it drops, and a later key could no longer tell the attrs apart).
    if (k === 'attrs' && v && typeof v === 'object' && 'open' in v && 'close' in v && 'indent' in v) {
      const attrs = { ...(v as Record<string, unknown>) };
      for (const key of CONTAINER_LAYOUT) delete attrs[key];
      return attrs;
    }
    return v;
  });
}
