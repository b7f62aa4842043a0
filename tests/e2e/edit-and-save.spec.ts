// The promise, end to end: open the sample site in the browser host, edit one paragraph or one
// field, save with Ctrl+S, and the file on disk differs from the original in that one line.
import { test, expect } from './support/fixtures';
import { changedLines, readPostBytes } from './support/disk';
import { expectedPostPaths } from './support/site-files';

const VOLUNTEERS = 'blog/volunteer-thank-you/index.md';
const SENTENCE = ' We also thank the caterers from Port Alder.';

test('the list shows every post of the sample site, newest first', async ({ app, site }) => {
  const expected = expectedPostPaths(site.contentDir);
  expect(expected.length).toBeGreaterThanOrEqual(6);
  const list = app.getByRole('list', { name: 'Posts' });
  await expect(list.getByRole('listitem')).toHaveCount(expected.length);
  const shown = await list.getByRole('button').evaluateAll((els) => els.map((el) => el.getAttribute('data-path')));
  expect([...shown].sort()).toEqual(expected);
  // Each item's name starts with the post's title.
  await expect(list.getByRole('listitem', { name: /^Thank You, Driftwood Volunteers/ })).toHaveCount(1);
  // Dated posts come newest first.
  const dates = await list.locator('.post-date').allTextContents();
  expect(dates).toEqual([...dates].sort().reverse());
});

test('typing a sentence into a paragraph and pressing Ctrl+S changes exactly that line on disk', async ({ app, site }) => {
  const before = readPostBytes(site.contentDir, VOLUNTEERS).toString('utf8');
  await app.getByRole('list', { name: 'Posts' }).getByRole('button', { name: /^Thank You, Driftwood Volunteers/ }).click();
  const body = app.getByRole('textbox', { name: 'Post body' });
  await expect(body).toHaveAttribute('contenteditable', 'true');
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Saved');

  await body.locator('p', { hasText: 'A few of them we want to thank by name:' }).click();
  await app.keyboard.press('End');
  await app.keyboard.type(SENTENCE);
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Unsaved changes');

  await app.keyboard.press('Control+s');
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Saved');

  const after = readPostBytes(site.contentDir, VOLUNTEERS).toString('utf8');
  expect(after).toContain(`A few of them we want to thank by name:${SENTENCE}`);
  expect(changedLines(before, after)).toEqual({
    removed: ['A few of them we want to thank by name:'],
    added: [`A few of them we want to thank by name:${SENTENCE}`],
  });

  // A second edit and save goes on from the saved version (the hash was updated).
  await app.keyboard.type(' Twice.');
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Unsaved changes');
  await app.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  const again = readPostBytes(site.contentDir, VOLUNTEERS).toString('utf8');
  expect(changedLines(before, again).added).toEqual([`A few of them we want to thank by name:${SENTENCE} Twice.`]);
});

test('a key and Ctrl+S within one frame: the saved line has the key', async ({ app, site }) => {
  // A typed character goes into the document after the frame that paints it
  // (engine/commit-after-paint.ts). Here the key and the save come in one task, before any frame:
  // the save must still find the character.
  const before = readPostBytes(site.contentDir, VOLUNTEERS).toString('utf8');
  await app.getByRole('list', { name: 'Posts' }).getByRole('button', { name: /^Thank You, Driftwood Volunteers/ }).click();
  const body = app.getByRole('textbox', { name: 'Post body' });
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  await body.locator('p', { hasText: 'A few of them we want to thank by name:' }).click();
  await app.keyboard.press('End');
  await body.evaluate((el) => {
    const key = (type: string, init: KeyboardEventInit) => el.dispatchEvent(new KeyboardEvent(type, { bubbles: true, cancelable: true, ...init }));
    key('keypress', { key: '!', charCode: 33 });
    key('keydown', { key: 's', ctrlKey: true });
  });
  await expect.poll(() => readPostBytes(site.contentDir, VOLUNTEERS).toString('utf8')).not.toBe(before);
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  expect(changedLines(before, readPostBytes(site.contentDir, VOLUNTEERS).toString('utf8'))).toEqual({
    removed: ['A few of them we want to thank by name:'],
    added: ['A few of them we want to thank by name:!'],
  });
});

test('editing one front-matter field rewrites only its line', async ({ app, site }) => {
  const path = 'blog/call-for-speakers/index.md';
  const before = readPostBytes(site.contentDir, path).toString('utf8');
  await app.getByRole('list', { name: 'Posts' }).getByRole('button', { name: /^Call for Speakers/ }).click();
  const form = app.getByRole('form', { name: 'Front matter' });
  const title = form.getByRole('textbox', { name: 'Title', exact: true });
  await expect(title).toHaveValue('Call for Speakers: Driftwood Summit 2026 Is Open');
  await title.fill('Call for Speakers: Driftwood Summit 2026 Is Now Open');
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Unsaved changes');
  await app.keyboard.press('Control+s');
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  const after = readPostBytes(site.contentDir, path).toString('utf8');
  expect(changedLines(before, after)).toEqual({
    removed: ['title: "Call for Speakers: Driftwood Summit 2026 Is Open"'],
    added: ['title: "Call for Speakers: Driftwood Summit 2026 Is Now Open"'],
  });
});

test('opening and saving every post without edits leaves every byte as it was', async ({ app, site }) => {
  const paths = expectedPostPaths(site.contentDir);
  const before = new Map(paths.map((p) => [p, readPostBytes(site.contentDir, p)]));
  const list = app.getByRole('list', { name: 'Posts' });
  for (const p of paths) {
    await list.locator(`button[data-path="${p}"]`).click();
    await expect(app.getByRole('textbox', { name: 'Post body' })).toBeVisible();
    await expect(app.locator('.status-path')).toHaveText(p);
    await app.keyboard.press('Control+s');
    await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  }
  for (const p of paths) expect(readPostBytes(site.contentDir, p).equals(before.get(p) as Buffer), p).toBe(true);
});

test('toolbar buttons format the selection and only that line changes', async ({ app, site }) => {
  const before = readPostBytes(site.contentDir, VOLUNTEERS).toString('utf8');
  await app.getByRole('list', { name: 'Posts' }).getByRole('button', { name: /^Thank You, Driftwood Volunteers/ }).click();
  const body = app.getByRole('textbox', { name: 'Post body' });
  await body.locator('p', { hasText: 'Thank you all.' }).click();
  await app.keyboard.press('End');
  await app.keyboard.type(' Cheers');
  await app.keyboard.press('Shift+Control+ArrowLeft');
  const toolbar = app.getByRole('toolbar', { name: 'Formatting' });
  await toolbar.getByRole('button', { name: 'Bold' }).click();
  await expect(body.locator('strong', { hasText: 'Cheers' })).toBeVisible();
  await expect(body).toBeFocused();
  await app.keyboard.press('Control+s');
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  expect(changedLines(before, readPostBytes(site.contentDir, VOLUNTEERS).toString('utf8'))).toEqual({
    removed: ['Thank you all. Same time next year?'],
    added: ['Thank you all. Same time next year? **Cheers**'],
  });
});
