// A web address typed into a post is saved exactly as typed: no `https\://`, no `\&`.
import { test, expect } from './support/fixtures';
import { changedLines, readPostBytes } from './support/disk';
import { caretAtEnd } from './support/caret';

const VOLUNTEERS = 'blog/volunteer-thank-you/index.md';
const LINE = 'A few of them we want to thank by name:';

test('a web address typed at the end of a line and saved with Ctrl+S is on disk as typed', async ({ app, site }) => {
  const before = readPostBytes(site.contentDir, VOLUNTEERS).toString('utf8');
  await app.getByRole('list', { name: 'Posts' }).getByRole('button', { name: /^Thank You, Driftwood Volunteers/ }).click();
  const body = app.getByRole('textbox', { name: 'Post body' });
  await expect(body).toHaveAttribute('contenteditable', 'true');
  const para = body.locator('p', { hasText: LINE });
  await caretAtEnd(para);
  await app.keyboard.type(' (photos: https://example.com/gallery?year=2026&day=2 or www.example.com)');
  await app.keyboard.press('Control+s');
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  const change = changedLines(before, readPostBytes(site.contentDir, VOLUNTEERS).toString('utf8'));
  expect(change).toEqual({
    removed: [LINE],
    added: [`${LINE} (photos: https://example.com/gallery?year=2026&day=2 or www.example.com)`],
  });
});
