// A long post opens piece by piece (engine/progressive-open.ts). The pieces must
// give exactly the document and block offsets of a whole parse, or the post is parsed whole; a
// save before the rest is read writes the rest back as it was; an edit made meanwhile is kept.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Node as PmNode } from '@milkdown/kit/prose/model';
import { loadRest, parseFirstPiece, type ParsedRest } from '../../../engine/progressive-open';
import { FIRST_PIECE_CHARS, PIECES_MIN_CHARS, mayBeOpen, pieceCuts } from '../../../engine/piece-cuts';
import type { MarkdownCore } from '../../../engine/markdown-core';
import { recapBody } from '../../bench/ui/generate-posts';
import { changedLines, engine, fixturesDir } from './helpers';
import { postEditorHarness } from './post-editor-harness';

const fixtureBodies = readdirSync(fixturesDir).map((f) => readFileSync(join(fixturesDir, f), 'utf8'));

/** A long body: the fixtures without reference definitions, then generated talks. */
function longBody(): string {
  return `Opening words of the recap.\n\n${fixtureBodies.filter((b) => !b.includes(']:') && b.charCodeAt(0) !== 0xfeff).join('\n\n')}\n\n${recapBody(140_000, 11)}\nClosing words of the recap.\n`;
}

const children = (doc: PmNode) => {
  const out: PmNode[] = [];
  doc.forEach((n) => out.push(n));
  return out;
};

/** Opens `body` piecewise with `cutAt`, reading the rest at once; the blocks and offsets. */
function piecewise(core: MarkdownCore, body: string, cutAt: (b: string) => number[]) {
  const first = parseFirstPiece(core, body, cutAt);
  let rest: ParsedRest = { nodes: [], ranges: [], unsafeReason: null };
  if (first.restStart < body.length) loadRest(core, body, first, (r) => (rest = r), (task) => task(), (task) => task());
  return {
    pieces: first.restStart < body.length,
    nodes: [...children(first.parsed.doc), ...rest.nodes],
    ranges: [...first.parsed.ranges, ...rest.ranges],
    unsafe: first.parsed.unsafeReason ?? rest.unsafeReason,
  };
}

function expectWhole(core: MarkdownCore, body: string, cutAt: (b: string) => number[]) {
  const whole = core.parse(body);
  const got = piecewise(core, body, cutAt);
  expect(got.unsafe).toBe(whole.unsafeReason);
  expect(got.ranges).toEqual(whole.ranges);
  expect(got.nodes.length).toBe(whole.doc.childCount);
  got.nodes.forEach((n, i) => expect(n.eq(whole.doc.child(i)), `block ${i}`).toBe(true));
  return got;
}

describe('cutting a long post into pieces', () => {
  it('cuts only at a heading that follows a blank line, and not at all with reference definitions', () => {
    const body = longBody();
    const cuts = pieceCuts(body);
    expect(cuts.length).toBeGreaterThan(3);
    for (const at of cuts) expect(body.slice(at - 2, at + 2)).toMatch(/^\n\n#{1,6}/);
    expect(cuts[0]).toBeGreaterThanOrEqual(FIRST_PIECE_CHARS);
    expect(pieceCuts(body.slice(0, PIECES_MIN_CHARS))).toEqual([]);
    expect(pieceCuts(`${body}\n[slides]: https://example.com/slides\n`)).toEqual([]);
    expect(pieceCuts(`\ufeff${body}`)).toEqual([]);
  });

  it('tells a block that may still be open at its end', () => {
    expect(mayBeOpen('```js\nlet a = 1;')).toBe(true);
    expect(mayBeOpen('```js\nlet a = 1;\n```')).toBe(false);
    expect(mayBeOpen('~~~~\nx\n~~~')).toBe(true);
    expect(mayBeOpen('<!-- a note\n\nstill the note')).toBe(true);
    expect(mayBeOpen('<pre>\nx\n</pre>')).toBe(false);
    expect(mayBeOpen('A plain paragraph.')).toBe(false);
  });

  it('gives the whole parse, block by block and offset by offset, at every cut', async () => {
    const { core } = await engine();
    for (const body of [longBody(), longBody().replace(/\n/g, '\r\n')]) {
      // Small pieces: every heading after a blank line becomes a cut.
      const got = expectWhole(core, body, (b) => pieceCuts(b, 200, 1));
      expect(got.pieces).toBe(true);
    }
  });

  it('parses whole when a piece would end inside an open fence or comment', async () => {
    const { core } = await engine();
    const talks = recapBody(30_000, 3);
    for (const opener of ['```text', '<!-- draft notes']) {
      const body = `Intro paragraph.\n\n${opener}\nstill inside\n\n# Not a heading\n\n${talks}`;
      const got = expectWhole(core, body, (b) => pieceCuts(b, 10, 1));
      if (opener.startsWith('```')) expect(got.nodes[1].type.name).toBe('code_block');
    }
  });

  it('never cuts between a paired shortcode\'s tags (they make one block)', async () => {
    const { core } = await engine();
    const body = `Intro.\n\n{{< note >}}\n\nInside the note.\n\n## A heading inside the note\n\nMore.\n\n{{< /note >}}\n\n${recapBody(20_000, 5)}`;
    const inner = body.indexOf('## A heading inside');
    expect(pieceCuts(body, 1, 1)).not.toContain(inner);
    expect(pieceCuts(body, 1, 1).length).toBeGreaterThan(3);
    expectWhole(core, body, (b) => pieceCuts(b, 1, 1));
    // Cut there anyway: the first piece ends with the note's lone opening tag, the whole
    // parse has one note block, so the pieces are not what the editor shows.
    expect(core.parse(body.slice(0, inner)).doc.childCount + core.parse(body.slice(inner)).doc.childCount).toBeGreaterThan(core.parse(body).doc.childCount);
  });

  it('reads the rest whole when a cut turns out not to lead with its heading', async () => {
    const { core } = await engine();
    const body = longBody();
    const good = pieceCuts(body);
    // The second cut in the middle of a paragraph: that piece is refused, the rest read whole.
    const bad = body.indexOf('hallway track', good[1]);
    expectWhole(core, body, () => [good[0], bad]);
  });
});

describe('the post editor on a long post', () => {
  const editors = postEditorHarness();
  const dom = editors.dom;

  async function open(body: string) {
    let changes = 0;
    const { h, root } = await editors.open(body, { onChange: () => changes++ });
    return { h, changes: () => changes, root };
  }

  it('shows the start at once, saves the whole post unchanged meanwhile, then holds every block', async () => {
    const body = longBody();
    const { core } = await engine();
    const whole = core.parse(body).doc;
    const { h, changes } = await open(body);
    expect(h.getText().length).toBeLessThan(whole.textContent.length / 2);
    expect(h.getBody()).toBe(body);
    expect(h.isDirty()).toBe(false);
    await h.whenLoaded;
    expect(h.getText()).toBe(whole.textBetween(0, whole.content.size, '\n', ' '));
    expect(h.getBody()).toBe(body);
    expect(h.isDirty()).toBe(false);
    expect(h.unsafeReason).toBeNull();
    // Told once, so the app counts words and finds again.
    expect(changes()).toBe(1);
  });

  it('keeps an edit made before the rest is read, with the rest exactly as it was', async () => {
    const body = longBody();
    const { h } = await open(body);
    expect(h.integration!.replaceLiteral('Opening words of the recap.', 'Opening words of the recap. Edited early.')).toBe(1);
    const expected = (b: string) => changedLines(body, b);
    const early = h.getBody();
    expect(expected(early).added).toHaveLength(1);
    expect(expected(early).removed).toHaveLength(1);
    await h.whenLoaded;
    expect(h.getBody()).toBe(early);
    expect(h.isDirty()).toBe(true);
    // Undo goes back to the exact file: reading the rest in is not a step of its own.
    h.commands.undo();
    expect(h.getBody()).toBe(body);
    expect(h.isDirty()).toBe(false);
  });

  it('reads the rest at once when the writer searches, replaces or jumps before it is in', async () => {
    const body = longBody();
    const { h } = await open(body);
    expect(h.getText()).not.toContain('Closing words of the recap.');
    const found = h.integration!.find({ query: 'Closing words of the recap.', matchCase: true, wholeWord: false });
    expect(found).toEqual({ count: 1, current: 1 });
    expect(h.getText()).toContain('Closing words of the recap.');
    await h.whenLoaded;
    h.integration!.clearFind();
    expect(h.getBody()).toBe(body);
    expect(h.isDirty()).toBe(false);
  });

  it('reads the rest of a post that is not long at the first key, so the key acts on all of it', async () => {
    const body = `Opening words of the recap.\n\n${recapBody(12_000, 4)}\nClosing words of the recap.\n`;
    const { h } = await open(body);
    expect(h.whenLoaded).toBeDefined();
    expect(h.getText()).not.toContain('Closing words of the recap.');
    const pm = dom.querySelector('.ProseMirror')!;
    pm.dispatchEvent(new dom.defaultView!.KeyboardEvent('keydown', { key: 'End', ctrlKey: true, bubbles: true }));
    expect(h.getText()).toContain('Closing words of the recap.');
    await h.whenLoaded;
    expect(h.getBody()).toBe(body);
  });

  it('keeps where a click put the caret when the rest joins before the editor has read that click', async () => {
    // A click moves the page's caret at once; ProseMirror reads it from a later selectionchange
    // event. The rest joining in between must not put the caret back where ProseMirror last had
    // it (the post's start), or the writer's words land there. Here the rest joins at the first
    // key (a post that is not long), pressed before that event, as a quick writer's may be.
    const body = `Opening words of the recap.\n\nThe second paragraph, clicked.\n\n${recapBody(12_000, 4)}\nClosing words of the recap.\n`;
    const { h } = await open(body);
    expect(h.whenLoaded).toBeDefined();
    const pm = dom.querySelector<HTMLElement>('.ProseMirror')!;
    pm.focus();
    const text = [...pm.querySelectorAll('p')].find((p) => p.textContent === 'The second paragraph, clicked.')!.firstChild!;
    dom.getSelection()!.collapse(text, 10);
    pm.dispatchEvent(new dom.defaultView!.KeyboardEvent('keydown', { key: 'x', bubbles: true, cancelable: true }));
    expect(h.getText()).toContain('Closing words of the recap.');
    const sel = dom.getSelection()!;
    expect(sel.anchorNode === text && sel.anchorOffset).toBe(10);
    await h.whenLoaded;
  });

  it('opens a short post whole', async () => {
    const { h } = await open(`Just a few lines.\n\n## A heading\n\n${'Words and more words. '.repeat(100)}\n`);
    expect(h.whenLoaded).toBeUndefined();
  });

  it('edits the rest, once read, as any post: one changed line', async () => {
    const body = longBody();
    const { h } = await open(body);
    await h.whenLoaded;
    expect(h.integration!.replaceLiteral('Closing words of the recap.', 'Closing words of the recap. Edited late.')).toBe(1);
    const diff = changedLines(body, h.getBody());
    expect(diff.added).toHaveLength(1);
    expect(diff.added[0]).toMatch(/Edited late\.$/);
  });

  it('stops reading when the post is closed before the rest is in', async () => {
    const body = longBody();
    const { h, root } = await open(body);
    let read = false;
    void h.whenLoaded!.then(() => (read = true));
    expect(root.getAttribute('aria-busy')).toBe('true');
    h.destroy();
    // The same post opened again after the first was closed reads its rest on the same timers,
    // piece for piece: once its rest is in, the first one's would be too had it not stopped.
    const { h: again } = await open(body);
    await again.whenLoaded;
    expect(read).toBe(false);
    expect(root.getAttribute('aria-busy')).toBe('true');
  });
});

