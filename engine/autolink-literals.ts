// GFM's autolink-literal transform, run only where it can find something. The transform turns
// bare URLs and e-mail addresses in text into links by running four regular expressions over
// every text node of the post (about 150 ms for a 1 MB recap, most of it the e-mail pattern's
// look-behind at every character). Each pattern needs "http://", "https://", "www." or "@" in
// the text it matches, and it works text node by text node, so it is run on the top-level blocks
// that hold such a text node and skipped for the rest: the tree comes out the same.
import type { Root, RootContent } from 'mdast';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';

type Transform = (tree: Root) => Root | undefined | void;
interface FromMarkdownExtension {
  transforms?: Transform[];
}

const original = gfmAutolinkLiteralFromMarkdown().transforms![0] as Transform;
const CANDIDATE = /@|https?:\/\/|www\./i;

/** True when some text of `node` outside links could hold an autolink literal. */
function hasCandidate(node: RootContent): boolean {
  if (node.type === 'text') return CANDIDATE.test(node.value);
  if (node.type === 'link' || node.type === 'linkReference') return false;
  const kids = (node as { children?: RootContent[] }).children;
  return !!kids && kids.some(hasCandidate);
}

function autolinkWhereNeeded(tree: Root): void {
  for (const block of tree.children) if (hasCandidate(block)) original(block as unknown as Root);
}

/** Swaps GFM's transform for the one above in a remark processor's from-markdown extensions. */
export function installFastAutolinkLiterals(extensions: unknown[]): void {
  for (const ext of extensions) {
    if (Array.isArray(ext)) installFastAutolinkLiterals(ext);
    else {
      const t = (ext as FromMarkdownExtension | null)?.transforms;
      if (t) for (let i = 0; i < t.length; i++) if (t[i] === original) t[i] = autolinkWhereNeeded;
    }
  }
}
