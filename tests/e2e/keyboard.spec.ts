// Keyboard first: the shortcuts the app shows in its tooltips and menus work in the page, and the
// buttons that open a box put the caret in it.
import { test, expect } from './support/fixtures';
import { changedLines, readPostBytes } from './support/disk';

const VOLUNTEERS = 'blog/volunteer-thank-you/index.md';

test('Ctrl+N opens New post with the caret in its title', async ({ app }) => {
  await expect(app.getByRole('list', { name: 'Posts' })).toBeVisible();
  await app.keyboard.press('Control+n');
  const dialog = app.getByRole('dialog', { name: 'New post' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Title')).toBeFocused();
});

test('the Search button leaves the caret in the search box', async ({ app }) => {
  await app.getByRole('button', { name: 'Search', exact: true }).click();
  const box = app.getByRole('searchbox', { name: 'Search all posts' });
  await expect(box).toBeFocused();
  await app.keyboard.type('volunteers');
  await expect(box).toHaveValue('volunteers');
});

test('Ctrl+K opens the Link dialog with the selected words, and the link changes one line', async ({ app, site }) => {
  const before = readPostBytes(site.contentDir, VOLUNTEERS).toString('utf8');
  await app.getByRole('list', { name: 'Posts' }).getByRole('button', { name: /^Thank You, Driftwood Volunteers/ }).click();
  const body = app.getByRole('textbox', { name: 'Post body' });
  await expect(body).toHaveAttribute('contenteditable', 'true');
  const para = body.locator('p', { hasText: 'A few of them we want to thank by name:' });
  // Select the paragraph's first three words ("A few of"), as a drag of the mouse would.
  await para.click();
  await para.evaluate((p) => {
    const text = p.firstChild!;
    getSelection()!.setBaseAndExtent(text, 0, text, 'A few of'.length);
  });
  await expect(app.getByLabel('Selection count')).toContainText('3');
  await app.keyboard.press('Control+k');
  const dialog = app.getByRole('dialog', { name: 'Link' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Text to show')).toHaveValue('A few of');
  await expect(dialog.getByLabel('Link address')).toBeFocused();
  await app.keyboard.type('https://example.org/crew');
  await app.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(para.locator('a', { hasText: 'A few of' })).toHaveAttribute('href', 'https://example.org/crew');

  await app.keyboard.press('Control+s');
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  const after = readPostBytes(site.contentDir, VOLUNTEERS).toString('utf8');
  expect(changedLines(before, after)).toEqual({
    removed: ['A few of them we want to thank by name:'],
    added: ['[A few of](https://example.org/crew) them we want to thank by name:'],
  });
});

test('Ctrl+K with only a caret inserts the typed text as a link', async ({ app, site }) => {
  await app.getByRole('list', { name: 'Posts' }).getByRole('button', { name: /^Thank You, Driftwood Volunteers/ }).click();
  const body = app.getByRole('textbox', { name: 'Post body' });
  await expect(body).toHaveAttribute('contenteditable', 'true');
  await body.locator('p', { hasText: 'A few of them we want to thank by name:' }).click();
  await app.keyboard.press('End');
  await app.keyboard.type(' See ');
  await app.keyboard.press('Control+k');
  const dialog = app.getByRole('dialog', { name: 'Link' });
  await dialog.getByLabel('Text to show').fill('the crew page');
  await dialog.getByLabel('Link address').fill('https://example.org/crew');
  await dialog.getByRole('button', { name: 'Insert link' }).click();
  await app.keyboard.press('Control+s');
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  expect(readPostBytes(site.contentDir, VOLUNTEERS).toString('utf8')).toContain('A few of them we want to thank by name: See [the crew page](https://example.org/crew)');
});

test('field labels are words a writer reads: "canonicalurl" is shown as Canonical URL', async ({ app }) => {
  await app.getByRole('list', { name: 'Posts' }).getByRole('button', { name: /^Call for Speakers/ }).click();
  const form = app.getByRole('form', { name: 'Front matter' });
  await expect(form).toBeVisible();
  await expect(form.locator('label', { hasText: /^Canonical URL/ })).toBeVisible();
});

test('opening a post from the list puts the caret in its text; "Skip to post text" comes before the form', async ({ app, site }) => {
  const list = app.getByRole('list', { name: 'Posts' });
  await list.getByRole('button', { name: /^Thank You, Driftwood Volunteers/ }).focus();
  await app.keyboard.press('Enter');
  const body = app.getByRole('textbox', { name: 'Post body' });
  await expect(body).toBeFocused();
  await app.keyboard.type('Hello ');
  await app.keyboard.press('Control+s');
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  const saved = readPostBytes(site.contentDir, VOLUNTEERS).toString('utf8');
  expect(saved).toContain('Hello ');

  // From the form's first field, Shift+Tab reaches the skip link; Enter takes the caret to the text.
  const form = app.getByRole('form', { name: 'Front matter' });
  await form.getByRole('textbox', { name: 'Title', exact: true }).focus();
  await app.keyboard.press('Shift+Tab');
  const skip = app.getByRole('link', { name: 'Skip to post text' });
  await expect(skip).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(body).toBeFocused();
});

test('Ctrl+/ lists every shortcut, including each one a toolbar tooltip shows; Ctrl+1, Ctrl+2 and Ctrl+3 work', async ({ app }) => {
  await app.getByRole('list', { name: 'Posts' }).getByRole('button', { name: /^Call for Speakers/ }).click();
  await expect(app.getByRole('textbox', { name: 'Post body' })).toBeVisible();
  await app.keyboard.press('Control+/');
  const dialog = app.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  const listed = await dialog.locator('kbd').allTextContents();
  const tips = await app.getByRole('toolbar', { name: 'Formatting' }).locator('button[title*="("]').evaluateAll((els) => els.map((e) => /\(([^)]+)\)$/.exec(e.getAttribute('title') ?? '')?.[1] ?? ''));
  expect(tips.length).toBeGreaterThan(3);
  for (const keys of tips) expect(listed, `${keys} is listed`).toContain(keys);
  await expect(dialog.locator('.shortcut-row', { hasText: 'Link' })).toContainText('Ctrl+K');
  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await app.keyboard.press('Control+3');
  await expect(app.getByRole('region', { name: 'Gallery' })).toBeVisible();
  await app.keyboard.press('Control+1');
  await expect(app.getByRole('navigation', { name: 'Posts of the site' })).toBeHidden();
  await app.keyboard.press('Control+1');
  await expect(app.getByRole('navigation', { name: 'Posts of the site' })).toBeVisible();
  await app.keyboard.press('Control+2');
  await expect(app.getByRole('form', { name: 'Front matter' })).toBeHidden();
  await app.keyboard.press('Control+2');
  await expect(app.getByRole('form', { name: 'Front matter' })).toBeVisible();
});
