// Typing "/" in an empty paragraph opens a block menu; the keyboard picks a block.
import { test, expect } from './support/fixtures';
import { changedLines, readPostBytes } from './support/disk';

const VOLUNTEERS = 'blog/volunteer-thank-you/index.md';
const LINE = 'A few of them we want to thank by name:';

test('"/" in an empty paragraph opens the block menu; arrows and Enter make a quote, Escape keeps the "/"', async ({ app, site }) => {
  const before = readPostBytes(site.contentDir, VOLUNTEERS).toString('utf8');
  await app.getByRole('list', { name: 'Posts' }).getByRole('button', { name: /^Thank You, Driftwood Volunteers/ }).click();
  const body = app.getByRole('textbox', { name: 'Post body' });
  await expect(body).toHaveAttribute('contenteditable', 'true');
  // At the paragraph's last line: End goes to the end of the line the caret is on, and a line
  // may wrap while the panels settle.
  const para = body.locator('p', { hasText: LINE });
  const box = (await para.boundingBox())!;
  await para.click({ position: { x: box.width - 2, y: box.height - 4 } });
  await app.keyboard.press('End');
  await app.keyboard.press('Enter');
  await app.keyboard.type('/');
  const menu = app.getByRole('listbox', { name: 'Insert block' });
  await expect(menu).toBeVisible();
  for (const name of ['Heading', 'Bulleted list', 'Numbered list', 'Quote', 'Code block', 'Image', 'Table', 'Shortcode: note', 'Shortcode: callout']) await expect(menu.getByRole('option', { name, exact: true })).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(body.locator('p').filter({ hasText: /^\/$/ })).toHaveCount(1);
  await app.keyboard.press('Backspace');
  await app.keyboard.type('/');
  await expect(menu).toBeVisible();
  await app.keyboard.press('ArrowDown');
  await app.keyboard.press('ArrowDown');
  await app.keyboard.press('ArrowDown');
  await expect(menu.getByRole('option', { name: 'Quote' })).toHaveAttribute('aria-selected', 'true');
  await app.keyboard.press('Enter');
  await expect(menu).toBeHidden();
  await app.keyboard.type('Thank you all.');
  await app.keyboard.press('Control+s');
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  const change = changedLines(before, readPostBytes(site.contentDir, VOLUNTEERS).toString('utf8'));
  expect(change.removed).toEqual([]);
  expect(change.added.filter((l) => l.trim())).toEqual(['> Thank you all.']);
});
