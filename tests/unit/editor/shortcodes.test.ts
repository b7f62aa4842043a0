// Shortcode scanning and parameter rewriting (pure), plus style detection for new blocks.
import { describe, expect, it } from 'vitest';
import { findClosingTag, scanShortcode } from '../../../shared/markdown/shortcode-scan';
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
