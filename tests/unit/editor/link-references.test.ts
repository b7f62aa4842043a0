// Reference-style links (`[text][ref]`, `[text][]`, `[text]`) are editable rich text: their words
// are text with a link mark that remembers the reference, not a read-only piece of source. An
// edit of the words changes only that line, keeps the reference form (never an inline `(url)`)
// and never touches the definition line; a `[text][]` or `[text]` whose words change still
// points to its definition. Edits anywhere in such a paragraph read back as typed.
import { describe, expect, it } from 'vitest';
import { Node as PmNode } from '@milkdown/kit/prose/model';
import { changedLines, expectEveryInsertReadsBack, openSafely, replaceText } from './helpers';
import { editableChars } from '../../../electron/cli/checks/rich-text-share';

const BODY = [
  'Hugo uses the [Go][] language and the [html/template][gohtml] library, see [Templates].',
  '',
  'A list:',
  '',
  '- [**Sketch**][] for design, [Hugo *docs*][hugo] for *everything*',
  '- the [Go][] docs',
  '',
  '[go]: https://go.dev',
  '[gohtml]: https://pkg.go.dev/html/template "Go templates"',
  '[templates]: /templates/',
  '[**sketch**]: https://www.sketch.com/',
  '[hugo]: <https://gohugo.io/> (Hugo)',
  '',
].join('\n');

const open = (body = BODY) => openSafely(body);

describe('reference-style links', () => {
  it('open as link text the writer can edit, with the address of their definition', async () => {
    const { opened } = await open();
    const first = opened.parsed.doc.child(0);
    const links: Array<{ text: string; label: string; href: string }> = [];
    first.forEach((n) => {
      const m = n.marks.find((k) => k.type.name === 'link_ref');
      if (m) links.push({ text: n.text!, label: m.attrs.label as string, href: m.attrs.href as string });
    });
    expect(links).toEqual([
      { text: 'Go', label: 'Go', href: 'https://go.dev' },
      { text: 'html/template', label: 'gohtml', href: 'https://pkg.go.dev/html/template' },
      { text: 'Templates', label: 'Templates', href: '/templates/' },
    ]);
    let raw = 0;
    opened.parsed.doc.descendants((n) => void (n.type.name === 'raw_inline' && raw++));
    expect(raw).toBe(0);
    // All of the paragraph's words are editable text.
    expect(editableChars(first)).toBe(first.textContent.replace(/\s/g, '').length);
  });

  it('save unchanged, byte for byte', async () => {
    const { opened } = await open();
    expect(opened.save(PmNode.fromJSON(opened.parsed.doc.type.schema, opened.parsed.doc.toJSON()))).toBe(BODY);
  });

  it('an edit of the words of `[text][ref]` changes only that line, and keeps the reference', async () => {
    const { opened } = await open();
    const out = opened.save(replaceText(opened.parsed.doc, 'html/template', 'html templates'));
    expect(changedLines(BODY, out)).toEqual({
      removed: [BODY.split('\n')[0]],
      added: [BODY.split('\n')[0].replace('[html/template][gohtml]', '[html templates][gohtml]')],
    });
  });

  it('`[text][]` and `[text]` whose words change still point to their definition; the definition line is untouched', async () => {
    const { e, opened } = await open();
    let doc = replaceText(opened.parsed.doc, 'Templates', 'Template guide');
    doc = replaceText(doc, 'Go', 'Golang');
    const out = opened.save(doc);
    const line = BODY.split('\n')[0];
    expect(changedLines(BODY, out)).toEqual({
      removed: [line],
      added: [line.replace('[Go][]', '[Golang][Go]').replace('[Templates]', '[Template guide][Templates]')],
    });
    const back = e.core.parse(out).doc.child(0);
    const hrefs: string[] = [];
    back.forEach((n) => n.marks.forEach((m) => m.type.name === 'link_ref' && hrefs.push(m.attrs.href as string)));
    expect(hrefs).toEqual(['https://go.dev', 'https://pkg.go.dev/html/template', '/templates/']);
  });

  it('an edit elsewhere in the paragraph keeps the `[text]` and `[text][]` forms as written', async () => {
    const { opened } = await open();
    const out = opened.save(replaceText(opened.parsed.doc, ' library', ' template library'));
    expect(changedLines(BODY, out).added).toEqual([BODY.split('\n')[0].replace(' library', ' template library')]);
  });

  it('a word typed at any place of a paragraph with reference links reads back as typed', async () => {
    // The definitions are never rewritten.
    await expectEveryInsertReadsBack(BODY, (saved) => expect(saved.slice(saved.indexOf('[go]:'))).toBe(BODY.slice(BODY.indexOf('[go]:'))));
  });
});
