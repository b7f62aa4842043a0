// Paired shortcodes whose inner content Hugo renders as Markdown are rich text inside their card
// (shortcode_container), others are plain editable text (shortcode_text); both save losslessly:
// open+save is byte-identical and an edit changes only the lines it touches.
import { describe, expect, it } from 'vitest';
import type { Node as PmNode } from '@milkdown/kit/prose/model';
import { createBlockCheck } from '../../../engine/block-check';
import { changedLines, engine, replaceText, setAttrs } from './helpers';

const types = (doc: PmNode) => {
  const out: string[] = [];
  doc.forEach((n) => out.push(n.type.name));
  return out;
};

async function open(body: string, inner?: Record<string, 'markdown' | 'text' | 'source'>) {
  const e = await engine();
  e.core.shortcodeInner = inner;
  try {
    return e.open(body);
  } finally {
    e.core.shortcodeInner = undefined;
  }
}

const CALLOUT = 'Intro.\n\n{{% callout type="warning" title="Deadline" %}}\nProposals close on **28 February 2026** at noon.\n{{% /callout %}}\n\nAfter.\n';

describe('shortcode containers', () => {
  it('shows a {{% %}} pair as a container of rich text, bold as a mark', async () => {
    const o = await open(CALLOUT);
    expect(o.parsed.unsafeReason).toBeNull();
    expect(types(o.parsed.doc)).toEqual(['paragraph', 'shortcode_container', 'paragraph']);
    const box = o.parsed.doc.child(1);
    expect(box.attrs.name).toBe('callout');
    expect(box.textContent).toBe('Proposals close on 28 February 2026 at noon.');
    let bold = '';
    box.descendants((n) => {
      if (n.isText && n.marks.some((m) => m.type.name === 'strong')) bold = n.text!;
    });
    expect(bold).toBe('28 February 2026');
    expect(o.save()).toBe(CALLOUT);
  });

  it('an edit inside changes only its line, tags and CRLF kept', async () => {
    for (const eol of ['\n', '\r\n']) {
      const body = CALLOUT.replace(/\n/g, eol);
      const o = await open(body);
      const saved = o.save(replaceText(o.parsed.doc, 'at noon', 'at noon sharp'));
      expect(saved).toBe(body.replace('at noon', 'at noon sharp'));
    }
  });

  it('a {{< >}} pair is rich text only when its template renders Markdown', async () => {
    const body = '{{< callout >}}\nSome *text*.\n{{< /callout >}}\n';
    expect(types((await open(body)).parsed.doc)).toEqual(['shortcode_text']);
    const md = await open(body, { callout: 'markdown' });
    expect(types(md.parsed.doc)).toEqual(['shortcode_container']);
    expect(md.save()).toBe(body);
  });

  it('nested pairs: tabs holding tabs, a list and a figure inside, indentation and blank lines kept', async () => {
    const body = [
      '{{< tabs >}}',
      '  {{% tab "One" %}}',
      '',
      '  - first   item',
      '  - second *item*',
      '',
      '  {{< figure src="a.png" >}}',
      '',
      '  {{% /tab %}}',
      '{{% tab "Two" %}}',
      'Two\'s\ttext.',
      '{{% /tab %}}',
      '{{< /tabs >}}',
      '',
    ].join('\n');
    const o = await open(body, { tabs: 'markdown' });
    expect(o.parsed.unsafeReason).toBeNull();
    const tabs = o.parsed.doc.child(0);
    expect(types(tabs)).toEqual(['shortcode_container', 'shortcode_container']);
    expect(types(tabs.child(0))).toEqual(['bullet_list', 'shortcode_block']);
    expect(o.save()).toBe(body);
    const edited = o.save(replaceText(o.parsed.doc, 'second', 'the second'));
    expect(changedLines(body, edited)).toEqual({ removed: ['  - second *item*'], added: ['  - the second *item*'] });
    const two = o.save(replaceText(o.parsed.doc, "Two's", 'Our'));
    expect(changedLines(body, two)).toEqual({ removed: ["Two's\ttext."], added: ['Our\ttext.'] });
  });

  it('the parameter dialog changes only the opening tag', async () => {
    const o = await open(CALLOUT);
    const doc = setAttrs(o.parsed.doc, (n) => n.type.name === 'shortcode_container', {
      open: '{{% callout type="warning" title="Last call" %}}',
    });
    expect(o.save(doc)).toBe(CALLOUT.replace('Deadline', 'Last call'));
  });

  it('other inner content is plain text, edited exactly', async () => {
    const body = 'A\n\n{{< mermaid >}}\ngraph TD;\n\tA-->B;\n{{< /mermaid >}}\n';
    const o = await open(body);
    const node = o.parsed.doc.child(1);
    expect(node.type.name).toBe('shortcode_text');
    expect(node.textContent).toBe('\ngraph TD;\n\tA-->B;\n');
    expect(o.save()).toBe(body);
    expect(o.save(replaceText(o.parsed.doc, 'A-->B', 'A-->C'))).toBe(body.replace('A-->B', 'A-->C'));
  });

  it('bad input keeps the source read-only as written: crossing pairs, unreadable templates', async () => {
    const crossing = '{{% a %}}\n\nx {{% b %}}\n\n{{% /a %}}\n\ny\n\n{{% /b %}}\n';
    const c = await open(crossing);
    expect(c.parsed.doc.child(0).type.name).toBe('shortcode_block');
    expect(c.parsed.doc.child(0).attrs.problem).toBe('crossing');
    expect(c.save()).toBe(crossing);
    const unreadable = '{{< box >}}\ntext\n{{< /box >}}\n';
    const u = await open(unreadable, { box: 'source' });
    expect(u.parsed.doc.child(0).attrs.problem).toBe('unreadable');
    const unclosed = 'Intro\n\n{{< box >}}\n\ntext\n';
    const n = await open(unclosed, { box: 'markdown' });
    expect(n.parsed.doc.child(1).attrs.problem).toBe('unclosed');
    expect(n.save(replaceText(n.parsed.doc, 'Intro', 'Start'))).toBe(unclosed.replace('Intro', 'Start'));
    // A closing tag with no opening tag before it: a read-only card too, the rest editable.
    const orphan = 'Intro\n\n{{< /box >}}\n\nMore text.\n';
    const r = await open(orphan, { box: 'markdown' });
    expect(r.parsed.unsafeReason).toBeNull();
    expect(r.parsed.doc.child(1).type.name).toBe('shortcode_block');
    expect(r.parsed.doc.child(1).attrs.problem).toBe('orphan');
    expect(r.save()).toBe(orphan);
    expect(r.save(replaceText(r.parsed.doc, 'More', 'Some more'))).toBe(orphan.replace('More', 'Some more'));
    // A closer whose opener is in another block (Hugo pairs them) is not called an orphan.
    const split = '- item\n  {{% box %}}\n\ntext\n\n{{% /box %}}\n';
    const sp = await open(split);
    sp.parsed.doc.forEach((b) => expect(b.attrs.problem ?? null).not.toBe('orphan'));
    expect(sp.save()).toBe(split);
  });
});

describe('shortcode containers inside lists and quotes', () => {
  const LIST = [
    '1. Register for the summit.',
    '',
    '   {{% callout title="Tip" %}}',
    '   Early birds pay **less**.',
    '   Bring your badge.',
    '   {{% /callout %}}',
    '',
    '2. Book a room.',
    '',
  ].join('\n');

  it('a callout inside a list item is rich text, and an edit in it changes only its line', async () => {
    for (const eol of ['\n', '\r\n']) {
      const body = LIST.replace(/\n/g, eol);
      const o = await open(body);
      expect(o.parsed.unsafeReason).toBeNull();
      const item = o.parsed.doc.child(0).child(0);
      expect(types(item)).toEqual(['paragraph', 'shortcode_container']);
      expect(o.save()).toBe(body);
      const saved = o.save(replaceText(o.parsed.doc, 'Bring your', 'Bring your own'));
      expect(saved).toBe(body.replace('Bring your', 'Bring your own'));
    }
  });

  it('a callout inside a quote', async () => {
    const body = '> Said at the door:\n>\n> {{% callout %}}\n> Doors open at *nine*.\n> {{% /callout %}}\n';
    const o = await open(body);
    expect(types(o.parsed.doc.child(0))).toEqual(['paragraph', 'shortcode_container']);
    expect(o.save()).toBe(body);
    expect(o.save(replaceText(o.parsed.doc, 'Doors open', 'Gates open'))).toBe(body.replace('Doors open', 'Gates open'));
  });

  it('a one-line pair in a quote reads back when the quote is written anew, and an edit in it keeps its line', async () => {
    // LoveIt's sample post: the quote's attribution, styled by a one-line pair.
    const body = '> Said at the door.\n>\n> {{< style "text-align: right;" >}}-- _John Gruber_{{< /style >}}\n';
    const e = await engine();
    e.core.shortcodeInner = { style: 'markdown' };
    try {
      const o = e.open(body);
      const quote = o.parsed.doc.child(0);
      expect(types(quote)).toEqual(['paragraph', 'shortcode_container']);
      // Written anew, the pair stays on its one line; on three quoted lines (as a new card is
      // written) it is the same card too, its layout aside.
      const written = e.core.serializeBlock(quote, o.snapshot.style);
      expect(written).toContain('> {{< style "text-align: right;" >}}-- _John Gruber_{{< /style >}}');
      const check = createBlockCheck(e.core, [quote]);
      expect(check(written, quote)).toBe(true);
      expect(check('> Said at the door.\n>\n> {{< style "text-align: right;" >}}\n> -- _John Gruber_\n> {{< /style >}}', quote)).toBe(true);
      expect(o.save()).toBe(body);
      const saved = o.save(replaceText(o.parsed.doc, 'John Gruber', 'J. Gruber'));
      expect(saved).toBe(body.replace('John Gruber', 'J. Gruber'));
      expect(o.save(replaceText(o.parsed.doc, 'Said at', 'Said by'))).toBe(body.replace('Said at', 'Said by'));
    } finally {
      e.core.shortcodeInner = undefined;
    }
  });
});

describe("a pair that starts on a list item's first line", () => {
  // The item's first block is its text (the editor's list item starts with a paragraph), so the
  // pair's tags are shown as small tags in that text and its words are rich text around them:
  // no read-only card, and an edit changes only its line.
  const FORMS = [
    '- {{% note %}}Doors open at **nine**.{{% /note %}}\n- Second.\n',
    '- {{% note %}}\n  Doors open at **nine**.\n  {{% /note %}}\n- Second.\n',
    '1. {{% note %}}\n\n   Doors open at **nine**.\n\n   {{% /note %}}\n2. Second.\n',
  ];
  it('its words are rich text, not a card, and an edit reads back and changes only its line', async () => {
    for (const body of FORMS) {
      const o = await open(body);
      expect(o.parsed.unsafeReason).toBeNull();
      const kinds = new Set<string>();
      o.parsed.doc.descendants((n) => {
        kinds.add(n.type.name);
        for (const m of n.marks) kinds.add(m.type.name);
        return true;
      });
      expect(kinds).toContain('shortcode_inline');
      expect(kinds).toContain('strong');
      for (const card of ['shortcode_block', 'shortcode_text', 'raw_block']) expect(kinds).not.toContain(card);
      expect(o.save()).toBe(body);
      const edited = replaceText(o.parsed.doc, 'Doors open', 'Gates open');
      const saved = o.save(edited);
      expect(saved).toBe(body.replace('Doors open', 'Gates open'));
      expect(changedLines(body, saved).added).toHaveLength(1);
      expect((await open(saved)).parsed.doc.eq(edited)).toBe(true);
    }
  });
});

describe('hostile nesting', () => {
  it('pairs nested 2,000 deep open and save as written (the deepest kept as written)', async () => {
    const n = 2000;
    const body = `${'{{% box %}}\n'.repeat(n)}text\n${'{{% /box %}}\n'.repeat(n)}`;
    const o = await open(body);
    expect(o.parsed.unsafeReason).toBeNull();
    expect(o.save()).toBe(body);
  });
});
