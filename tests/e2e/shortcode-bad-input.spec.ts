// Shortcodes gone wrong never cost the writer the rest of the post: an opening tag whose closing
// tag is missing, a closing tag with no opening tag, and a pair whose template cannot be read
// each show as written in a read-only card with a plain message; the text around them stays
// editable, and a save changes only the lines the writer edited. (A pair whose tags cross
// another pair's: shortcode-content.spec.ts.)
import { test, expect } from './support/fixtures';
import { changedLines, readPostBytes } from './support/disk';
import { caretAtEnd } from './support/caret';

const POST = 'blog/rough-notes.md';
const TEXT = [
  '---',
  'title: "Rough Notes"',
  'date: 2025-06-01',
  '---',
  '',
  'Intro paragraph to edit.',
  '',
  '{{< callout title="Missing end" >}}',
  '',
  'Text after an unclosed callout.',
  '',
  '{{< /note >}}',
  '',
  '{{< locked >}}',
  'Inner text of a template that cannot be read.',
  '{{< /locked >}}',
  '',
  'Last paragraph.',
  '',
].join('\n');

test.use({
  siteFiles: {
    [`content/${POST}`]: TEXT,
    // A folder where the template file should be: reading it fails, as an unreadable file does.
    'layouts/shortcodes/locked.html/keep.txt': '',
  },
});

test('an unclosed pair, a closing tag with no opener and an unreadable template show as written with a plain message; the rest is edited and saved alone', async ({ app, site }) => {
  const before = readPostBytes(site.contentDir, POST).toString('utf8');
  expect(before).toBe(TEXT);
  await app.getByRole('list', { name: 'Posts' }).getByRole('button', { name: /^Rough Notes/ }).click();
  const body = app.getByRole('textbox', { name: 'Post body' });
  await expect(body).toHaveAttribute('contenteditable', 'true');
  const cards = [
    { name: 'callout', message: /closing tag is missing/, written: '{{< callout title="Missing end" >}}' },
    { name: 'note', message: /closing tag has no opening tag/, written: '{{< /note >}}' },
    { name: 'locked', message: /template for this block could not be read/, written: '{{< locked >}}' },
  ];
  for (const { name, message, written } of cards) {
    const card = body.locator('.pw-shortcode-card', { hasText: message });
    await expect(card).toHaveCount(1);
    await expect(card).toContainText(name);
    await expect(card).toHaveAttribute('contenteditable', 'false');
    // Shown as written (the tags that are wrong included), with nothing offered to edit.
    await expect(card.locator('.pw-card-source')).toContainText(written);
    await expect(card.getByRole('button', { name: /^Edit/ })).toHaveCount(0);
  }
  await expect(body.locator('.pw-shortcode-card', { hasText: 'locked' })).toContainText('Inner text of a template that cannot be read.');
  // No markup of the bad parts outside their cards: the text after the unclosed tag is prose.
  for (const [line, added] of [['Intro paragraph to edit.', ' Done.'], ['Text after an unclosed callout.', ' Still editable.']]) {
    const para = body.locator('p', { hasText: line });
    await caretAtEnd(para);
    await app.keyboard.type(added);
  }
  await app.keyboard.press('Control+s');
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  expect(changedLines(before, readPostBytes(site.contentDir, POST).toString('utf8'))).toEqual({
    removed: ['Intro paragraph to edit.', 'Text after an unclosed callout.'],
    added: ['Intro paragraph to edit. Done.', 'Text after an unclosed callout. Still editable.'],
  });
});
