// A writer edits the words of a reference-style link (`[programme][prog]`, its address on a
// definition line further down) as ordinary link text: no brackets or labels on screen; select a
// word of the link, type, Ctrl+S: only that line changes on disk, the link still points to its
// definition, and the definition line and the other links are written as they were.
import { test, expect } from './support/fixtures';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { changedLines, readPostBytes } from './support/disk';

const CFP = 'blog/call-for-speakers/index.md';

test('typing into a reference link and pressing Ctrl+S changes only its line; the definition stays', async ({ app, site }) => {
  // Written before the post is opened, as another program would.
  const file = join(site.contentDir, CFP);
  const added = '\nSee the [programme][prog] and the [Port Alder][] page.\n\n[prog]: https://example.org/programme "Programme"\n[port alder]: /port-alder/\n';
  writeFileSync(file, readFileSync(file, 'utf8') + added);
  const before = readPostBytes(site.contentDir, CFP).toString('utf8');
  await app.getByRole('list', { name: 'Posts' }).getByRole('button', { name: /^Call for Speakers/ }).click();
  const body = app.getByRole('textbox', { name: 'Post body' });
  await expect(body).toHaveAttribute('contenteditable', 'true');

  const link = body.locator('a.pw-link-ref', { hasText: 'programme' });
  await expect(link).toHaveAttribute('href', 'https://example.org/programme');
  // The paragraph reads as text: no brackets, no labels (the definitions have their own cards).
  await expect(body.locator('p', { hasText: 'See the' })).toHaveText('See the programme and the Port Alder page.');

  await link.dblclick();
  await app.keyboard.type('schedule');
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Unsaved changes');
  await app.keyboard.press('Control+s');
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Saved');

  const after = readPostBytes(site.contentDir, CFP).toString('utf8');
  expect(changedLines(before, after)).toEqual({
    removed: ['See the [programme][prog] and the [Port Alder][] page.'],
    added: ['See the [schedule][prog] and the [Port Alder][] page.'],
  });
});

test("a reference link's bubble shows its address; Edit changes only its definition line, and a shared address says so", async ({ app, site }) => {
  const file = join(site.contentDir, CFP);
  const added = '\nSee the [programme][prog] and the [Port Alder][] page, or the [venue][port alder].\n\n[prog]: https://example.org/programme "Programme"\n[port alder]: /port-alder/\n';
  writeFileSync(file, readFileSync(file, 'utf8') + added);
  const before = readPostBytes(site.contentDir, CFP).toString('utf8');
  await app.getByRole('list', { name: 'Posts' }).getByRole('button', { name: /^Call for Speakers/ }).click();
  const body = app.getByRole('textbox', { name: 'Post body' });
  await expect(body).toHaveAttribute('contenteditable', 'true');

  // Its own address: the bubble's Edit changes the definition line, not the link's line.
  await body.locator('a.pw-link-ref', { hasText: 'programme' }).hover();
  const bubble = app.getByRole('group', { name: 'Link' });
  await expect(bubble).toContainText('https://example.org/programme');
  await bubble.getByRole('button', { name: 'Edit link' }).click();
  const dialog = app.getByRole('dialog', { name: 'Link' });
  await expect(dialog.getByLabel('Link address')).toHaveValue('https://example.org/programme');
  await expect(dialog.getByText(/share this address/)).toHaveCount(0);
  await dialog.getByLabel('Link address').fill('https://example.org/schedule');
  await dialog.getByLabel('Link address').press('Enter');
  await expect(dialog).toBeHidden();
  await expect(body.locator('a.pw-link-ref', { hasText: 'programme' })).toHaveAttribute('href', 'https://example.org/schedule');

  // A shared address: the dialog says that both links change.
  await body.locator('a.pw-link-ref', { hasText: 'venue' }).hover();
  await expect(bubble).toContainText('/port-alder/');
  await bubble.getByRole('button', { name: 'Edit link' }).click();
  await expect(dialog.getByLabel('Link address')).toHaveAccessibleDescription('2 links in this post share this address. Changing it changes all 2.');
  await dialog.getByLabel('Link address').fill('/harbour/');
  await dialog.getByLabel('Link address').press('Enter');
  await expect(dialog).toBeHidden();
  await expect(body.locator('a.pw-link-ref', { hasText: 'Port Alder' })).toHaveAttribute('href', '/harbour/');

  await app.keyboard.press('Control+s');
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  const after = readPostBytes(site.contentDir, CFP).toString('utf8');
  expect(changedLines(before, after)).toEqual({
    removed: ['[prog]: https://example.org/programme "Programme"', '[port alder]: /port-alder/'],
    added: ['[prog]: https://example.org/schedule "Programme"', '[port alder]: /harbour/'],
  });
});
