// Inserting a shortcode as a writer does: the dialog names each field by what it means, a
// pasted YouTube address is stored as the video's ID, and the new card is shown and selected.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './support/fixtures';
import { changedLines, readPostBytes } from './support/disk';
import { caretAtEnd } from './support/caret';

const VOLUNTEERS = 'blog/volunteer-thank-you/index.md';

test('a YouTube address pasted into the video field is saved as the video ID; the card is scrolled into view and selected', async ({ app, site }) => {
  const before = readPostBytes(site.contentDir, VOLUNTEERS).toString('utf8');
  await app.setViewportSize({ width: 1024, height: 700 });
  await app.getByRole('list', { name: 'Posts' }).getByRole('button', { name: /^Thank You, Driftwood Volunteers/ }).click();
  const body = app.getByRole('textbox', { name: 'Post body' });
  await expect(body).toHaveAttribute('contenteditable', 'true');
  // The caret in the post's last paragraph, far below the top of the window.
  await body.locator('p').last().click();
  await app.getByRole('button', { name: 'Insert block' }).click();
  await app.getByRole('option', { name: /^youtube/ }).click();
  const dialog = app.getByRole('dialog', { name: /youtube/ });
  const field = dialog.getByLabel('Video ID or address');
  await field.fill('https://www.example.org/watch?v=dQw4w9WgXcQ');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog.getByRole('alert')).toContainText('not the address or ID of a YouTube video');
  await expect(dialog).toBeVisible();
  await field.fill('https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog).toBeHidden();
  const card = body.locator('.pw-shortcode-card', { hasText: 'youtube' }).last();
  await expect(card).toBeInViewport();
  await expect(card).toHaveClass(/ProseMirror-selectednode/);

  await app.keyboard.press('Control+s');
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  const change = changedLines(before, readPostBytes(site.contentDir, VOLUNTEERS).toString('utf8'));
  expect(change.removed).toEqual([]);
  expect(change.added.filter((l) => l.trim())).toEqual(['{{< youtube "dQw4w9WgXcQ" >}}']);
});

test("the Insert block popover lists the site's, the theme's and Hugo's shortcodes, finds by name, and works from the keyboard", async ({ app, site }) => {
  // A theme with a shortcode of its own.
  const config = join(site.root, 'hugo.toml');
  writeFileSync(config, readFileSync(config, 'utf8').replace('title = "Lanternfish Labs Blog"', 'title = "Lanternfish Labs Blog"\ntheme = "harbor"'));
  mkdirSync(join(site.root, 'themes/harbor/layouts/shortcodes'), { recursive: true });
  writeFileSync(join(site.root, 'themes/harbor/layouts/shortcodes/banner.html'), '<div class="banner">{{ .Inner }}</div>\n');
  const before = readPostBytes(site.contentDir, VOLUNTEERS).toString('utf8');
  await app.getByRole('list', { name: 'Posts' }).getByRole('button', { name: /^Thank You, Driftwood Volunteers/ }).click();
  const body = app.getByRole('textbox', { name: 'Post body' });
  await expect(body).toHaveAttribute('contenteditable', 'true');
  await body.locator('p', { hasText: 'A few of them we want to thank by name:' }).click();
  const button = app.getByRole('button', { name: 'Insert block' });
  await button.click();
  const pop = app.getByRole('dialog', { name: 'Insert block' });
  const list = pop.getByRole('listbox', { name: 'Blocks' });
  for (const name of ['note', 'callout', 'banner', 'figure', 'youtube', 'vimeo', 'x', 'instagram', 'gist', 'highlight', 'details', 'qr', 'ref', 'relref']) await expect(list.getByRole('option', { name: new RegExp(`^${name} `) })).toBeVisible();
  await expect(list.getByRole('option', { name: /^note this site/ })).toBeVisible();
  await expect(list.getByRole('option', { name: /^banner theme/ })).toBeVisible();
  // Opaque: nothing of the text under it shows through.
  expect(await pop.evaluate((el) => getComputedStyle(el).backgroundColor)).toMatch(/^rgb\(/);
  await expect(pop.getByRole('combobox', { name: 'Find a block' })).toBeFocused();
  await app.keyboard.press('Escape');
  await expect(pop).toBeHidden();
  await expect(button).toBeFocused();

  await button.press('Enter');
  await expect(pop).toBeVisible();
  await app.keyboard.type('not');
  await expect(list.getByRole('option')).toHaveCount(1);
  await app.keyboard.press('Enter');
  await expect(pop).toBeHidden();
  const dialog = app.getByRole('dialog', { name: /note/ });
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog).toBeHidden();
  // note's template uses .Inner: it comes as a pair, the caret between its tags, in rich text.
  await app.keyboard.type('Doors open at nine.');
  await expect(body.locator('.pw-paired-rich p', { hasText: 'Doors open at nine.' })).toBeVisible();
  await app.keyboard.press('Control+s');
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  const change = changedLines(before, readPostBytes(site.contentDir, VOLUNTEERS).toString('utf8'));
  expect(change.removed).toEqual([]);
  expect(change.added.filter((l) => l.trim())).toEqual(['{{< note >}}', 'Doors open at nine.', '{{< /note >}}']);
});

test('a shortcode whose template uses its content, picked in the slash menu, is inserted with its closing tag and the caret between', async ({ app, site }) => {
  // A theme shortcode that uses its content as it is (not Markdown): a plain text area.
  const config = join(site.root, 'hugo.toml');
  writeFileSync(config, readFileSync(config, 'utf8').replace('title = "Lanternfish Labs Blog"', 'title = "Lanternfish Labs Blog"\ntheme = "harbor"'));
  mkdirSync(join(site.root, 'themes/harbor/layouts/shortcodes'), { recursive: true });
  writeFileSync(join(site.root, 'themes/harbor/layouts/shortcodes/banner.html'), '<div class="banner">{{ .Inner }}</div>\n');
  const before = readPostBytes(site.contentDir, VOLUNTEERS).toString('utf8');
  await app.getByRole('list', { name: 'Posts' }).getByRole('button', { name: /^Thank You, Driftwood Volunteers/ }).click();
  const body = app.getByRole('textbox', { name: 'Post body' });
  await expect(body).toHaveAttribute('contenteditable', 'true');
  const para = body.locator('p', { hasText: 'A few of them we want to thank by name:' });
  await caretAtEnd(para);
  await app.keyboard.press('Enter');
  await app.keyboard.type('/');
  const menu = app.getByRole('listbox', { name: 'Insert block' });
  // Picked from the keyboard, as the menu is made for (it may open below the window's edge).
  const banner = menu.getByRole('option', { name: 'Shortcode: banner', exact: true });
  await expect(banner).toHaveCount(1);
  const options = await menu.getByRole('option').allTextContents();
  for (let i = 0; i < options.indexOf('Shortcode: banner'); i++) await app.keyboard.press('ArrowDown');
  await expect(banner).toHaveAttribute('aria-selected', 'true');
  await app.keyboard.press('Enter');
  const dialog = app.getByRole('dialog', { name: /banner/ });
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog).toBeHidden();
  await app.keyboard.type('<b>Free coffee</b>');
  await app.keyboard.press('Control+s');
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  const change = changedLines(before, readPostBytes(site.contentDir, VOLUNTEERS).toString('utf8'));
  expect(change.removed).toEqual([]);
  expect(change.added.filter((l) => l.trim())).toEqual(['{{< banner >}}', '<b>Free coffee</b>', '{{< /banner >}}']);
});
