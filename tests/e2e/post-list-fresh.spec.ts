// The post list keeps up: a save shows in the list within a second (title, date, draft, tags; a
// garbled title fixed), and so does a post changed by another program (the site watcher), one
// entry at a time: neither ever lists the whole site again. Garbled titles carry a badge;
// unreadable front matter says so in plain words and the message goes once it is fixed.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { fixMojibake } from '../../shared/mojibake';

const VOLUNTEERS = 'blog/volunteer-thank-you/index.md';
const RECAP = 'blog/driftwood-summit-2025-recap/index.md';
/** The list's promise after a save. */
const WITHIN_MS = 1_000;

const saveState = (app: Page) => app.getByRole('status', { name: 'Save state' });
const row = (app: Page, path: string) => app.getByRole('list', { name: 'Posts' }).locator(`li:has(button[data-path="${path}"])`);

/** Counts the full listings the page asks for from now on. */
function countListings(app: Page): { count: number } {
  const seen = { count: 0 };
  app.on('request', (r) => {
    if (r.url().includes('/api/call/listPosts')) seen.count++;
  });
  return seen;
}

async function openPath(app: Page, path: string) {
  await app.getByRole('list', { name: 'Posts' }).locator(`button[data-path="${path}"]`).click();
  await expect(app.getByRole('textbox', { name: 'Post body' })).toHaveAttribute('contenteditable', 'true');
}

async function save(app: Page) {
  await expect(saveState(app)).toHaveText('Unsaved changes');
  await app.keyboard.press('Control+s');
  await expect(saveState(app)).toHaveText('Saved');
}

test('title, date, draft and tags changed in the form show in the list within a second of saving', async ({ app }) => {
  await openPath(app, VOLUNTEERS);
  const listings = countListings(app);
  const form = app.getByRole('form', { name: 'Front matter' });
  const item = row(app, VOLUNTEERS);

  await form.getByRole('textbox', { name: 'Title', exact: true }).fill('Thanks to the Ferry Volunteers');
  await save(app);
  await expect(item).toHaveAccessibleName(/^Thanks to the Ferry Volunteers, /, { timeout: WITHIN_MS });
  await expect(app.getByRole('list', { name: 'Posts' }).getByRole('button', { name: /^Thank You, Driftwood Volunteers/ })).toHaveCount(0);

  await form.getByLabel('Date', { exact: true }).fill('2027-06-03T10:00:00'); // newer than every sample post
  await form.getByRole('switch', { name: 'Draft' }).check();
  const tags = form.getByRole('combobox', { name: 'Tags', exact: true });
  await tags.fill('Ferries');
  await tags.press('Enter');
  await save(app);
  await expect(item).toHaveAccessibleName(/^Thanks to the Ferry Volunteers, 2027-06-03, draft, .*tags: Driftwood Summit, Volunteers, Ferries/, { timeout: WITHIN_MS });
  await expect(item.locator('.badge-draft')).toHaveText('Draft');
  await expect(item.locator('.tag')).toHaveText(['Driftwood Summit', 'Volunteers', 'Ferries']);
  // Newest first: the new date moved the post to the top.
  await expect(app.getByRole('list', { name: 'Posts' }).locator('button.post-button').first()).toHaveAttribute('data-path', VOLUNTEERS);
  expect(listings.count, 'a save must not list the whole site again').toBe(0);
});

test('a garbled title has a badge; fixed and saved, the list shows the fixed title', async ({ app, site }) => {
  const path = 'blog/ferry-schedule/index.md';
  const garbled = 'Donâ€™t Miss the Last Ferry';
  mkdirSync(join(site.contentDir, 'blog/ferry-schedule'), { recursive: true });
  // Written by another program: the watcher reports a new post and the list shows it.
  writeFileSync(join(site.contentDir, path), `---\ntitle: "${garbled}"\ndate: 2025-06-01\n---\n\nThe last ferry leaves at nine.\n`);
  const item = row(app, path);
  await expect(item).toHaveAccessibleName(new RegExp(`^${garbled}, .*garbled text`));
  await expect(item.locator('.badge-garbled')).toHaveText('Garbled text');

  await openPath(app, path);
  const listings = countListings(app);
  const banner = app.getByRole('region', { name: 'Garbled characters' });
  await banner.getByRole('button', { name: 'Fix' }).click();
  await save(app);
  const fixed = fixMojibake(garbled);
  expect(fixed).toBe('Don’t Miss the Last Ferry');
  await expect(item.locator('.post-title')).toHaveText(fixed, { timeout: WITHIN_MS });
  await expect(item.locator('.badge-garbled')).toHaveCount(0);
  await expect(item).not.toHaveAccessibleName(/garbled text/);
  expect(readFileSync(join(site.contentDir, path), 'utf8')).toContain(`title: "${fixed}"`);
  expect(listings.count).toBe(0);
});

test('a post changed by another program updates its row, without listing the site again', async ({ app, site }) => {
  const listings = countListings(app);
  const file = join(site.contentDir, RECAP);
  const before = readFileSync(file, 'utf8');
  const item = row(app, RECAP);
  await expect(item).toHaveAccessibleName(/^Driftwood Summit 2025 Recap: What Didn't Fit/);
  writeFileSync(file, before.replace(/^title: .*$/m, 'title: "Recap, Edited Elsewhere"').replace(/^draft: false$/m, 'draft: true'));
  await expect(item).toHaveAccessibleName(/^Recap, Edited Elsewhere, .*draft/);
  await expect(item.locator('.badge-draft')).toHaveText('Draft');
  expect(listings.count).toBe(0);
});

test('a front-matter error shows in plain words and clears once fixed', async ({ app, site }) => {
  const listings = countListings(app);
  const file = join(site.contentDir, RECAP);
  const before = readFileSync(file, 'utf8');
  const item = row(app, RECAP);
  // Another program takes the quotes off a title that holds a colon: a classic slip.
  writeFileSync(file, before.replace(/^title: "(.*)"$/m, 'title: $1'));
  const titleLine = before.split('\n').findIndex((l) => l.startsWith('title: ')) + 1;
  const problem = item.locator('.post-problem');
  await expect(problem).toContainText("The post's settings at the top cannot be read.");
  await expect(problem).toContainText(`Line ${titleLine}: a line is indented differently from the others, or a value holds a colon (:) and needs quotes around it.`);
  await expect(problem).not.toContainText(/scalar|YAML|stream/i);
  writeFileSync(file, before);
  await expect(problem).toHaveCount(0);
  await expect(item).toHaveAccessibleName(/^Driftwood Summit 2025 Recap: What Didn't Fit/);
  expect(listings.count).toBe(0);
});
