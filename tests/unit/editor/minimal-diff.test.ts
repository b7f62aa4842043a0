// One edit changes only its own lines: a paragraph, a list item, a heading, a table cell, a
// shortcode parameter. Also: new blocks follow the file's style; CRLF stays CRLF; deleting and
// inserting blocks keeps every other byte.
import { describe, expect, it } from 'vitest';
import type { Node as PmNode } from '@milkdown/kit/prose/model';
import { Transform } from '@milkdown/kit/prose/transform';
import { setShortcodeParam } from '../../../shared/markdown/shortcode-params';
import { changedLines, engine, fixture, replaceText, setAttrs } from './helpers';

async function edit(body: string, change: (doc: PmNode) => PmNode): Promise<string> {
  const e = await engine();
  const opened = e.open(body);
  expect(opened.parsed.unsafeReason).toBeNull();
  return opened.save(change(opened.parsed.doc));
}

describe('minimal diffs', () => {
  it('editing one paragraph changes only its line', async () => {
    const body = fixture('inline.md');
    const out = await edit(body, (d) => replaceText(d, 'Tabs', 'Tab characters'));
    const { removed, added } = changedLines(body, out);
    expect(removed).toEqual(['Tabs\tbetween\twords.']);
    expect(added).toEqual(['Tab characters\tbetween\twords.']);
  });

  it('editing a line of a multi-line paragraph keeps the other lines (markers, escapes, breaks)', async () => {
    const body = fixture('inline.md');
    const out = await edit(body, (d) => replaceText(d, 'Mira Okonkwo', 'Dr. Mira Okonkwo'));
    const { removed, added } = changedLines(body, out);
    expect(removed).toHaveLength(1);
    expect(added).toEqual([removed[0].replace('Mira Okonkwo', 'Dr. Mira Okonkwo')]);
  });

  it('editing one list item changes only that item', async () => {
    const body = fixture('lists.md');
    const out = await edit(body, (d) => replaceText(d, 'second star', 'second star, edited'));
    expect(changedLines(body, out)).toEqual({ removed: ['* second star'], added: ['* second star, edited'] });
  });

  it('editing a nested list item keeps odd indentation elsewhere', async () => {
    const body = fixture('lists.md');
    const out = await edit(body, (d) => replaceText(d, 'a warm jacket', 'a warm coat'));
    expect(changedLines(body, out)).toEqual({ removed: ['- a warm jacket'], added: ['- a warm coat'] });
  });

  it('editing one heading changes only its line', async () => {
    const body = fixture('headings.md');
    const out = await edit(body, (d) => replaceText(d, 'Closed heading', 'Closed title'));
    expect(changedLines(body, out).removed).toHaveLength(1);
    expect(out).toContain('Closed title');
    expect(out.replace(/^.*Closed title.*$/m, '## Closed heading ##')).toBe(body);
  });

  it('editing one table cell changes only its row', async () => {
    const body = fixture('blocks.md');
    const out = await edit(body, (d) => replaceText(d, 'Tides', 'Tidal flows'));
    const { removed, added } = changedLines(body, out);
    expect(removed).toEqual(['| Tides | A | 09:00 |']);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/^\| Tidal flows +\| A +\| 09:00 \|$/);
  });

  it('changing one shortcode parameter rewrites only that parameter', async () => {
    const body = fixture('shortcodes.md');
    const out = await edit(body, (d) =>
      setAttrs(d, (n) => n.type.name === 'shortcode_block' && String(n.attrs.value).includes('harbour'), {
        value: setShortcodeParam('{{< figure src="harbour.jpg" title="The harbour at dawn" >}}', 'title', 'Harbour at dusk'),
      }),
    );
    expect(changedLines(body, out)).toEqual({
      removed: ['{{< figure src="harbour.jpg" title="The harbour at dawn" >}}'],
      added: ['{{< figure src="harbour.jpg" title="Harbour at dusk" >}}'],
    });
  });

  it('keeps CRLF endings in an edited block and around it', async () => {
    const body = fixture('crlf.md');
    const out = await edit(body, (d) => replaceText(d, 'two', 'three'));
    expect(out).toBe(body.replace('- two', '- three'));
  });

  it('deleting a block removes only its lines; inserting one follows the file style', async () => {
    const body = fixture('lists.md');
    const e = await engine();
    const opened = e.open(body);
    const doc = opened.parsed.doc;
    // Delete the "plus" list (third top-level block).
    let pos = 0;
    for (let i = 0; i < 2; i++) pos += doc.child(i).nodeSize;
    const deleted = new Transform(doc).delete(pos, pos + doc.child(2).nodeSize).doc;
    const out = opened.save(deleted);
    expect(changedLines(body, out).added).toEqual([]);
    expect(changedLines(body, out).removed.filter((l) => l.trim())).toEqual(['+ plus-marked item', '+ another plus item']);
    // Append a new bullet list made of a copy of the first one's item: written with "-" (file style).
    const schema = doc.type.schema;
    const item = schema.nodes.list_item.create(null, schema.nodes.paragraph.create(null, schema.text('new *thing*')));
    const list = schema.nodes.bullet_list.create(null, item);
    const appended = new Transform(doc).insert(doc.content.size, list).doc;
    const out2 = opened.save(appended);
    expect(out2.startsWith(body.replace(/\n$/, ''))).toBe(true);
    expect(out2.slice(body.length - 1)).toBe('\n\n- new \\*thing\\*\n');
  });

  it('inline code broken across lines in a list item keeps its line break when the item is edited', async () => {
    // The serializer writes that break as a space (a line may not start with `-` for it), so the
    // edit and the original differ on neighbouring lines: the merge still keeps the break.
    const body = '- The logs command e.g.\n  `flux logs -f --kind=helmrelease\n  --namespace=prod` (CLI)\n- b\n';
    const before = await edit(body, (d) => replaceText(d, 'logs command', 'logs subcommand'));
    expect(before).toBe(body.replace('logs command', 'logs subcommand'));
    // A word typed into the code just before the break: the break stays after it.
    const inside = await edit(body, (d) => replaceText(d, 'helmrelease', 'helm release'));
    expect(inside).toBe(body.replace('helmrelease', 'helm release'));
  });

  it('undo back to the start (equal, not identical, document) gives the original text', async () => {
    const body = fixture('blocks.md');
    const e = await engine();
    const opened = e.open(body);
    const edited = replaceText(opened.parsed.doc, 'Tides', 'Waves');
    const back = replaceText(edited, 'Waves', 'Tides');
    expect(back).not.toBe(opened.parsed.doc);
    expect(opened.save(back)).toBe(body);
  });
});
