// Alert callouts are found again only in the blocks an edit touched (a long post's thousands of
// blocks are not walked on each key); after any sequence of edits the decorations are exactly
// those found by looking at the whole document.
import { describe, expect, it } from 'vitest';
import { Schema, type Node as PmNode } from '@milkdown/kit/prose/model';
import { EditorState } from '@milkdown/kit/prose/state';
import type { DecorationSet } from '@milkdown/kit/prose/view';
import { decorate, redecorate } from '../../../renderer/editor/views/alert-decorations';

const schema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    paragraph: { group: 'block', content: 'inline*' },
    blockquote: { group: 'block', content: 'block+' },
    shortcode_container: { group: 'block', content: 'block*' },
    text: { group: 'inline' },
    hardbreak: { group: 'inline', inline: true },
  },
});
const p = (t: string) => schema.node('paragraph', null, t ? [schema.text(t)] : []);
const quote = (t: string) => schema.node('blockquote', null, [p(t), p('second line')]);
/** `> [!TIP]` on its own line, then a soft break and the first sentence. */
const titled = (marker: string) => schema.node('blockquote', null, [schema.node('paragraph', null, [schema.text(marker), schema.node('hardbreak'), schema.text('Bring a jacket.')])]);

function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const shape = (set: DecorationSet) =>
  set
    .find()
    .map((d) => `${d.from}-${d.to}:${JSON.stringify((d as unknown as { type: { attrs: unknown } }).type.attrs)}`)
    .sort();

describe('alert decorations', () => {
  it('ends the label line when the marker stands on its own line, and only then', () => {
    const breaks = (quoteNode: PmNode) => decorate(schema.node('doc', null, [quoteNode])).find().filter((d) => JSON.stringify((d as unknown as { type: { attrs: unknown } }).type.attrs).includes('pw-alert-title-break'));
    const own = breaks(titled('[!TIP]'));
    expect(own).toHaveLength(1);
    expect([own[0].from, own[0].to]).toEqual([2 + '[!TIP]'.length, 3 + '[!TIP]'.length]); // the soft break itself
    // Text after the marker on the same line, then a break: the label runs into that text.
    expect(breaks(titled('[!TIP] Pack light'))).toHaveLength(0);
    expect(breaks(titled('Not an alert'))).toHaveLength(0);
  });

  it('after random edits (typing, deleting, making and breaking markers, whole blocks in and out) match a fresh look at the whole post', () => {
    const blocks: PmNode[] = [];
    for (let i = 0; i < 60; i++) {
      blocks.push(i % 11 === 0 ? titled('[!TIP]') : i % 5 === 0 ? quote(`[!NOTE] note ${i}`) : i % 7 === 0 ? schema.node('shortcode_container', null, [quote('[!TIP] inside')]) : i % 3 === 0 ? quote(`plain quote ${i}`) : p(`paragraph ${i}`));
    }
    let state = EditorState.create({ doc: schema.node('doc', null, blocks) });
    let set = decorate(state.doc);
    expect(shape(set).length).toBeGreaterThan(0);
    const r = seeded(7);
    for (let step = 0; step < 400; step++) {
      const size = state.doc.content.size;
      const at = 1 + Math.floor(r() * (size - 2));
      const $at = state.doc.resolve(at);
      let tr = state.tr;
      const kind = r();
      if (kind < 0.35 && $at.parent.inlineContent) tr = tr.insertText(r() < 0.5 ? '[!WARNING] ' : 'x', at);
      else if (kind < 0.6 && $at.parent.inlineContent && $at.parentOffset > 0) tr = tr.delete(at - 1, at);
      else if (kind < 0.75) {
        const i = Math.floor(r() * state.doc.childCount);
        let pos = 0;
        for (let k = 0; k < i; k++) pos += state.doc.child(k).nodeSize;
        tr = tr.insert(pos, r() < 0.5 ? quote('[!CAUTION] new') : p('new'));
      } else if (kind < 0.85 && state.doc.childCount > 2) {
        const i = Math.floor(r() * state.doc.childCount);
        let pos = 0;
        for (let k = 0; k < i; k++) pos += state.doc.child(k).nodeSize;
        tr = tr.delete(pos, pos + state.doc.child(i).nodeSize);
      } else {
        tr = tr.deleteRange(Math.max(1, at - 5), Math.min(size - 1, at + 5));
      }
      if (!tr.docChanged) continue;
      set = redecorate(tr, set);
      state = state.apply(tr);
      expect(shape(set), `step ${step}`).toEqual(shape(decorate(state.doc)));
    }
  });
});
