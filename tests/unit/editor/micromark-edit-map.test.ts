// The linear EditMap.consume gives micromark exactly the event lists the original gives: on random
// edit maps, and on whole posts (the mdast of long lists, quotes and lazy lines is unchanged).
import { describe, expect, it } from 'vitest';
import { EditMap } from 'micromark-util-edit-map';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { consumeFromFirstEdit, installLinearEditMap } from '../../../engine/micromark-edit-map';

const originalConsume = EditMap.prototype.consume;

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 2 ** 32;
  };
}

type Event = Parameters<EditMap['add']>[2][number];
const ev = (n: number) => n as unknown as Event;

function randomEdits(rand: () => number, length: number): Array<[number, number, number[], boolean]> {
  const edits: Array<[number, number, number[], boolean]> = [];
  const count = 1 + Math.floor(rand() * 4);
  for (let i = 0; i < count; i++) {
    const at = Math.floor(rand() * (length + 1));
    const remove = Math.floor(rand() * Math.min(4, length - at + 1));
    const add = Array.from({ length: Math.floor(rand() * 3) }, () => 1000 + Math.floor(rand() * 1000));
    edits.push([at, remove, add, rand() < 0.3]);
  }
  return edits;
}

function apply(consume: (this: EditMap, events: Event[]) => void, events: number[], edits: Array<[number, number, number[], boolean]>): number[] {
  const map = new EditMap();
  for (const [at, remove, add, before] of edits) {
    if (before) map.addBefore(at, remove, add.map(ev));
    else map.add(at, remove, add.map(ev));
  }
  const list = events.map(ev);
  consume.call(map, list);
  return list as unknown as number[];
}

const LONG_POST = Array.from({ length: 60 }, (_, i) =>
  [
    `## Session ${i}`,
    '',
    `- talk ${i} by [a speaker](https://example.org/${i})`,
    `lazy line of talk ${i}`,
    `- second talk with *emphasis* and www.example.com/${i}`,
    '  - nested item',
    '',
    `> a quote ${i}`,
    'lazy quote line',
    '',
    `1. first\n2. second\n\n| a | b |\n| - | - |\n| ${i} | x |\n`,
  ].join('\n'),
).join('\n');

const parse = (text: string) => JSON.stringify(unified().use(remarkParse).use(remarkGfm).parse(text));

describe('linear EditMap.consume', () => {
  it('gives the same events as the original on random edit maps', () => {
    const rand = random(7);
    for (let round = 0; round < 2000; round++) {
      const events = Array.from({ length: Math.floor(rand() * 12) }, (_, i) => i);
      const edits = randomEdits(rand, events.length);
      expect(apply(consumeFromFirstEdit as never, events, edits), JSON.stringify(edits)).toEqual(apply(originalConsume, events, edits));
    }
  });

  it('parses a long post to the same tree once installed', () => {
    const before = parse(LONG_POST);
    installLinearEditMap();
    expect(EditMap.prototype.consume).toBe(consumeFromFirstEdit);
    expect(parse(LONG_POST)).toBe(before);
  });
});
