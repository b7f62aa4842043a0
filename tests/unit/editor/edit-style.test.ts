// An edited line keeps the file's own way of writing markdown: hard breaks (two spaces or a
// backslash), `_` emphasis, `+` bullets, `1)` lists, `~~~` fences, setext and closed headings,
// escapes. Only the edited words change.
import { describe, expect, it } from 'vitest';
import type { Node as PmNode } from '@milkdown/kit/prose/model';
import { Transform } from '@milkdown/kit/prose/transform';
import { detectStyle } from '../../../shared/markdown/style';
import { mergeLine } from '../../../shared/markdown/merge-block';
import { engine, fixture, replaceText } from './helpers';

async function edit(body: string, change: (doc: PmNode) => PmNode): Promise<string> {
  const opened = (await engine()).open(body);
  expect(opened.parsed.unsafeReason).toBeNull();
  return opened.save(change(opened.parsed.doc));
}

/** Position just after the first occurrence of `find` in a text node. */
function posAfter(doc: PmNode, find: string): number {
  let at = -1;
  doc.descendants((node, pos) => {
    if (at === -1 && node.isText && node.text!.includes(find)) at = pos + node.text!.indexOf(find) + find.length;
    return at === -1;
  });
  if (at === -1) throw new Error(`"${find}" not found`);
  return at;
}

/** Splits the text after `find` with a hard break (Shift+Enter), dropping the space that follows. */
function breakAfter(doc: PmNode, find: string): PmNode {
  const at = posAfter(doc, find);
  return new Transform(doc).replaceWith(at, at + 1, doc.type.schema.nodes.hardbreak.create()).doc;
}

const body = fixture('styles.md');

describe('edits keep the file style', () => {
  it('detects two-space breaks, setext headings and the other habits', () => {
    expect(detectStyle(body)).toMatchObject({ hardBreak: 'spaces', setext: true, bullet: '+', bulletOrdered: ')', fence: '~', emphasis: '_', strong: '_' });
    expect(detectStyle('a\\\nb\n\n# Title\n')).toMatchObject({ hardBreak: 'backslash', setext: false });
  });

  it('an edited line of a paragraph with two-space breaks keeps them', async () => {
    const out = await edit(body, (d) => replaceText(d, 'Lanternfish Labs', 'Lanternfish Labs Ltd'));
    expect(out).toBe(body.replace('Lanternfish Labs had', 'Lanternfish Labs Ltd had'));
  });

  it('a new hard break follows the file: two spaces here, a backslash in a backslash file', async () => {
    const out = await edit(body, (d) => breakAfter(d, 'opened late'));
    expect(out).toBe(body.replace('opened late and', 'opened late  \nand'));
    const slashes = 'First line\\\nsecond line.\n\nThe market opened late and closed early.\n';
    const out2 = await edit(slashes, (d) => breakAfter(d, 'opened late'));
    expect(out2).toBe(slashes.replace('opened late and', 'opened late\\\nand'));
  });

  it('a line with `_` emphasis keeps `_`; an edited `+` list keeps `+`; new items too', async () => {
    const out = await edit(body, (d) => replaceText(d, 'lantern', 'lamp'));
    expect(out).toBe(body.replace('+ a _spare_ lantern', '+ a _spare_ lamp'));
    const out2 = await edit(body, (d) => {
      const at = posAfter(d, 'lantern') + 2; // after the paragraph and the item
      const s = d.type.schema;
      return new Transform(d).insert(at, s.nodes.list_item.create(null, s.nodes.paragraph.create(null, s.text('a tide table')))).doc;
    });
    expect(out2).toBe(body.replace('+ a _spare_ lantern\n', '+ a _spare_ lantern\n+ a tide table\n'));
  });

  it('an edited `1)` list keeps `1)`', async () => {
    const out = await edit(body, (d) => replaceText(d, 'find the hall', 'find the main hall'));
    expect(out).toBe(body.replace('2) find the hall', '2) find the main hall'));
  });

  it('an edited `~~~` fence keeps its fence and info string', async () => {
    const out = await edit(body, (d) => replaceText(d, '"tide"', '"high tide"'));
    expect(out).toBe(body.replace('fmt.Println("tide")', 'fmt.Println("high tide")'));
  });

  it('an edited setext heading stays setext; a closed heading keeps its closing hashes', async () => {
    const out = await edit(body, (d) => replaceText(d, 'Harbour notes', 'Harbour news'));
    expect(out).toBe(body.replace('Harbour notes\n=============', 'Harbour news\n============'));
    const out2 = await edit(body, (d) => replaceText(d, 'Closing remarks', 'Closing words'));
    expect(out2).toBe(body.replace('### Closing remarks ###', '### Closing words ###'));
  });

  it('an edited line keeps its escapes as written', async () => {
    const out = await edit(body, (d) => replaceText(d, 'Escapes stay', 'Escapes still stay'));
    expect(out).toBe(body.replace('Escapes stay:', 'Escapes still stay:'));
  });

  it('merges one line word by word, the edit winning where both sides changed', () => {
    expect(mergeLine('*em* and more', '_em_ and more', '*em* and less')).toBe('_em_ and less');
    expect(mergeLine('*em* and more', '_em_ and more', '*emph* and more')).toBe('_emph_ and more');
    expect(mergeLine('## Title', '## Title ##', '## New title')).toBe('## New title ##');
  });
});
