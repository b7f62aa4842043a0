// The writing aids, end to end on the sample site: the garbled-characters fix changes only
// the garbled lines on disk, search finds a post by a word of its body and opens it, the outline
// jumps to a heading, and find & replace (match case, whole word) edits only the matching lines.
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { changedLines, readPostBytes } from './support/disk';
import { fixMojibake, hasMojibake } from '../../shared/mojibake';

const HALLWAY = 'blog/hallway-track-lessons/index.md';
// This sample post has Windows line endings: every line ends in "\r", and keeps it.
const TRAVEL = 'blog/travel-tips-port-alder/index.md';

const saveState = (app: Page) => app.getByRole('status', { name: 'Save state' });

async function openPath(app: Page, path: string) {
  await app.getByRole('list', { name: 'Posts' }).locator(`button[data-path="${path}"]`).click();
  await expect(app.getByRole('textbox', { name: 'Post body' })).toHaveAttribute('contenteditable', 'true');
}

async function save(app: Page) {
  await expect(saveState(app)).toHaveText('Unsaved changes');
  await app.keyboard.press('Control+s');
  await expect(saveState(app)).toHaveText('Saved');
}

test('Fix on the garbled-characters banner changes only the garbled lines', async ({ app, site }) => {
  const before = readPostBytes(site.contentDir, HALLWAY).toString('utf8');
  await openPath(app, HALLWAY);
  const banner = app.getByRole('region', { name: 'Garbled characters' });
  await expect(banner).toContainText(/\d+ garbled characters/);
  await expect(banner.getByRole('list', { name: 'Repairs' })).toContainText('’');
  await banner.getByRole('button', { name: 'Fix' }).click();
  await expect(banner).toBeHidden();
  await save(app);

  const after = readPostBytes(site.contentDir, HALLWAY).toString('utf8');
  expect(after).toBe(fixMojibake(before));
  const garbled = before.split('\n').filter((l) => hasMojibake(l));
  expect(garbled.length).toBeGreaterThan(4);
  const change = changedLines(before, after);
  expect(change.removed).toEqual(garbled);
  expect(change.added).toEqual(garbled.map((l) => fixMojibake(l)));
  expect(hasMojibake(after)).toBe(false);
});

test('search finds a post by a word of its body and opens it', async ({ app }) => {
  await app.getByRole('button', { name: 'Search', exact: true }).click();
  await app.getByRole('searchbox', { name: 'Search all posts' }).fill('espresso');
  const results = app.getByRole('list', { name: 'Search results' });
  await expect(results.getByRole('listitem')).toHaveCount(1);
  await expect(results.locator('mark')).toHaveText(['espresso']);
  await results.getByRole('button', { name: /^Open What We Learned from the Hallway Track/ }).click();
  await expect(app.locator('.status-path')).toHaveText(HALLWAY);
  await expect(app.getByRole('textbox', { name: 'Post body' })).toContainText('next to the espresso machine');
});

test('the outline jumps to a heading', async ({ app, site }) => {
  const before = readPostBytes(site.contentDir, TRAVEL).toString('utf8');
  await openPath(app, TRAVEL);
  const outline = app.getByRole('navigation', { name: 'Outline' });
  await expect(outline.getByRole('button')).toHaveText(['By ferry', 'Where to write']);
  await outline.getByRole('button', { name: 'Go to heading: Where to write' }).click();
  // The cursor is at the start of that heading: typing goes there.
  await expect(app.getByRole('textbox', { name: 'Post body' })).toBeFocused();
  await app.keyboard.type('Quiet places: ');
  await save(app);
  expect(changedLines(before, readPostBytes(site.contentDir, TRAVEL).toString('utf8'))).toEqual({
    removed: ['## Where to write\r'],
    added: ['## Quiet places: Where to write\r'],
  });
});

test('find and replace with match case and whole word', async ({ app, site }) => {
  const before = readPostBytes(site.contentDir, TRAVEL).toString('utf8');
  await openPath(app, TRAVEL);
  await app.getByRole('textbox', { name: 'Post body' }).click();
  await app.keyboard.press('Control+f');
  const bar = app.getByRole('search', { name: 'Find and replace' });
  const find = bar.getByRole('searchbox', { name: 'Find' });
  await expect(find).toBeFocused();
  const count = bar.getByRole('status');

  await find.fill('Ferry');
  await expect(count).toHaveText(/^\d of 2$/);
  await bar.getByRole('checkbox', { name: 'Match case' }).check();
  await expect(count).toHaveText('No matches');
  await bar.getByRole('checkbox', { name: 'Match case' }).uncheck();
  await find.fill('ferr');
  await expect(count).toHaveText(/^\d of 2$/);
  await bar.getByRole('checkbox', { name: 'Whole word' }).check();
  await expect(count).toHaveText('No matches');
  await find.fill('ferry');
  await expect(count).toHaveText(/^\d of 2$/);
  await expect(app.locator('.post-body .pw-find-match')).toHaveCount(2);

  await bar.getByRole('textbox', { name: 'Replace with' }).fill('boat');
  await bar.getByRole('button', { name: 'Replace all' }).click();
  await expect(count).toHaveText('Replaced 2');
  await bar.getByRole('button', { name: 'Close find and replace' }).click();
  await expect(bar).toBeHidden();
  await expect(app.locator('.post-body .pw-find-match')).toHaveCount(0);
  await save(app);
  // The shortcode's "ferry.jpg" and its alt text are not the post's text: untouched.
  expect(changedLines(before, readPostBytes(site.contentDir, TRAVEL).toString('utf8'))).toEqual({
    removed: ['## By ferry\r', 'The 07:10 ferry from the mainland gets you in before the keynote. There is no signal for most of the crossing, so download the schedule first.\r'],
    added: ['## By boat\r', 'The 07:10 boat from the mainland gets you in before the keynote. There is no signal for most of the crossing, so download the schedule first.\r'],
  });
});

test('the selection is counted while it lasts, and typing draws no frame beyond its own', async ({ app }) => {
  await openPath(app, TRAVEL);
  const body = app.getByRole('textbox', { name: 'Post body' });
  await body.getByText('By ferry').click();
  await app.keyboard.press('End');
  await app.keyboard.press('Shift+Home');
  await expect(app.getByLabel('Selection count')).toContainText('2 words');
  // Shown whole, at 1,280 px with the side panel open: the post's path gives way first.
  const counts = app.getByRole('status', { name: 'Word count' });
  expect(await counts.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await app.keyboard.press('End');
  await expect(app.getByLabel('Selection count')).toBeHidden();

  // Each animation frame the app asks for after a key is one more frame drawn, and the browser
  // then holds the next key's frame for the display's beat: typing must ask for none. A frame
  // asked for while the key itself is handled is the key's own frame (the typed character's
  // commit waits for it: engine/commit-after-paint.ts), so only the others count.
  await app.evaluate(() => {
    const w = window as unknown as { rafAsked: number };
    w.rafAsked = 0;
    const ask = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (cb) => {
      if (!(window.event instanceof KeyboardEvent)) w.rafAsked++;
      return ask(cb);
    };
  });
  for (const ch of ' and by boat') await app.keyboard.type(ch, { delay: 30 });
  await expect(body.getByRole('heading', { name: 'By ferry and by boat' })).toBeVisible();
  expect(await app.evaluate(() => (window as unknown as { rafAsked: number }).rafAsked)).toBe(0);
});
