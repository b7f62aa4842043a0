// One broken region never blanks the window. A test hook (crash-probe.tsx, callable only by code
// in the page, never by a post) makes a region fail to draw as a bug would: the region shows a
// plain message, the rest of the app keeps working, the unsaved text is in the recovery journal
// before the message shows, the error is in the app's log, and "Reload this post" brings the
// text back to be saved.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { changedLines, readPostBytes } from './support/disk';

const VOLUNTEERS = 'blog/volunteer-thank-you/index.md';
const SENTENCE = ' The ferry crew brought coffee at dawn.';

const failRegion = (app: Page, region: string) => app.evaluate((r) => window.postwrightFailRegion?.(r as never), region);
const journalHolds = (dataDir: string, text: string) => {
  const dir = join(dataDir, 'recovery');
  return readdirSync(dir).some((f) => readFileSync(join(dir, f), 'utf8').includes(text));
};

test('a broken editor says so in plain words, keeps the text, and Reload this post brings it back', async ({ app, site }) => {
  const before = readPostBytes(site.contentDir, VOLUNTEERS).toString('utf8');
  const list = app.getByRole('list', { name: 'Posts' });
  await list.getByRole('button', { name: /^Thank You, Driftwood Volunteers/ }).click();
  const body = app.getByRole('textbox', { name: 'Post body' });
  await body.locator('p', { hasText: 'Thank you all.' }).click();
  await app.keyboard.press('End');
  await app.keyboard.type(SENTENCE);

  await failRegion(app, 'editor');
  const alert = app.getByRole('alert').filter({ hasText: 'Something went wrong in the editor. Your text is safe.' });
  await expect(alert).toBeVisible();
  await expect(body).toHaveCount(0);
  // The text went to the journal before the message showed; the error went to the log.
  expect(journalHolds(site.dataDir, SENTENCE.trim())).toBe(true);
  await expect.poll(() => readFileSync(join(site.dataDir, 'postwright.log'), 'utf8')).toContain('error in the editor (post blog/volunteer-thank-you/index.md): The editor failed to draw');

  // The rest of the app works: the form takes input, the side panel answers.
  const title = app.getByRole('form', { name: 'Front matter' }).getByRole('textbox', { name: 'Title', exact: true });
  await expect(title).toHaveValue(/^Thank You, Driftwood Volunteers/);
  await app.getByRole('tab', { name: 'Checklist' }).click();
  await expect(app.getByRole('tab', { name: 'Checklist' })).toHaveAttribute('aria-selected', 'true');
  // Save writes nothing while the editor's text is only in the journal.
  await app.keyboard.press('Control+s');
  await expect(app.getByRole('alert').filter({ hasText: 'Choose “Reload this post”' })).toBeVisible();
  expect(readPostBytes(site.contentDir, VOLUNTEERS).toString('utf8')).toBe(before);

  await alert.getByRole('button', { name: 'Reload this post' }).click();
  await expect(body).toContainText(`Thank you all. Same time next year?${SENTENCE}`);
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Unsaved changes');
  await body.click();
  await app.keyboard.press('Control+s');
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  expect(changedLines(before, readPostBytes(site.contentDir, VOLUNTEERS).toString('utf8'))).toEqual({
    removed: ['Thank you all. Same time next year?'],
    added: [`Thank you all. Same time next year?${SENTENCE}`],
  });
});

test('a broken post list leaves the editor working, and comes back', async ({ app, site }) => {
  const list = app.getByRole('list', { name: 'Posts' });
  await list.getByRole('button', { name: /^Thank You, Driftwood Volunteers/ }).click();
  const body = app.getByRole('textbox', { name: 'Post body' });
  await body.locator('p', { hasText: 'Thank you all.' }).click();
  await app.keyboard.press('End');
  await app.keyboard.type(SENTENCE);

  await failRegion(app, 'post list');
  const alert = app.getByRole('alert').filter({ hasText: 'Something went wrong in the post list. Your text is safe.' });
  await expect(alert).toBeVisible();
  await expect(list).toHaveCount(0);
  expect(journalHolds(site.dataDir, SENTENCE.trim())).toBe(true);
  // The editor still takes text and saves it.
  await app.keyboard.type(' Twice.');
  await app.keyboard.press('Control+s');
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  expect(readPostBytes(site.contentDir, VOLUNTEERS).toString('utf8')).toContain(`${SENTENCE} Twice.`);

  await alert.getByRole('button', { name: 'Reload the list' }).click();
  await expect(list.getByRole('button', { name: /^Call for Speakers/ })).toBeVisible();
});

test('a broken dialog closes and the app goes on', async ({ app }) => {
  await app.getByRole('button', { name: 'New post' }).click();
  await expect(app.getByRole('dialog')).toBeVisible();
  await failRegion(app, 'dialog');
  const alert = app.getByRole('alert').filter({ hasText: 'Something went wrong in this dialog. Your text is safe.' });
  await expect(alert).toBeVisible();
  await alert.getByRole('button', { name: 'Close' }).click();
  await expect(alert).toHaveCount(0);
  await app.getByRole('list', { name: 'Posts' }).getByRole('button', { name: /^Call for Speakers/ }).click();
  await expect(app.getByRole('textbox', { name: 'Post body' })).toContainText('Driftwood Summit');
});

test('a broken dialog opened from the top bar closes too', async ({ app }) => {
  await app.getByRole('button', { name: 'Set up versions…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Versions and sync settings' });
  await expect(dialog).toBeVisible();
  await failRegion(app, 'dialog');
  const alert = app.getByRole('alert').filter({ hasText: 'Something went wrong in this dialog. Your text is safe.' });
  await expect(alert).toBeVisible();
  await expect(dialog).toHaveCount(0);
  await alert.getByRole('button', { name: 'Close' }).click();
  await expect(alert).toHaveCount(0);
  // It opens again, working.
  await app.getByRole('button', { name: 'Set up versions…' }).click();
  await expect(dialog).toBeVisible();
});

test('a broken form or side panel leaves the editor working; each comes back', async ({ app, site }) => {
  await app.getByRole('list', { name: 'Posts' }).getByRole('button', { name: /^Thank You, Driftwood Volunteers/ }).click();
  const body = app.getByRole('textbox', { name: 'Post body' });
  await body.locator('p', { hasText: 'Thank you all.' }).click();
  await app.keyboard.press('End');
  await app.keyboard.type(SENTENCE);

  await failRegion(app, 'side panel');
  const panelAlert = app.getByRole('alert').filter({ hasText: 'Something went wrong in the side panel. Your text is safe.' });
  await expect(panelAlert).toBeVisible();
  await panelAlert.getByRole('button', { name: 'Show the panel again' }).click();
  await expect(app.getByRole('tab', { name: 'Outline' })).toBeVisible();

  await failRegion(app, 'form');
  const formAlert = app.getByRole('alert').filter({ hasText: 'Something went wrong in the form. Your text is safe.' });
  await expect(formAlert).toBeVisible();
  await expect(app.getByRole('form', { name: 'Front matter' })).toHaveCount(0);
  expect(journalHolds(site.dataDir, SENTENCE.trim())).toBe(true);
  // The editor still takes text.
  await body.locator('p', { hasText: 'Thank you all.' }).click();
  await app.keyboard.press('End');
  await app.keyboard.type(' More.');
  await formAlert.getByRole('button', { name: 'Reload this post' }).click();
  await expect(app.getByRole('form', { name: 'Front matter' }).getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(/^Thank You, Driftwood Volunteers/);
  await expect(body).toContainText(`${SENTENCE} More.`);
  await app.keyboard.press('Control+s');
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  expect(readPostBytes(site.contentDir, VOLUNTEERS).toString('utf8')).toContain(`${SENTENCE} More.`);
});
