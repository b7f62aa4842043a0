// Shared helpers for editor tests: the headless engine, simple document edits done as
// ProseMirror transforms, and a count of changed lines between two texts.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diffLines } from 'diff';
import type { Node as PmNode } from '@milkdown/kit/prose/model';
import { Transform } from '@milkdown/kit/prose/transform';
import { headlessEngine } from '../../../electron/cli/install-dom';

export const fixturesDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'editor');
export const fixture = (name: string) => readFileSync(join(fixturesDir, name), 'utf8');
export const engine = () => headlessEngine();

/** Replaces the first occurrence of `find` (inside one text node) with `replace`. */
export function replaceText(doc: PmNode, find: string, replace: string): PmNode {
  let at = -1;
  doc.descendants((node, pos) => {
    if (at !== -1) return false;
    if (node.isText && node.text!.includes(find)) at = pos + node.text!.indexOf(find);
    return true;
  });
  if (at === -1) throw new Error(`"${find}" not found in the document`);
  const schema = doc.type.schema;
  const tr = new Transform(doc).replaceWith(at, at + find.length, schema.text(replace, doc.resolve(at + 1).marks()));
  return tr.doc;
}

/** Sets attributes of the first node matching `pred`. */
export function setAttrs(doc: PmNode, pred: (n: PmNode) => boolean, attrs: Record<string, unknown>): PmNode {
  let at = -1;
  doc.descendants((node, pos) => {
    if (at === -1 && pred(node)) at = pos;
    return at === -1;
  });
  if (at === -1) throw new Error('node not found');
  const node = doc.nodeAt(at)!;
  return new Transform(doc).setNodeMarkup(at, undefined, { ...node.attrs, ...attrs }).doc;
}

/** Number of lines removed and added between `a` and `b`. */
export function changedLines(a: string, b: string): { removed: string[]; added: string[] } {
  const removed: string[] = [];
  const added: string[] = [];
  for (const part of diffLines(a, b)) {
    const lines = part.value.replace(/\n$/, '').split('\n');
    if (part.removed) removed.push(...lines);
    if (part.added) added.push(...lines);
  }
  return { removed, added };
}
