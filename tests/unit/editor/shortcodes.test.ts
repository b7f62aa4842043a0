// Shortcode scanning and parameter rewriting (pure), plus style detection for new blocks.
import { describe, expect, it } from 'vitest';
import { findClosingTag, pairShortcodes, scanShortcode } from '../../../shared/markdown/shortcode-scan';
import { parseShortcode, removeShortcodeParam, setShortcodeParam } from '../../../shared/markdown/shortcode-params';
import { detectEol, detectStyle } from '../../../shared/markdown/style';
import { engine } from './helpers';

describe('shortcode scanner', () => {
  it('reads tags with and without spaces, both delimiters, closing and self-closing', () => {
    expect(scanShortcode('{{<figure src="a.png">}}', 0)).toMatchObject({ name: 'figure', delim: '<', end: 24 });
    expect(scanShortcode('{{% notice tip %}}', 0)).toMatchObject({ name: 'notice', delim: '%', closing: false });
    expect(scanShortcode('{{< /note >}}', 0)).toMatchObject({ name: 'note', closing: true });
    expect(scanShortcode('{{< gallery dir="x" />}}', 0)).toMatchObject({ name: 'gallery', selfClosing: true });
    expect(scanShortcode('{{< x title="a >}} b" >}}', 0)?.end).toBe(25);
    expect(scanShortcode('{{</* figure */>}}', 0)).toBeNull();
  });

  it('finds the matching closing tag across nesting', () => {
    const text = '{{< box >}}a{{< box >}}b{{< /box >}}c{{< /box >}}';
    const open = scanShortcode(text, 0)!;
    expect(findClosingTag(text, open)?.start).toBe(text.lastIndexOf('{{'));
  });

  it('pairs every opener in one pass exactly as findClosingTag does', () => {
    const text = '{{< box >}}a{{< figure src="x" >}}{{< box >}}b{{< /box >}}c{{< /box >}}{{% note %}}{{< box >}}';
    const pairs = pairShortcodes(text);
    for (let i = text.indexOf('{{'); i !== -1; i = text.indexOf('{{', i + 2)) {
      const tag = scanShortcode(text, i);
      if (tag && !tag.closing && !tag.selfClosing) expect(pairs.get(i)).toEqual(findClosingTag(text, tag));
    }
    expect([...pairs.values()].filter(Boolean)).toHaveLength(2);
  });

  it('writes an edited paragraph with shortcodes on consecutive lines back on those lines', async () => {
    const e = await engine();
    const body = 'Buttons: {{< button href="/" >}}\n{{< button href="/b" >}} and [the venue][v].\n\n[v]: /venue\n';
    const opened = e.open(body);
    const para = opened.parsed.doc.child(0);
    expect(e.core.serializeBlock(para, opened.snapshot.style)).toBe(body.split('\n\n')[0]);
    // Text that reads `{{%` is escaped so that it does not become a shortcode.
    const text = e.open("Written as '{{&#37;' in the docs.\n").parsed.doc.child(0);
    expect(e.core.serializeBlock(text, opened.snapshot.style)).toBe("Written as '{{\\%' in the docs.");
  });

  it('parses inline shortcodes inside a sentence without touching markdown around them', async () => {
    const e = await engine();
    const { doc } = e.open('Read {{<ref "a_b_c.md">}} and *this*.\n').parsed;
    const types: string[] = [];
    doc.child(0).forEach((n) => types.push(n.type.name));
    expect(types).toEqual(['text', 'shortcode_inline', 'text', 'text', 'text']);
  });
});

describe('shortcode parameters', () => {
  it('rewrites one parameter in its own quoting and spacing', () => {
    const tag = '{{<figure  src="a.png"   title=`Raw` class=wide >}}';
    expect(setShortcodeParam(tag, 'title', 'New')).toBe('{{<figure  src="a.png"   title=`New` class=wide >}}');
    expect(setShortcodeParam(tag, 'class', 'two words')).toBe('{{<figure  src="a.png"   title=`Raw` class="two words" >}}');
    expect(setShortcodeParam(tag, 'src', 'say "hi".png')).toBe('{{<figure  src="say \\"hi\\".png"   title=`Raw` class=wide >}}');
    expect(setShortcodeParam('{{< youtube abc >}}', 0, 'xyz')).toBe('{{< youtube xyz >}}');
    expect(setShortcodeParam('{{< note >}}', 'kind', 'tip')).toBe('{{< note kind="tip" >}}');
    expect(removeShortcodeParam(tag, 'class')).toBe('{{<figure  src="a.png"   title=`Raw` >}}');
  });

  it('rewrites only the opening tag of a paired shortcode', () => {
    const block = '{{< note title="A" >}}\nText {{< ref "x" >}}\n{{< /note >}}';
    expect(setShortcodeParam(block, 'title', 'B')).toBe('{{< note title="B" >}}\nText {{< ref "x" >}}\n{{< /note >}}');
    expect(parseShortcode(block)?.params).toHaveLength(1);
  });
});

describe('style detection', () => {
  it('finds the file’s bullet, emphasis, fence and rule habits and its line ending', () => {
    const text = '* a\n* b\n\n_em_ and __strong__\n\n~~~\ncode\n~~~\n\n***\n';
    expect(detectStyle(text)).toMatchObject({ bullet: '*', emphasis: '_', strong: '_', fence: '~', rule: '*' });
    expect(detectEol('a\r\nb\r\nc\n')).toBe('\r\n');
    expect(detectEol('a\nb')).toBe('\n');
  });
});
