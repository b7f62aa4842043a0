// Property: open-and-save is the identity on generated markdown, and generated posts map every
// block 1:1 (so the identity does not come from the "could not map, keep as is" fallback).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { roundtripText } from '../../../engine/roundtrip-text';
import { Fragment, Slice, type Node as PmNode } from '@milkdown/kit/prose/model';
import { changedLines, engine } from './helpers';

/**
 * Inside a paired shortcode, and not in a quote: an edited quote whose nested quote followed
 * lazily gets a `>` line between them, at the top level as well (the block merge's doing, not
 * the shortcode's; see source-save.ts).
 */
function hasContainerAbove(doc: PmNode, pos: number): boolean {
  const $pos = doc.resolve(pos);
  let inside = false;
  for (let d = $pos.depth; d > 0; d--) {
    if ($pos.node(d).type.name === 'blockquote') return false;
    if ($pos.node(d).type.name === 'shortcode_container') inside = true;
  }
  return inside;
}

const word = fc.constantFrom('Driftwood', 'summit', 'Lanternfish', 'nets', 'tide', 'ferry', 'a&b', '50%', 'x_y', 'ünï', '🎉', 'שלום');
const inline = fc.oneof(
  word,
  word.map((w) => `*${w}*`),
  word.map((w) => `_${w}_`),
  word.map((w) => `**${w}**`),
  word.map((w) => `__${w}__`),
  word.map((w) => `\`${w}\``),
  word.map((w) => `[${w}](https://example.org/${encodeURIComponent(w)}?a=1&b=2)`),
  word.map((w) => `{{< ref "${w}" >}}`),
  fc.constant('<br>'),
  fc.constant('\\*'),
  fc.constant('&amp;'),
  fc.constant('https://example.org/q?x=1&y=2'),
);
const sentence = fc.array(inline, { minLength: 1, maxLength: 8 }).map((ws) => ws.join(' '));
const lineEnd = fc.constantFrom('', '  ', '\\');
const paragraph = fc.array(fc.tuple(sentence, lineEnd), { minLength: 1, maxLength: 3 }).map((ls) =>
  ls.map(([s, e], i) => (i < ls.length - 1 ? s + e : s)).join('\n'),
);
const heading = fc.tuple(fc.integer({ min: 1, max: 6 }), sentence, fc.boolean()).map(([l, s, closed]) => `${'#'.repeat(l)} ${s}${closed ? ` ${'#'.repeat(l)}` : ''}`);
const list = fc
  .tuple(fc.constantFrom('-', '*', '+', '1.', '1)'), fc.array(fc.tuple(sentence, fc.integer({ min: 0, max: 1 })), { minLength: 1, maxLength: 4 }))
  .map(([m, items]) => items.map(([s, nest], i) => (i > 0 && nest ? `  ${m.length > 1 ? '   ' : ''}- ${s}` : `${m} ${s}`)).join('\n'));
const code = fc.tuple(fc.constantFrom('```', '~~~'), fc.constantFrom('', 'go', 'go {linenos=true}'), sentence).map(([f, info, s]) => `${f}${info}\n${s}\n${f}`);
const quote = sentence.map((s) => `> ${s}\n> > ${s}`);
const html = fc.constantFrom('<div class="x">\n<p>hi</p>\n</div>', '<!-- a comment -->', '<img src="/a.png">');
const shortcode = fc.constantFrom('{{< figure src="a.png" title="T" >}}', '{{<youtube abc>}}', '{{% note %}}\ntext *x*\n{{% /note %}}', '{{< tip >}}\n\n- a\n\n{{< /tip >}}');
const rule = fc.constantFrom('---', '***', '___');
const table = sentence.map((s) => `| a | b |\n| --- | :-: |\n| ${s.replace(/\|/g, '')} | 2 |`);
const gap = fc.constantFrom('\n\n', '\n\n\n', '\n\n\n\n');
const alert = fc.tuple(fc.constantFrom('NOTE', 'TIP', 'WARNING'), sentence).map(([k, s]) => `> [!${k}]\n> ${s}`);
const leaf = fc.oneof(paragraph, paragraph, heading, list, code, quote, html, shortcode, rule, table, alert);
/** Paired shortcodes holding blocks (and pairs), their content indented or not (rich text in the editor). */
const indentLines = (text: string, indent: string) => text.split('\n').map((l) => (l === '' ? l : indent + l)).join('\n');
const pairOf = (inner: fc.Arbitrary<string>) =>
  fc
    .tuple(fc.constantFrom('{{% box %}}', '{{% tab name="A" %}}', '{{%details summary="S"%}}'), fc.array(fc.tuple(inner, gap), { minLength: 1, maxLength: 3 }), fc.constantFrom('', '  ', '\t'), fc.constantFrom('\n', '\n\n'))
    .map(([open, kids, indent, edge]) => {
      const name = /\{\{%\s*(\w+)/.exec(open)![1];
      const body = kids.map(([b, g], i) => (i < kids.length - 1 ? b + g : b)).join('');
      // A tab-indented body would be code to Markdown: only spaces indent the content.
      return `${open}${edge}${indentLines(body, indent === '\t' ? '' : indent)}${edge}{{% /${name} %}}`;
    });
const container = pairOf(fc.oneof(leaf, pairOf(leaf)));
// For the edit property: prose the block merge writes back exactly at the top level too (raw
// HTML inline, `&` in URLs, lazy quotes and lists that join into one loose list have top-level
// merge quirks of their own; lists inside shortcodes are covered by shortcode-containers.test.ts).
const plainSentence = fc.array(fc.oneof(word, word.map((w) => `*${w}*`), word.map((w) => `**${w}**`)), { minLength: 1, maxLength: 6 }).map((ws) => ws.join(' '));
const plainLeaf = fc.oneof(
  plainSentence,
  plainSentence.map((s) => `## ${s}`),
  shortcode,
);
const editablePost = fc
  .tuple(fc.array(fc.tuple(fc.oneof(plainLeaf, pairOf(fc.oneof(plainLeaf, pairOf(plainLeaf)))), gap), { minLength: 1, maxLength: 5 }), fc.boolean())
  .map(([blocks, crlf]) => {
    const text = blocks.map(([b, g]) => b + g).join('');
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  });
const block = fc.oneof(leaf, leaf, container);
const post = fc
  .tuple(fc.array(fc.tuple(block, gap), { minLength: 1, maxLength: 8 }), fc.constantFrom('', '\n', '\n\n'), fc.boolean())
  .map(([blocks, end, crlf]) => {
    const text = blocks.map(([b, g], i) => (i < blocks.length - 1 ? b + g : b)).join('') + end;
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  });

describe('roundtrip property', () => {
  it('an edit inside a paired shortcode changes only its line and reads back as typed', async () => {
    const e = await engine();
    let edited = 0;
    fc.assert(
      fc.property(editablePost, (text) => {
        const opened = e.open(text);
        expect(opened.parsed.unsafeReason).toBeNull();
        let at = -1;
        opened.parsed.doc.descendants((node, pos, parent) => {
          if (at !== -1) return false;
          if (node.isText && parent?.type.name === 'paragraph' && hasContainerAbove(opened.parsed.doc, pos)) at = pos;
          return true;
        });
        if (at === -1) return;
        edited++;
        const doc = opened.parsed.doc.replace(at, at, new Slice(Fragment.from(opened.parsed.doc.type.schema.text('Zq ')), 0, 0));
        const saved = opened.save(doc);
        const { removed, added } = changedLines(text.replace(/\r\n/g, '\n'), saved.replace(/\r\n/g, '\n'));
        expect(removed.length).toBe(1);
        expect(added.length).toBe(1);
        expect(added[0]).toContain('Zq ');
        // The same document, but for where the inner content sits in the file (it moved by the edit).
        const shape = (d: PmNode) => JSON.stringify(d.toJSON(), (k: string, v: unknown) => (k === 'inner' || k === 'ranges' ? undefined : v));
        expect(shape(e.open(saved).parsed.doc)).toBe(shape(doc));
      }),
      { numRuns: 120 },
    );
    expect(edited).toBeGreaterThan(20);
  });

  it('is the identity on generated posts, with every block mapped', async () => {
    const e = await engine();
    fc.assert(
      fc.property(post, (text) => {
        const r = roundtripText(e, text);
        expect(r.unsafeReason).toBeNull();
        expect(r.output).toBe(text);
      }),
      { numRuns: 150 },
    );
  });

  it('is the identity on arbitrary markdown-ish text', async () => {
    const e = await engine();
    const chars = fc.constantFrom(...'ab *_#->`~[]()!<>{}%/\\|&\n\n\r\t 1.'.split(''));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 80 }).map((cs) => cs.join('')), (text) => {
        expect(roundtripText(e, text).output).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});
