// A new post opens at its top with the caret in Title, whatever post was open and scrolled
// before; the archetype's placeholder sentences are listed in the checklist as "still the
// template's text" until the writer changes them.
import { test, expect } from './support/fixtures';

const LONG = 'blog/long-day/index.md';
const paragraphs = Array.from({ length: 80 }, (_, i) => `Paragraph ${i + 1} of a long day at the harbour, with enough words to fill a line.`).join('\n\n');
test.use({ siteFiles: { [`content/${LONG}`]: `---\ntitle: "A Long Day"\ndate: 2025-03-01\n---\n\n${paragraphs}\n` } });

test('a new post opens scrolled to the top with the caret in Title; template sentences are listed until changed', async ({ app }) => {
  // A long post, scrolled far down first.
  await app.getByRole('list', { name: 'Posts' }).getByRole('button', { name: /^A Long Day/ }).click();
  const body = app.getByRole('textbox', { name: 'Post body' });
  // Drawn in a window (engine/block-window.ts): the last paragraphs are not in the page yet.
  await expect(body).toContainText('Paragraph 1 of a long day');
  const scroller = app.locator('.editor-scroll');
  await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBeGreaterThan(500);

  await app.getByRole('button', { name: 'New post' }).click();
  const dialog = app.getByRole('dialog', { name: 'New post' });
  await dialog.getByLabel('Title').fill('Harbour Cleanup Day');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();

  const title = app.getByRole('form', { name: 'Front matter' }).getByRole('textbox', { name: 'Title', exact: true });
  await expect(title).toHaveValue('Harbour Cleanup Day');
  await expect(title).toBeFocused();
  expect(await scroller.evaluate((el) => el.scrollTop)).toBe(0);

  // The sample archetype's two placeholder sentences.
  await app.getByRole('tab', { name: 'Checklist' }).click();
  const checklist = app.getByRole('list', { name: 'Checklist' });
  await expect(checklist).toContainText('“Write the opening paragraph here.” is still the template\'s text.');
  await expect(checklist).toContainText('“One or two sentences that say what the reader gets from this post.” is still the template\'s text.');

  // Changed: no longer listed.
  await body.locator('p', { hasText: 'Write the opening paragraph here.' }).click();
  await app.keyboard.press('End');
  await app.keyboard.press('Shift+Home');
  await app.keyboard.type('Forty people picked up litter along the quay.');
  await expect(checklist).not.toContainText('Write the opening paragraph here.');
  await expect(checklist).toContainText('“One or two sentences that say what the reader gets from this post.” is still the template\'s text.');
});
