// Shared helpers for editor tests: the headless engine, simple document edits done as
// ProseMirror transforms, and a count of changed lines between two texts.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diffLines } from 'diff';
import { expect } from 'vitest';
import { Node as PmNode } from '@milkdown/kit/prose/model';
import { Transform } from '@milkdown/kit/prose/transform';
import { headlessEngine } from '../../../electron/cli/install-dom';
import { insertWord, textBlocks } from '../../../electron/cli/checks/edit-check';
import { sameBlock } from '../../../engine/block-check';

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

/** A post opened in the headless engine, checked to be editable (no unsafe reason). */
export async function openSafely(body: string) {
  const e = await engine();
  const opened = e.open(body);
  expect(opened.parsed.unsafeReason).toBeNull();
  return { e, opened };
}

/**
 * Types a word at every position of every text block of `body` (one at a time), saves each
 * source-preservingly, and checks that the saved text parses back to the edited document.
 * `check(saved)` adds what the caller wants kept (e.g. definition lines never rewritten).
 */
export async function expectEveryInsertReadsBack(body: string, check: (saved: string) => void = () => {}): Promise<void> {
  const { e, opened } = await openSafely(body);
  const doc = opened.parsed.doc;
  for (const block of textBlocks(doc)) {
    const size = block.node.content.size;
    for (let i = 0; i <= size; i++) {
      const edited = insertWord(doc, block, () => (i + 0.5) / (size + 1), 'fog');
      const saved = opened.save(PmNode.fromJSON(doc.type.schema, edited.toJSON()));
      const back = e.core.parse(saved).doc;
      expect(back.childCount, saved).toBe(edited.childCount);
      for (let k = 0; k < edited.childCount; k++) expect(sameBlock(back.child(k), edited.child(k)), saved).toBe(true);
      check(saved);
    }
  }
}

