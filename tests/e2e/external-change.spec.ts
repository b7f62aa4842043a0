// A post changed on disk by another program while it is open: with no unsaved edits it is
// reloaded; with unsaved edits a banner offers Keep mine, Take theirs and Compare, and the
// bytes on disk are what the writer chose.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { changedLines } from './support/disk';

const VOLUNTEERS = 'blog/volunteer-thank-you/index.md';

const saveState = (app: Page) => app.getByRole('status', { name: 'Save state' });

async function openVolunteers(app: Page) {
  await app.getByRole('list', { name: 'Posts' }).getByRole('button', { name: /^Thank You, Driftwood Volunteers/ }).click();
  await expect(app.getByRole('textbox', { name: 'Post body' })).toHaveAttribute('contenteditable', 'true');
}

async function typeMine(app: Page) {
  await app.getByRole('textbox', { name: 'Post body' }).locator('p', { hasText: 'Thank you all.' }).click();
  await app.keyboard.press('End');
  await app.keyboard.type(' Mine.');
  await expect(saveState(app)).toHaveText('Unsaved changes');
}

test('with no unsaved edits, the post is reloaded from disk', async ({ app, site }) => {
  const file = join(site.contentDir, VOLUNTEERS);
  await openVolunteers(app);
  const theirs = readFileSync(file, 'utf8').replace('Thank you all.', 'Thank you, everyone.');
  writeFileSync(file, theirs);
  await expect(app.getByRole('textbox', { name: 'Post body' })).toContainText('Thank you, everyone.');
  await expect(saveState(app)).toHaveText('Saved');
  await expect(app.getByRole('region', { name: 'Post changed on disk' })).toHaveCount(0);
  expect(readFileSync(file, 'utf8')).toBe(theirs);
});

test('with unsaved edits, a banner offers Compare and Take theirs', async ({ app, site }) => {
  const file = join(site.contentDir, VOLUNTEERS);
  await openVolunteers(app);
  await typeMine(app);
  const theirs = readFileSync(file, 'utf8').replace('Forty-two volunteers', 'Forty-three volunteers');
  writeFileSync(file, theirs);
  const banner = app.getByRole('region', { name: 'Post changed on disk' });
  await expect(banner).toBeVisible();
  await expect(banner.getByRole('button', { name: 'Keep mine' })).toBeVisible();

  await banner.getByRole('button', { name: 'Compare' }).click();
  const compare = app.getByRole('dialog', { name: 'Compare with the file on disk' });
  await expect(compare.locator('ins')).toContainText(['Thank you all. Same time next year? Mine.']);
  await expect(compare.locator('del')).toContainText(['Thank you all. Same time next year?']);
  await compare.getByRole('button', { name: 'Take theirs' }).click();
  await expect(compare).toBeHidden();
  await expect(banner).toBeHidden();
  await expect(app.getByRole('textbox', { name: 'Post body' })).not.toContainText('Mine.');
  await expect(app.getByRole('form', { name: 'Front matter' }).getByRole('textbox', { name: 'Description', exact: true })).toHaveValue(/^Forty-three/);
  await expect(saveState(app)).toHaveText('Saved');
  expect(readFileSync(file, 'utf8')).toBe(theirs);
});

test('with unsaved edits, Keep mine then Save writes the writer\'s version', async ({ app, site }) => {
  const file = join(site.contentDir, VOLUNTEERS);
  const original = readFileSync(file, 'utf8');
  await openVolunteers(app);
  await typeMine(app);
  writeFileSync(file, original.replace('Forty-two volunteers', 'Forty-three volunteers'));
  const banner = app.getByRole('region', { name: 'Post changed on disk' });
  await banner.getByRole('button', { name: 'Keep mine' }).click();
  await expect(banner).toBeHidden();
  await app.keyboard.press('Control+s');
  await expect(saveState(app)).toHaveText('Saved');
  expect(changedLines(original, readFileSync(file, 'utf8'))).toEqual({
    removed: ['Thank you all. Same time next year?'],
    added: ['Thank you all. Same time next year? Mine.'],
  });
});
