// Changing where a reference-style link (`[text][ref]`, the `link_ref` mark) points: its address
// lives on the definition line (`[ref]: https://…`, a raw_block of kind 'definition' kept as
// written), so the edit rewrites only that line's address (its label, title and layout as they
// were) and gives every link that uses the definition its new address, as the file will read
// once saved. A definition shared by several links changes all of them: the window says so
// before the writer confirms (linkReferenceAt's `uses`).
import type { Mark, Node as PmNode } from '@milkdown/kit/prose/model';
import type { Transform } from '@milkdown/kit/prose/transform';
import type { Definition, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const parser = unified().use(remarkParse);

/** A label as Markdown matches it to its definition: case and runs of spaces do not count. */
export function referenceIdentifier(label: string): string {
  return label.replace(/[\t\n\r ]+/g, ' ').replace(/^ | $/g, '').toLowerCase().toUpperCase().toLowerCase();
}

/** The definition written in `source`, if that is what it is. */
function definitionIn(source: string): Definition | null {
  const tree = parser.parse(source) as Root;
  const first = tree.children[0];
  return tree.children.length === 1 && first.type === 'definition' ? first : null;
}

export interface DefinitionBlock {
  pos: number;
  node: PmNode;
  url: string;
}

/** The definition a reference uses: the first one with its label, as Markdown reads it. */
export function findDefinition(doc: PmNode, identifier: string): DefinitionBlock | null {
  let found: DefinitionBlock | null = null;
  doc.descendants((node, pos) => {
    if (found) return false;
    if (node.type.name === 'raw_block' && node.attrs.kind === 'definition') {
      const def = definitionIn(node.attrs.value as string);
      if (def && def.identifier === identifier) found = { pos, node, url: def.url };
      return false;
    }
    return !node.isTextblock;
  });
  return found;
}

/** How many links (runs of linked words) use the definition of `identifier`. */
export function referenceUses(doc: PmNode, identifier: string): number {
  let uses = 0;
  doc.descendants((node) => {
    if (!node.isTextblock) return true;
    let inLink = false;
    node.forEach((child) => {
      const mark = refMark(child.marks);
      const here = mark !== undefined && referenceIdentifier(mark.attrs.label as string) === identifier;
      if (here && !inLink) uses++;
      inLink = here;
    });
    return false;
  });
  return uses;
}

const refMark = (marks: readonly Mark[]) => marks.find((m) => m.type.name === 'link_ref');

/** The definition's text with `href` as its address, or null when no way of writing it reads back as `href`. */
export function rewriteDefinition(source: string, href: string): string | null {
  // `[label]:`, spaces and at most one line break, then the address: `<…>` or a run without spaces.
  const m = /^([ \t]{0,3}\[(?:[^[\]\\]|\\[\s\S])+\]:[ \t]*(?:\r?\n[ \t]*)?)(<(?:[^<>\n\\]|\\.)*>|[^\s<]\S*)/.exec(source);
  if (!m) return null;
  const rest = source.slice(m[0].length);
  const bracketed = m[2].startsWith('<');
  const plain = href.replace(/[\\<>]/g, (c) => `\\${c}`);
  const forms = [bracketed ? `<${plain}>` : href, `<${plain}>`];
  for (const dest of forms) {
    const text = m[1] + dest + rest;
    if (definitionIn(text)?.url === href) return text;
  }
  return null;
}

export type SetAddressResult = { ok: true; uses: number } | { ok: false; reason: string };

/**
 * Points the reference `label` to `href`: its definition line gets the new address, and every
 * link that uses it shows it. Returns why not when the post has no definition for it, or the
 * address cannot be written there.
 */
export function setReferenceAddress(tr: Transform, label: string, href: string): SetAddressResult {
  const identifier = referenceIdentifier(label);
  const def = findDefinition(tr.doc, identifier);
  if (!def) return { ok: false, reason: `This link's address is not written in this post ("[${label}]" has no address line), so it cannot be changed here.` };
  const value = rewriteDefinition(def.node.attrs.value as string, href);
  if (value === null) return { ok: false, reason: 'This address cannot be written in this link. Check it for line breaks.' };
  tr.setNodeMarkup(def.pos, undefined, { ...def.node.attrs, value });
  const uses = referenceUses(tr.doc, identifier);
  const doc = tr.doc;
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    const mark = refMark(node.marks);
    if (mark && referenceIdentifier(mark.attrs.label as string) === identifier && mark.attrs.href !== href) {
      tr.removeMark(pos, pos + node.nodeSize, mark);
      tr.addMark(pos, pos + node.nodeSize, mark.type.create({ ...mark.attrs, href }));
    }
    return false;
  });
  return { ok: true, uses };
}
