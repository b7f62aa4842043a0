// A writer edits the text inside a callout as ordinary rich text: on the sample site's Call for
// Speakers post, click into the callout's sentence, type, Ctrl+S: the file changes in exactly
// that one line, and the bold inside the callout is shown bold with no ** on screen.
import { test, expect } from './support/fixtures';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { changedLines, readPostBytes } from './support/disk';
import { caretAtEnd } from './support/caret';

const CFP = 'blog/call-for-speakers/index.md';

test('typing inside a callout and pressing Ctrl+S changes exactly that line on disk', async ({ app, site }) => {
  const before = readPostBytes(site.contentDir, CFP).toString('utf8');
  await app.getByRole('list', { name: 'Posts' }).getByRole('button', { name: /^Call for Speakers/ }).click();
  const body = app.getByRole('textbox', { name: 'Post body' });
  await expect(body).toHaveAttribute('contenteditable', 'true');

  // Both callouts ({{< >}} with a markdownify template, and {{% %}}) are cards with rich text.
  const cards = body.locator('.pw-paired-rich');
  await expect(cards).toHaveCount(2);
  const deadline = cards.filter({ hasText: 'Proposals close on' });
  await expect(deadline.locator('.pw-card-name')).toHaveText('Callout');
  await expect(deadline.locator('.pw-card-params')).toContainText('Deadline');
  await expect(deadline.locator('strong')).toHaveText('28 February 2026');
  await expect(deadline).not.toContainText('**');
  await expect(body).not.toContainText('{{');

  const sentence = deadline.locator('p', { hasText: 'Proposals close on' });
  await sentence.click();
  await app.keyboard.press('End');
  await app.keyboard.type(' Late proposals are welcome too.');
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Unsaved changes');
  await app.keyboard.press('Control+s');
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Saved');

  const after = readPostBytes(site.contentDir, CFP).toString('utf8');
  expect(changedLines(before, after)).toEqual({
    removed: ['Proposals close on **28 February 2026** at noon, Port Alder time.'],
    added: ['Proposals close on **28 February 2026** at noon, Port Alder time. Late proposals are welcome too.'],
  });
});

test('a pair whose tags cross another pair\'s shows as written with a plain message; the rest stays editable', async ({ app, site }) => {
  // Written before the post is opened, as another program would.
  const file = join(site.contentDir, CFP);
  const crossing = '\n{{% callout title="Venue" %}}\n\nThe venue opens early.\n\n{{% note %}}\n\n{{% /callout %}}\n\nBring a coat.\n\n{{% /note %}}\n';
  writeFileSync(file, readFileSync(file, 'utf8') + crossing);
  const before = readPostBytes(site.contentDir, CFP).toString('utf8');
  await app.getByRole('list', { name: 'Posts' }).getByRole('button', { name: /^Call for Speakers/ }).click();
  const body = app.getByRole('textbox', { name: 'Post body' });
  await expect(body).toHaveAttribute('contenteditable', 'true');
  const card = body.locator('.pw-shortcode-card', { hasText: 'The venue opens early.' });
  await expect(card.locator('.pw-card-problem')).toHaveText(/closing tag is mixed up with another block’s/);
  await expect(card).toHaveAttribute('contenteditable', 'false');

  // On the paragraph's last line (it wraps: End goes to the end of the line the caret is on).
  const para = body.locator('p', { hasText: 'The call for speakers for' });
  await caretAtEnd(para);
  await app.keyboard.type(' Welcome.');
  await app.keyboard.press('Control+s');
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  const after = readPostBytes(site.contentDir, CFP).toString('utf8');
  expect(changedLines(before, after)).toEqual({
    removed: ['The call for speakers for **Driftwood Summit 2026** is open until the end of February.'],
    added: ['The call for speakers for **Driftwood Summit 2026** is open until the end of February. Welcome.'],
  });
});
