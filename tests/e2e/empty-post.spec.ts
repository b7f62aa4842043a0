// A post with front matter and no body, or an empty file, is a post like any other: it shows
// "Start writing…", takes text, and Ctrl+S writes that text after the front matter, which stays
// byte for byte. Leaving one with Discard keeps a working app (it once blanked the window).
import { test, expect } from './support/fixtures';
import { readPostBytes } from './support/disk';

const STUB = 'blog/stub/index.md';
const STUB_TEXT = '---\ntitle: "Stub"\ndate: 2025-01-02\n---\n';
const EMPTY = 'blog/empty/index.md';

test.use({ siteFiles: { [`content/${STUB}`]: STUB_TEXT, [`content/${EMPTY}`]: '' } });

test('typing into a body-less post and pressing Ctrl+S writes the text after the untouched front matter', async ({ app, site }) => {
  await app.getByRole('list', { name: 'Posts' }).getByRole('button', { name: /^Stub/ }).click();
  const body = app.getByRole('textbox', { name: 'Post body' });
  await expect(body).toHaveAttribute('contenteditable', 'true');
  await expect(body).toHaveAttribute('aria-placeholder', 'Start writing…');
  await body.click();
  await app.keyboard.type('First words of the stub.');
  await expect(body).not.toHaveAttribute('aria-placeholder');
  const status = app.getByRole('status', { name: 'Save state' });
  await expect(status).toHaveText('Unsaved changes');
  await app.keyboard.press('Control+s');
  await expect(status).toHaveText('Saved');
  expect(readPostBytes(site.contentDir, STUB).toString('utf8')).toBe(`${STUB_TEXT}First words of the stub.\n`);

  // A second paragraph goes on from what was saved.
  await app.keyboard.press('Enter');
  await app.keyboard.type('And a second one.');
  await app.keyboard.press('Control+s');
  await expect(status).toHaveText('Saved');
  expect(readPostBytes(site.contentDir, STUB).toString('utf8')).toBe(`${STUB_TEXT}First words of the stub.\n\nAnd a second one.\n`);
});

test('an empty file takes text and saves it', async ({ app, site }) => {
  await app.getByRole('list', { name: 'Posts' }).locator(`button[data-path="${EMPTY}"]`).click();
  const body = app.getByRole('textbox', { name: 'Post body' });
  await expect(body).toHaveAttribute('aria-placeholder', 'Start writing…');
  await body.click();
  await app.keyboard.type('Written into nothing.');
  await app.keyboard.press('Control+s');
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  expect(readPostBytes(site.contentDir, EMPTY).toString('utf8')).toBe('Written into nothing.\n');
});

test('leaving a body-less post with Discard keeps a working app and the file as it was', async ({ app, site }) => {
  const list = app.getByRole('list', { name: 'Posts' });
  await list.getByRole('button', { name: /^Stub/ }).click();
  const body = app.getByRole('textbox', { name: 'Post body' });
  await body.click();
  await app.keyboard.type('Words to throw away.');
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Unsaved changes');

  await list.getByRole('button', { name: /^Call for Speakers/ }).click();
  const dialog = app.getByRole('alertdialog', { name: 'Unsaved changes' });
  await dialog.getByRole('button', { name: 'Discard' }).click();
  const title = app.getByRole('form', { name: 'Front matter' }).getByRole('textbox', { name: 'Title', exact: true });
  await expect(title).toHaveValue(/^Call for Speakers/);
  await expect(body).toContainText('Driftwood Summit');
  expect(readPostBytes(site.contentDir, STUB).toString('utf8')).toBe(STUB_TEXT);

  // The stub opens again, empty, and still takes text.
  await list.getByRole('button', { name: /^Stub/ }).click();
  await expect(body).toHaveAttribute('aria-placeholder', 'Start writing…');
  await body.click();
  await app.keyboard.type('Kept this time.');
  await app.keyboard.press('Control+s');
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  expect(readPostBytes(site.contentDir, STUB).toString('utf8')).toBe(`${STUB_TEXT}Kept this time.\n`);
});
