// GFM autolink literals, found only in the blocks that can hold one: the editor's parse must give
// the same tree as remark-gfm's own transform, on every fixture and on a text full of bare URLs,
// www addresses and e-mails in every kind of block, inside and outside links.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { remarkCtx } from '@milkdown/kit/core';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { installDom } from '../../../electron/cli/install-dom';
import { createMilkdown } from '../../../engine/create-milkdown';
import { installFastAutolinkLiterals } from '../../../engine/autolink-literals';
import { remarkShortcodes } from '../../../shared/markdown/remark-shortcodes';

const dom = installDom();
const root = dom.createElement('div');
dom.body.append(root);
const created = await createMilkdown(root, '');
afterAll(() => void created.editor.destroy());

// remark-gfm's own transform, in a processor with the editor's parse extensions.
const plain = unified().use(remarkParse).use(remarkShortcodes).use(remarkGfm);
const editorRemark = created.editor.ctx.get(remarkCtx);

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'editor');
const LINKS = [
  'Bare https://example.com/a?b=c and http://old.example.org, then www.example.net/path.',
  '# Heading with www.example.com and mail@example.com',
  '- a list item: contact@driftwood.example\n- [a link with https://inside.example](https://x.example) stays one link',
  '> quoted mailto:someone@example.com and xmpp:me@chat.example/home',
  '| site | mail |\n| - | - |\n| www.table.example | t@table.example |',
  '*emphasis https://em.example* and **strong www.strong.example** and ~~gone@del.example~~',
  'Not links: user@localhost, www, http:/broken, 12@34, a@b.',
  '[ref]: https://ref.example\n\nSee [ref] and https://after.example.',
  '{{< figure src="https://img.example/a.png" >}} then https://after-shortcode.example',
  'No candidates at all in this paragraph.',
].join('\n\n');

describe('autolink literals where they can be', () => {
  it('the editor processor uses the faster transform', () => {
    const exts = editorRemark.data('fromMarkdownExtensions') as unknown[];
    const before = JSON.stringify(exts, (_k, v) => (typeof v === 'function' ? v.name : v));
    installFastAutolinkLiterals(exts);
    expect(JSON.stringify(exts, (_k, v) => (typeof v === 'function' ? v.name : v))).toBe(before);
    expect(before).toContain('autolinkWhereNeeded');
  });

  it('gives the same tree as remark-gfm on every fixture and on a text full of links', () => {
    const bodies = [...readdirSync(FIXTURES).map((f) => readFileSync(join(FIXTURES, f), 'utf8')), LINKS];
    for (const body of bodies) expect(editorRemark.parse(body)).toEqual(plain.parse(body));
    const tree = editorRemark.parse(LINKS) as { children: unknown[] };
    expect(JSON.stringify(tree)).toContain('"url":"mailto:contact@driftwood.example"');
    expect(JSON.stringify(tree)).toContain('"url":"http://www.table.example"');
  });
});
