// Switching posts with unsaved changes asks first: Cancel keeps the writer where they were,
// Discard leaves the file on disk untouched, Save writes the change and then switches.
import { test, expect } from './support/fixtures';
import { changedLines, readPostBytes } from './support/disk';

const VOLUNTEERS = 'blog/volunteer-thank-you/index.md';

test('switching posts with unsaved changes asks: Cancel, Discard, Save', async ({ app, site }) => {
  const before = readPostBytes(site.contentDir, VOLUNTEERS);
  const list = app.getByRole('list', { name: 'Posts' });
  const status = app.getByRole('status', { name: 'Save state' });
  const body = app.getByRole('textbox', { name: 'Post body' });
  const typeInParagraph = async (text: string) => {
    await body.locator('p', { hasText: 'Thank you all.' }).click();
    await app.keyboard.press('End');
    await app.keyboard.type(text);
    await expect(status).toHaveText('Unsaved changes');
  };

  await list.getByRole('button', { name: /^Thank You, Driftwood Volunteers/ }).click();
  await typeInParagraph(' See you soon.');

  // Cancel: still on the same post, text still there, still unsaved.
  await list.getByRole('button', { name: /^Call for Speakers/ }).click();
  const dialog = app.getByRole('alertdialog', { name: 'Unsaved changes' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Thank You, Driftwood Volunteers');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(body).toContainText('See you soon.');
  await expect(status).toHaveText('Unsaved changes');

  // Escape is Cancel too.
  await list.getByRole('button', { name: /^Call for Speakers/ }).click();
  await expect(dialog).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(status).toHaveText('Unsaved changes');

  // Discard: the other post opens, nothing was written.
  await list.getByRole('button', { name: /^Call for Speakers/ }).click();
  await dialog.getByRole('button', { name: 'Discard' }).click();
  await expect(app.getByRole('form', { name: 'Front matter' }).getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(/^Call for Speakers/);
  await expect(status).toHaveText('Saved');
  expect(readPostBytes(site.contentDir, VOLUNTEERS).equals(before)).toBe(true);

  // Save: the change is written, then the other post opens.
  await list.getByRole('button', { name: /^Thank You, Driftwood Volunteers/ }).click();
  await typeInParagraph(' See you soon.');
  await list.getByRole('button', { name: /^Call for Speakers/ }).click();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(app.getByRole('form', { name: 'Front matter' }).getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(/^Call for Speakers/);
  const after = readPostBytes(site.contentDir, VOLUNTEERS).toString('utf8');
  expect(changedLines(before.toString('utf8'), after)).toEqual({
    removed: ['Thank you all. Same time next year?'],
    added: ['Thank you all. Same time next year? See you soon.'],
  });
});

test('closing the page with unsaved changes asks first', async ({ app }) => {
  await app.getByRole('list', { name: 'Posts' }).getByRole('button', { name: /^Thank You, Driftwood Volunteers/ }).click();
  await app.getByRole('textbox', { name: 'Post body' }).locator('p', { hasText: 'Thank you all.' }).click();
  await app.keyboard.type('Hi ');
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Unsaved changes');
  const asked = new Promise<string>((resolve) => app.once('dialog', (d) => {
    resolve(d.type());
    void d.dismiss();
  }));
  await app.close({ runBeforeUnload: true });
  expect(await asked).toBe('beforeunload');
});

test('a file changed on disk by another program is not overwritten silently', async ({ app, site }) => {
  const { writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  await app.getByRole('list', { name: 'Posts' }).getByRole('button', { name: /^Thank You, Driftwood Volunteers/ }).click();
  await app.getByRole('textbox', { name: 'Post body' }).locator('p', { hasText: 'Thank you all.' }).click();
  await app.keyboard.press('End');
  await app.keyboard.type(' Mine.');
  const theirs = readPostBytes(site.contentDir, VOLUNTEERS).toString('utf8').replace('Thank you all.', 'Thank you, everyone.');
  writeFileSync(join(site.contentDir, VOLUNTEERS), theirs);
  await app.keyboard.press('Control+s');
  await expect(app.getByRole('alert')).toContainText('changed on disk');
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Unsaved changes');
  expect(readPostBytes(site.contentDir, VOLUNTEERS).toString('utf8')).toBe(theirs);
  // The writer chooses to keep their version: the next save replaces the file.
  await app.getByRole('button', { name: 'Keep mine' }).click();
  await expect(app.getByRole('region', { name: 'Post changed on disk' })).toBeHidden();
  await app.keyboard.press('Control+s');
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  expect(readPostBytes(site.contentDir, VOLUNTEERS).toString('utf8')).toContain('Thank you all. Same time next year? Mine.');
});
