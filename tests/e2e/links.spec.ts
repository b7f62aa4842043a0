// Links as writers know them: another post of the site is linked by picking it by title (its
// address written the way the site's posts already link), a link in the text shows where it goes
// with Open, Edit and Remove, and a web address pasted over words links them.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { changedLines, readPostBytes } from './support/disk';

const VOLUNTEERS = 'blog/volunteer-thank-you/index.md';
const LINE = 'A few of them we want to thank by name:';

async function selectFirstWords(app: Page, words: string) {
  await app.getByRole('list', { name: 'Posts' }).getByRole('button', { name: /^Thank You, Driftwood Volunteers/ }).click();
  const body = app.getByRole('textbox', { name: 'Post body' });
  await expect(body).toHaveAttribute('contenteditable', 'true');
  const para = body.locator('p', { hasText: LINE });
  await para.click();
  await para.evaluate((p, n) => {
    const text = p.firstChild!;
    getSelection()!.setBaseAndExtent(text, 0, text, n);
  }, words.length);
  await expect(app.getByLabel('Selection count')).toContainText(String(words.split(' ').length));
  return para;
}

async function linkToPostByTitle(app: Page, search: string, title: RegExp) {
  await app.keyboard.press('Control+k');
  const dialog = app.getByRole('dialog', { name: 'Link' });
  await dialog.getByRole('tab', { name: 'Posts of this site' }).click();
  await dialog.getByLabel('Search posts by title').fill(search);
  await dialog.getByRole('list', { name: 'Posts of this site' }).getByRole('button', { name: title }).click();
  await expect(dialog).toBeHidden();
}

async function save(app: Page) {
  await app.keyboard.press('Control+s');
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
}

test('the Link dialog links another post, found by title, with a relative address when the site has no links yet', async ({ app, site }) => {
  const before = readPostBytes(site.contentDir, VOLUNTEERS).toString('utf8');
  const para = await selectFirstWords(app, 'A few of');
  await linkToPostByTitle(app, 'travel tips', /^Getting to Port Alder/);
  await expect(para.locator('a', { hasText: 'A few of' })).toHaveAttribute('href', '../travel-tips-port-alder/');
  await save(app);
  expect(changedLines(before, readPostBytes(site.contentDir, VOLUNTEERS).toString('utf8'))).toEqual({
    removed: [LINE],
    added: ['[A few of](../travel-tips-port-alder/) them we want to thank by name:'],
  });
});

test('a link to a post takes the form the site already uses (here permalinks)', async ({ page, site }) => {
  // Two posts already link others by permalink, one by a relative path.
  const booth = join(site.contentDir, 'blog/booth-notes/index.md');
  writeFileSync(booth, readFileSync(booth, 'utf8') + '\nSee [the recap](/blog/driftwood-summit-2025-recap/) and [tips](/blog/travel-tips-port-alder/).\n');
  const talks = join(site.contentDir, 'blog/talks-we-loved/index.md');
  writeFileSync(talks, readFileSync(talks, 'utf8') + '\nMore in [the booth notes](../booth-notes/).\n');
  await page.goto(site.url);
  const before = readPostBytes(site.contentDir, VOLUNTEERS).toString('utf8');
  await selectFirstWords(page, 'A few of');
  await linkToPostByTitle(page, 'booth', /^Notes from the booth/);
  await save(page);
  expect(changedLines(before, readPostBytes(site.contentDir, VOLUNTEERS).toString('utf8')).added).toEqual(['[A few of](/blog/booth-notes/) them we want to thank by name:']);
});
