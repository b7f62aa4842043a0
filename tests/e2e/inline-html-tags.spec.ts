// A writer edits words inside inline HTML tags (`<mark>`, `<kbd>`) as ordinary text: no tags on
// screen, the marked words look marked; select a word inside the tags, type, Ctrl+S: only that
// line changes on disk, and both tags are written exactly as they were.
import { test, expect } from './support/fixtures';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { changedLines, readPostBytes } from './support/disk';

const CFP = 'blog/call-for-speakers/index.md';

test('typing inside a <mark> pair and pressing Ctrl+S changes only its line; the tags stay exact', async ({ app, site }) => {
  // Written before the post is opened, as another program would.
  const file = join(site.contentDir, CFP);
  const added = '\nPress <kbd>Ctrl</kbd>+<kbd>S</kbd> to save: <mark class="hl">proposals</mark> are read weekly.\n';
  writeFileSync(file, readFileSync(file, 'utf8') + added);
  const before = readPostBytes(site.contentDir, CFP).toString('utf8');
  await app.getByRole('list', { name: 'Posts' }).getByRole('button', { name: /^Call for Speakers/ }).click();
  const body = app.getByRole('textbox', { name: 'Post body' });
  await expect(body).toHaveAttribute('contenteditable', 'true');

  const para = body.locator('p', { hasText: 'to save:' });
  await expect(para).toHaveText('Press Ctrl+S to save: proposals are read weekly.');
  const marked = para.locator('.pw-html-wrap[data-tag="mark"]');
  await expect(marked).toHaveText('proposals');

  await marked.dblclick();
  await app.keyboard.type('talks');
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Unsaved changes');
  await app.keyboard.press('Control+s');
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Saved');

  const after = readPostBytes(site.contentDir, CFP).toString('utf8');
  expect(changedLines(before, after)).toEqual({
    removed: ['Press <kbd>Ctrl</kbd>+<kbd>S</kbd> to save: <mark class="hl">proposals</mark> are read weekly.'],
    added: ['Press <kbd>Ctrl</kbd>+<kbd>S</kbd> to save: <mark class="hl">talks</mark> are read weekly.'],
  });
});
