// Typing "/" in an empty paragraph opens a block menu; the keyboard picks a block.
import { test, expect } from './support/fixtures';
import { changedLines, readPostBytes } from './support/disk';
import { caretAtEnd } from './support/caret';

const VOLUNTEERS = 'blog/volunteer-thank-you/index.md';
const LINE = 'A few of them we want to thank by name:';

test('"/" in an empty paragraph opens the block menu; arrows and Enter make a quote, Escape keeps the "/"', async ({ app, site }) => {
  const before = readPostBytes(site.contentDir, VOLUNTEERS).toString('utf8');
  await app.getByRole('list', { name: 'Posts' }).getByRole('button', { name: /^Thank You, Driftwood Volunteers/ }).click();
  const body = app.getByRole('textbox', { name: 'Post body' });
  await expect(body).toHaveAttribute('contenteditable', 'true');
  const para = body.locator('p', { hasText: LINE });
  await caretAtEnd(para);
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

// Why the test above once found the caret at the post's start: the editor learns where a click
// put the caret from the browser's `selectionchange` event, which Chromium queues behind input
// events when busy. A key handled before it acted on the caret the editor last knew (the post's
// start, where opening put it). Here the caret is moved and the key pressed in one task, before
// any `selectionchange` can arrive: the key must act where the caret is.
test('a key pressed before the browser reports where a click put the caret acts at the caret, not at the post\'s start', async ({ app }) => {
  await app.getByRole('list', { name: 'Posts' }).getByRole('button', { name: /^Thank You, Driftwood Volunteers/ }).click();
  const body = app.getByRole('textbox', { name: 'Post body' });
  await expect(body).toHaveAttribute('contenteditable', 'true');
  await expect(body).toBeFocused();
  const firstText = await body.locator('p').first().textContent();
  await body.evaluate((el, line) => {
    const para = [...el.querySelectorAll('p')].find((p) => p.textContent === line)!;
    const text = para.lastChild!;
    window.getSelection()!.collapse(text, text.textContent!.length);
    el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', keyCode: 13, bubbles: true, cancelable: true }));
  }, LINE);
  // Enter split the paragraph at its end: an empty paragraph follows it, the first is unchanged.
  await expect(body.locator('p', { hasText: LINE }).locator('xpath=following-sibling::*[1]')).toHaveText('');
  await expect(body.locator('p').first()).toHaveText(firstText!);
});
