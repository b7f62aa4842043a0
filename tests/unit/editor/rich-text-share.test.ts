// richTextShare: the share of Markdown prose the editor shows as editable rich text. What counts
// as prose (and what is markup, code or a template's own input), and that the editable part is
// read from the editor's real document, so it rises when a shortcode body becomes rich text.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { editableChars, maskShortcodes, richTextCount } from '../../../electron/cli/checks/rich-text-share';
import { innerIsMarkdownFor, shortcodeMapFor, siteRootOf } from '../../../electron/cli/checks/shortcode-inner';
import { run } from '../../../electron/cli/commands/roundtrip';
import { engine } from './helpers';

const names = innerIsMarkdownFor({});
const letters = (s: string) => s.replace(/\s/g, '').length;

describe('richTextShare', () => {
  it('counts the text a reader reads: headings, paragraphs, lists, quotes, tables, footnotes, link text and inline code', async () => {
    const e = await engine();
    const body = '# Harbour\n\nSome **bold** and `code` with [a link](https://example.org/long/url).[^1]\n\n- one\n  > two\n\n| a | b |\n| - | - |\n| c | d |\n\n[^1]: Note.\n';
    const prose = letters('Harbour' + 'Some bold and code with a link.' + 'one' + 'two' + 'abcd' + 'Note.');
    expect(richTextCount(e, body, names)).toEqual({ prose, editable: prose });
  });

  it('leaves out code, raw HTML, comments and image text: they are not prose', async () => {
    const e = await engine();
    const body = 'Words here.\n\n```go\nfmt.Println("x")\n```\n\n    indented code\n\n<div class="x">\n<p>html</p>\n</div>\n\n<!-- a comment -->\n\n![alt text](a.png)\n';
    expect(richTextCount(e, body, names)).toEqual({ prose: letters('Words here.'), editable: letters('Words here.') });
  });

  it('counts a Markdown shortcode body as prose and its tag lines as markup; the body is rich text in its card', async () => {
    const e = await engine();
    const body = 'Before.\n\n{{% notice info %}}\nInner **text** here.\n{{% /notice %}}\n\nAfter {{< ref "x" >}}.\n';
    const count = richTextCount(e, body, names);
    expect(count.prose).toBe(letters('Before.' + 'Inner text here.' + 'After.'));
    expect(count.editable).toBe(letters('Before.' + 'Inner text here.' + 'After.'));
  });

  it("leaves out the inner content of shortcodes whose template does not render Markdown", async () => {
    const e = await engine();
    const body = 'Text.\n\n{{< highlight go >}}\nfunc main() {}\n{{< /highlight >}}\n\n{{< mermaid >}}\ngraph TD; A-->B\n{{< /mermaid >}}\n';
    expect(richTextCount(e, body, names)).toEqual({ prose: letters('Text.'), editable: letters('Text.') });
    // Masking keeps every offset, so positions still point into the body.
    expect(maskShortcodes(body, names).length).toBe(body.length);
  });

  it('reads the template from the site on disk, as the app does: markdownify or RenderString means Markdown', async () => {
    const site = mkdtempSync(join(tmpdir(), 'pw-share-'));
    writeFileSync(join(site, 'hugo.toml'), 'title = "x"\ntheme = "t"\n');
    mkdirSync(join(site, 'layouts', 'shortcodes'), { recursive: true });
    mkdirSync(join(site, 'themes', 't', 'layouts', 'shortcodes'), { recursive: true });
    mkdirSync(join(site, 'content', 'posts'), { recursive: true });
    writeFileSync(join(site, 'layouts', 'shortcodes', 'box.html'), '<div>{{ .Inner | markdownify }}</div>');
    writeFileSync(join(site, 'layouts', 'shortcodes', 'mermaid.html'), '<div>{{ .Inner | .Page.RenderString }}</div>');
    writeFileSync(join(site, 'themes', 't', 'layouts', 'shortcodes', 'plain.html'), '<pre>{{ .Inner }}</pre>');
    expect(siteRootOf(join(site, 'content', 'posts', 'a.md'))).toBe(site);
    const resolve = innerIsMarkdownFor(await shortcodeMapFor(site));
    expect(resolve('box', '<')).toBe(true);
    expect(resolve('plain', '<')).toBe(false);
    // The site's own template wins over the conventional name.
    expect(resolve('mermaid', '<')).toBe(true);
    expect(resolve('plain', '%')).toBe(true);
    expect(names('callout', '<')).toBe(true);
    expect(names('chart.inline', '<')).toBe(false);
    // Config samples and Hugo's qr (its inner text is encoded into an image) are not prose.
    expect(names('code-toggle', '<')).toBe(false);
    expect(names('qr', '<')).toBe(false);
  });

  it('with no site on disk, the table of popular themes decides, for the editor and the figure alike', async () => {
    const map = await shortcodeMapFor(null);
    expect(map.admonition).toBe('markdown');
    // Themes disagree on `alert` (Markdown in Blowfish, as written in Docsy, which asks for
    // `{{% alert %}}` for Markdown): a `{{< alert >}}` body is Markdown in the theme that renders it.
    expect(map.alert).toBe('markdown');
    const e = await engine();
    const body = '{{< admonition tip >}}\nInner **text** here.\n{{< /admonition >}}\n';
    e.core.shortcodeInner = map;
    try {
      expect(richTextCount(e, body, innerIsMarkdownFor(map))).toEqual({ prose: letters('Inner text here.'), editable: letters('Inner text here.') });
    } finally {
      e.core.shortcodeInner = undefined;
    }
    // Told nothing, the editor shows that body as plain text: prose, but not rich text.
    expect(richTextCount(e, body, names)).toEqual({ prose: letters('Inner text here.'), editable: 0 });
  });

  it("measures the editor's document: when a shortcode body is rich text, it counts as editable", async () => {
    const e = await engine();
    const body = '{{% notice %}}\nInner **text** here.\n{{% /notice %}}\n';
    // The card holds the body as rich text (shortcode_container), so all of it is editable.
    expect(richTextCount(e, body, names)).toEqual({ prose: letters('Inner text here.'), editable: letters('Inner text here.') });
    const opened = e.core.parse(body);
    expect(editableChars(opened.doc)).toBe(letters('Inner text here.'));
    // A document where the body were an atom card would count none of it.
    const atom = e.core.parse('{{< figure src="a.png" >}}\n').doc;
    expect(editableChars(atom)).toBe(0);
  });

  it('is part of `postwright roundtrip --json`', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pw-share-'));
    writeFileSync(join(dir, 'a.md'), '---\ntitle: A\n---\nTwo words.\n\n{{% note %}}\nTwo more.\n{{% /note %}}\n');
    let out = '';
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => ((out += String(c)), true));
    try {
      expect(await run([dir, '--json'])).toBe(0);
    } finally {
      spy.mockRestore();
    }
    expect(JSON.parse(out).richTextShare).toBeCloseTo(1);
  });
});
