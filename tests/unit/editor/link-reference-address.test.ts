// Editing the address of a reference-style link (`[text][ref]`) changes its definition line
// (`[ref]: url`) and nothing else: the link's own line stays as written, the definition keeps its
// label, title and form. A definition used by several links is reported as shared, and all of
// them point to the new address, in the editor and once the file is read again.
import { describe, expect, it } from 'vitest';
import { Transform } from '@milkdown/kit/prose/transform';
import { changedLines, engine } from './helpers';
import { sameBlock } from '../../../engine/block-check';
import { referenceIdentifier, referenceUses, rewriteDefinition, setReferenceAddress } from '../../../engine/link-definitions';

const BODY = [
  'Hugo uses the [Go][] language and the [html/template][gohtml] library.',
  '',
  '- the [Go][] docs, and [go] again',
  '',
  '> Quoted: [Hugo *docs*][hugo].',
  '',
  '[go]: https://go.dev',
  '[gohtml]: https://pkg.go.dev/html/template "Go templates"',
  '[hugo]:',
  '  <https://gohugo.io/> (Hugo)',
  '',
].join('\n');

const hrefsOf = (doc: import('@milkdown/kit/prose/model').Node, label: string) => {
  const out: string[] = [];
  doc.descendants((n) => {
    const m = n.marks.find((k) => k.type.name === 'link_ref' && referenceIdentifier(k.attrs.label as string) === referenceIdentifier(label));
    if (n.isText && m) out.push(m.attrs.href as string);
    return true;
  });
  return out;
};

describe('the address of a reference-style link', () => {
  it('is changed on its definition line only, and the link reads back with it', async () => {
    const e = await engine();
    for (const eol of ['\n', '\r\n']) {
      const body = BODY.replace(/\n/g, eol);
      const o = e.open(body);
      const tr = new Transform(o.parsed.doc);
      expect(setReferenceAddress(tr, 'gohtml', 'https://pkg.go.dev/text/template')).toEqual({ ok: true, uses: 1 });
      expect(hrefsOf(tr.doc, 'gohtml')).toEqual(['https://pkg.go.dev/text/template']);
      const saved = o.save(tr.doc);
      expect(saved).toBe(body.replace('[gohtml]: https://pkg.go.dev/html/template', '[gohtml]: https://pkg.go.dev/text/template'));
      expect(changedLines(body, saved).added).toHaveLength(1);
      // Read again, the file is the edited document.
      const again = e.open(saved).parsed.doc;
      expect(again.childCount).toBe(tr.doc.childCount);
      tr.doc.forEach((b, _, i) => expect(sameBlock(again.child(i), b)).toBe(true));
    }
  });

  it('a definition shared by several links: says how many, and all of them change', async () => {
    const e = await engine();
    const o = e.open(BODY);
    expect(referenceUses(o.parsed.doc, 'go')).toBe(3);
    expect(referenceUses(o.parsed.doc, 'hugo')).toBe(1);
    const tr = new Transform(o.parsed.doc);
    expect(setReferenceAddress(tr, 'Go', 'https://go.dev/doc/')).toEqual({ ok: true, uses: 3 });
    expect(hrefsOf(tr.doc, 'go')).toEqual(['https://go.dev/doc/', 'https://go.dev/doc/', 'https://go.dev/doc/']);
    expect(o.save(tr.doc)).toBe(BODY.replace('[go]: https://go.dev\n', '[go]: https://go.dev/doc/\n'));
  });

  it('keeps the form of the definition: <…> and a title on the next line', async () => {
    const e = await engine();
    const o = e.open(BODY);
    const tr = new Transform(o.parsed.doc);
    expect(setReferenceAddress(tr, 'hugo', 'https://gohugo.io/documentation/').ok).toBe(true);
    expect(hrefsOf(tr.doc, 'hugo')).toEqual(['https://gohugo.io/documentation/', 'https://gohugo.io/documentation/']);
    expect(o.save(tr.doc)).toBe(BODY.replace('<https://gohugo.io/>', '<https://gohugo.io/documentation/>'));
  });

  it('writes an address with spaces or brackets so that it reads back exactly', () => {
    expect(rewriteDefinition('[a]: /x "T"', '/my file.pdf')).toBe('[a]: </my file.pdf> "T"');
    expect(rewriteDefinition('[a]: /x', '/a<b>')).toBe('[a]: /a<b>');
    expect(rewriteDefinition('[a]: <x>', 'a<b')).toBe('[a]: <a\\<b>');
    expect(rewriteDefinition('   [a]:/x', 'https://e.org/(x)')).toBe('   [a]:https://e.org/(x)');
    expect(rewriteDefinition('[a]: /x', 'line\nbreak')).toBeNull();
  });

  it('says plainly when the post has no address line for the link, and changes nothing', async () => {
    const e = await engine();
    const o = e.open('See [the docs][docs].\n');
    const tr = new Transform(o.parsed.doc);
    const result = setReferenceAddress(tr, 'docs', 'https://x.org');
    expect(result.ok).toBe(false);
    expect(tr.docChanged).toBe(false);
  });
});
