// Inline HTML tags that wrap words (`<mark>`, `<kbd>`, `<sup>`, `<span class="x">`) are editable
// rich text: the words are text with a mark that remembers both tags byte for byte, not
// read-only pieces of source around them. An edit of the words changes only that line and keeps
// the tags exactly; tags that do not pair (an HTML block's tags, a void `<br>`, a pair whose words
// start with a space) stay as they were. Edits anywhere in such a paragraph read back as typed.
import { describe, expect, it } from 'vitest';
import { Node as PmNode } from '@milkdown/kit/prose/model';
import { changedLines, engine, expectEveryInsertReadsBack, openSafely, replaceText } from './helpers';
import { editableChars } from '../../../electron/cli/checks/rich-text-share';

const BODY = [
  'Press <kbd>Ctrl</kbd>+<kbd>C</kbd> to copy, E=mc<sup>2</sup>.<br>',
  'A <mark>**might not** get highlighted</mark> line and <span class="badge bg-primary">Docsy *v1*</span>.',
  '',
  '- an item with <abbr title="HyperText Markup Language">HTML</abbr> in it',
  '',
  '<div class="note">',
  '',
  'Inside a **div**.',
  '',
  '</div>',
  '',
  'Loose <b> spaced </b> tags and an <i>unclosed one.',
  '',
].join('\n');

const open = (body = BODY) => openSafely(body);

function wraps(node: PmNode): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  node.descendants((n) => {
    const m = n.marks.find((k) => k.type.name === 'html_wrap');
    if (m && n.isText) out.push([n.text!, m.attrs.open as string]);
    return true;
  });
  return out;
}

describe('inline HTML tags around words', () => {
  it('open as editable words with a mark for the tags; unpaired tags and HTML blocks stay as written', async () => {
    const { opened } = await open();
    const doc = opened.parsed.doc;
    expect(wraps(doc.child(0))).toEqual([
      ['Ctrl', '<kbd>'],
      ['C', '<kbd>'],
      ['2', '<sup>'],
      ['might not', '<mark>'],
      [' get highlighted', '<mark>'],
      ['Docsy ', '<span class="badge bg-primary">'],
      ['v1', '<span class="badge bg-primary">'],
    ]);
    expect(wraps(doc.child(1))).toEqual([['HTML', '<abbr title="HyperText Markup Language">']]);
    // The div's tags are HTML blocks, the `<b> spaced </b>` pair and the lone `<i>` stay pieces.
    expect(doc.child(2).type.name).toBe('raw_block');
    expect(wraps(doc.child(doc.childCount - 1))).toEqual([]);
    // Every word of the first paragraph is editable text.
    const words = doc.child(0).textContent.replace(/\s/g, '').length;
    expect(editableChars(doc.child(0))).toBe(words);
  });

  it('save unchanged, byte for byte', async () => {
    const { opened } = await open();
    expect(opened.save(PmNode.fromJSON(opened.parsed.doc.type.schema, opened.parsed.doc.toJSON()))).toBe(BODY);
  });

  it('an edit of the words inside a tag pair changes only that line and keeps the tags exactly', async () => {
    const { opened } = await open();
    const out = opened.save(replaceText(opened.parsed.doc, ' get highlighted', ' get highlighted at all'));
    const line = BODY.split('\n')[1];
    expect(changedLines(BODY, out)).toEqual({ removed: [line], added: [line.replace('get highlighted</mark>', 'get highlighted at all</mark>')] });
    const out2 = opened.save(replaceText(opened.parsed.doc, 'HTML', 'HTML5'));
    expect(changedLines(BODY, out2)).toEqual({
      removed: ['- an item with <abbr title="HyperText Markup Language">HTML</abbr> in it'],
      added: ['- an item with <abbr title="HyperText Markup Language">HTML5</abbr> in it'],
    });
  });

  it('a word typed at any place of a paragraph with tag pairs reads back as typed', async () => {
    await expectEveryInsertReadsBack(BODY);
  });

  it('a pasted span may not carry a tag that runs code into the file', async () => {
    const e = await engine();
    const schema = e.core.schema;
    const rule = schema.marks.html_wrap.spec.parseDOM![0];
    const span = document.createElement('span');
    span.dataset.htmlOpen = '<span onclick="alert(1)">';
    span.dataset.htmlClose = '</span>';
    expect((rule.getAttrs as (d: HTMLElement) => unknown)(span)).toBe(false);
    span.dataset.htmlOpen = '<script>';
    span.dataset.htmlClose = '</script>';
    expect((rule.getAttrs as (d: HTMLElement) => unknown)(span)).toBe(false);
    span.dataset.htmlOpen = '<mark>';
    span.dataset.htmlClose = '</mark>';
    expect((rule.getAttrs as (d: HTMLElement) => unknown)(span)).toEqual({ open: '<mark>', close: '</mark>' });
  });
});
