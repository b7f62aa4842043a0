// Links as writers know them: another post of the site is linked by picking it by title (its
// address written the way the site's posts already link), a link in the text shows where it goes
// with Open, Edit and Remove, and a web address pasted over words links them.
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

test.describe('on a site whose posts already link each other by permalink', () => {
  // Written before the app starts, so the site's link form is read from them (a file changed
  // under a running app reaches the index a moment later, through the watcher).
  test.use({
    siteFiles: {
      'content/blog/where-to-read-more/index.md':
        '---\ntitle: "Where to Read More"\n---\n\nSee [the recap](/blog/driftwood-summit-2025-recap/) and [tips](/blog/travel-tips-port-alder/).\n\nMore in [the booth notes](../booth-notes/).\n',
    },
  });

  test('a link to a post takes the form the site already uses', async ({ app, site }) => {
    const before = readPostBytes(site.contentDir, VOLUNTEERS).toString('utf8');
    await selectFirstWords(app, 'A few of');
    await linkToPostByTitle(app, 'booth', /^Notes from the booth/);
    await save(app);
    expect(changedLines(before, readPostBytes(site.contentDir, VOLUNTEERS).toString('utf8')).added).toEqual(['[A few of](/blog/booth-notes/) them we want to thank by name:']);
  });

  test("a post picked before the app knows the site's link form waits for it, and is linked in that form", async ({ app, site }) => {
    // Hold the app's answer (on a big site it waits for the search index) until the post is picked.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await app.route('**/api/call/postLinkForm', async (route) => {
      await held;
      await route.continue();
    });
    const before = readPostBytes(site.contentDir, VOLUNTEERS).toString('utf8');
    const para = await selectFirstWords(app, 'A few of');
    await app.keyboard.press('Control+k');
    const dialog = app.getByRole('dialog', { name: 'Link' });
    await dialog.getByRole('tab', { name: 'Posts of this site' }).click();
    await dialog.getByLabel('Search posts by title').fill('booth');
    await dialog.getByRole('list', { name: 'Posts of this site' }).getByRole('button', { name: /^Notes from the booth/ }).click();
    await expect(dialog.getByRole('status')).toHaveText('Preparing the link…');
    release();
    await expect(dialog).toBeHidden();
    await expect(para.locator('a', { hasText: 'A few of' })).toHaveAttribute('href', '/blog/booth-notes/');
    await save(app);
    expect(changedLines(before, readPostBytes(site.contentDir, VOLUNTEERS).toString('utf8')).added).toEqual(['[A few of](/blog/booth-notes/) them we want to thank by name:']);
  });
});

/** Links "A few of" to `address` with Ctrl+K, as a writer would; returns the paragraph. */
async function linkFirstWords(app: Page, address: string) {
  const para = await selectFirstWords(app, 'A few of');
  await app.keyboard.press('Control+k');
  const dialog = app.getByRole('dialog', { name: 'Link' });
  await dialog.getByLabel('Link address').fill(address);
  await dialog.getByLabel('Link address').press('Enter');
  await expect(dialog).toBeHidden();
  return para;
}

test('the caret in a link shows its address; Remove unlinks the words in one undo step', async ({ app, site }) => {
  const before = readPostBytes(site.contentDir, VOLUNTEERS);
  const para = await linkFirstWords(app, 'https://example.org/crew');
  const bubble = app.getByRole('group', { name: 'Link' });
  // The caret right after the new link is beside it, not in it.
  await app.keyboard.press('ArrowRight');
  await expect(bubble).toBeHidden();
  await app.keyboard.press('ArrowLeft');
  await app.keyboard.press('ArrowLeft');
  await expect(bubble).toBeVisible();
  await expect(bubble).toContainText('https://example.org/crew');
  await bubble.getByRole('button', { name: 'Remove link' }).click();
  await expect(para.locator('a')).toHaveCount(0);
  await expect(para).toContainText(LINE);
  await expect(bubble).toBeHidden();
  await app.keyboard.press('Control+z');
  await expect(para.locator('a', { hasText: 'A few of' })).toHaveAttribute('href', 'https://example.org/crew');
  await app.keyboard.press('Control+y');
  await expect(para.locator('a')).toHaveCount(0);
  // Unlinked again, the post is as it was: nothing to save, not one byte changed.
  await app.keyboard.press('Control+s');
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  expect(readPostBytes(site.contentDir, VOLUNTEERS).equals(before)).toBe(true);
});

test("hovering a link shows its address; Edit opens the Link dialog with it, and the new address is saved", async ({ app, site }) => {
  const before = readPostBytes(site.contentDir, VOLUNTEERS).toString('utf8');
  const para = await linkFirstWords(app, 'https://example.org/crew');
  await save(app);
  await para.locator('a').hover();
  const bubble = app.getByRole('group', { name: 'Link' });
  await expect(bubble).toContainText('https://example.org/crew');
  await bubble.getByRole('button', { name: 'Edit link' }).click();
  const dialog = app.getByRole('dialog', { name: 'Link' });
  await expect(dialog.getByLabel('Text to show')).toHaveValue('A few of');
  await expect(dialog.getByLabel('Link address')).toHaveValue('https://example.org/crew');
  await dialog.getByLabel('Link address').fill('https://example.org/team');
  await dialog.getByLabel('Link address').press('Enter');
  await expect(dialog).toBeHidden();
  await expect(para.locator('a')).toHaveCount(1);
  await save(app);
  expect(changedLines(before, readPostBytes(site.contentDir, VOLUNTEERS).toString('utf8'))).toEqual({
    removed: [LINE],
    added: ['[A few of](https://example.org/team) them we want to thank by name:'],
  });
});

test('Open on a link to a post opens that post; on a web address it goes to the system browser', async ({ app }) => {
  const para = await selectFirstWords(app, 'A few of');
  await linkToPostByTitle(app, 'travel tips', /^Getting to Port Alder/);
  await save(app);
  // Electron hands window.open to the OS browser (after its safety check); here we record it.
  await app.evaluate(() => {
    (window as unknown as { opened: string[] }).opened = [];
    window.open = ((url: string) => {
      (window as unknown as { opened: string[] }).opened.push(url);
      return null;
    }) as typeof window.open;
  });
  await para.locator('a').hover();
  await app.getByRole('group', { name: 'Link' }).getByRole('button', { name: 'Open link' }).click();
  await expect(app.getByRole('textbox', { name: 'Title' })).toHaveValue(/^Getting to Port Alder/);

  await app.getByRole('list', { name: 'Posts' }).getByRole('button', { name: /^Thank You, Driftwood Volunteers/ }).click();
  const again = app.getByRole('textbox', { name: 'Post body' }).locator('p', { hasText: LINE });
  await again.locator('a').click();
  await app.keyboard.press('Control+k');
  const dialog = app.getByRole('dialog', { name: 'Link' });
  await expect(dialog.getByLabel('Link address')).toHaveValue('../travel-tips-port-alder/');
  await dialog.getByLabel('Link address').fill('https://example.org/port-alder');
  await dialog.getByLabel('Link address').press('Enter');
  await again.locator('a').hover();
  await app.getByRole('group', { name: 'Link' }).getByRole('button', { name: 'Open link' }).click();
  await expect.poll(() => app.evaluate(() => (window as unknown as { opened: string[] }).opened)).toEqual(['https://example.org/port-alder']);
});

/** Pastes plain text into the editor, as Ctrl+V with that text on the clipboard does. */
async function pasteText(app: Page, text: string) {
  await app.getByRole('textbox', { name: 'Post body' }).evaluate((el, t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

test('pasting a web address over selected words links them; with only a caret it is pasted as text', async ({ app, site }) => {
  const before = readPostBytes(site.contentDir, VOLUNTEERS).toString('utf8');
  const para = await selectFirstWords(app, 'A few of');
  await pasteText(app, 'https://example.org/crew');
  await expect(para.locator('a', { hasText: 'A few of' })).toHaveAttribute('href', 'https://example.org/crew');
  await app.keyboard.press('End');
  await pasteText(app, ' https://example.org/more');
  await expect(para).toContainText('by name: https://example.org/more');
  await expect(para.locator('a')).toHaveCount(1);
  // The caret's paste is one step of its own: undone, the linked words stay.
  await app.keyboard.press('Control+z');
  await expect(para).toContainText(LINE);
  await save(app);
  expect(changedLines(before, readPostBytes(site.contentDir, VOLUNTEERS).toString('utf8'))).toEqual({
    removed: [LINE],
    added: ['[A few of](https://example.org/crew) them we want to thank by name:'],
  });
});
