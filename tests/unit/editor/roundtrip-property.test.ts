// Property: open-and-save is the identity on generated markdown, and generated posts map every
// block 1:1 (so the identity does not come from the "could not map, keep as is" fallback).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { roundtripText } from '../../../engine/roundtrip-text';
import { engine } from './helpers';

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
const block = fc.oneof(paragraph, paragraph, heading, list, code, quote, html, shortcode, rule, table);
const gap = fc.constantFrom('\n\n', '\n\n\n', '\n\n\n\n');
const post = fc
  .tuple(fc.array(fc.tuple(block, gap), { minLength: 1, maxLength: 8 }), fc.constantFrom('', '\n', '\n\n'), fc.boolean())
  .map(([blocks, end, crlf]) => {
    const text = blocks.map(([b, g], i) => (i < blocks.length - 1 ? b + g : b)).join('') + end;
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  });

describe('roundtrip property', () => {
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
