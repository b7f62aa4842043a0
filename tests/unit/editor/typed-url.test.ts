// A web address typed into a paragraph is written to the file exactly as typed: Markdown
// needs no escape in `https://…` (GFM turns it into a link, Hugo renders it as one), and a
// writer who reads the file, or the diff, must see their address, not `https\://…`.
import { describe, expect, it } from 'vitest';
import { engine, replaceText } from './helpers';

async function typed(body: string, find: string, replace: string): Promise<string> {
  const opened = (await engine()).open(body);
  expect(opened.parsed.unsafeReason).toBeNull();
  return opened.save(replaceText(opened.parsed.doc, find, replace));
}

describe('a bare web address typed into the body', () => {
  it.each([
    'https://example.com/tickets',
    'http://example.com/a/b?x=1&y=2#top',
    'https://example.com/path_with_underscores/and-dashes',
    'www.example.com/agenda',
    'mailto:ana@example.com',
  ])('saves as typed: %s', async (url) => {
    const out = await typed('Tickets are on sale now.\n', 'now', `at ${url}`);
    expect(out).toBe(`Tickets are on sale at ${url}.\n`);
  });

  it('reads back as the same text', async () => {
    const e = await engine();
    const out = await typed('Tickets are on sale now.\n', 'now', 'at https://example.com/tickets');
    expect(e.open(out).parsed.doc.textContent).toBe('Tickets are on sale at https://example.com/tickets.');
  });

  it('still escapes what would otherwise change the text', async () => {
    // `*` and `[` still are escaped, and so is a `&` that would start a character reference.
    const out = await typed('Plain line.\n', 'Plain line', 'Note: a *star* [here] &amp; R&D');
    expect(out).toBe('Note: a \\*star\\* \\[here] \\&amp; R&D.\n');
    expect((await engine()).open(out).parsed.doc.textContent).toBe('Note: a *star* [here] &amp; R&D.');
  });
});
