// The front-matter form, end to end: each widget changed on the sample site rewrites exactly its
// own line on disk (checked with the diff package after Ctrl+S); "New post" makes a page bundle
// from the site's archetype and opens it; broken front matter opens read-only with its line and
// column, and nothing is saved until it parses.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { changedLines, readPostBytes } from './support/disk';
import { splitFrontMatter } from '../../shared/frontmatter/split';

const RECAP = 'blog/driftwood-summit-2025-recap/index.md';
const CFP = 'blog/call-for-speakers/index.md';

const saveState = (app: Page) => app.getByRole('status', { name: 'Save state' });

/** Saves with Ctrl+S and returns the lines that changed on disk since `before`. */
async function saveAndDiff(app: Page, contentDir: string, path: string, before: string) {
  await expect(saveState(app)).toHaveText('Unsaved changes');
  await app.keyboard.press('Control+s');
  await expect(saveState(app)).toHaveText('Saved');
  const after = readPostBytes(contentDir, path).toString('utf8');
  return { after, change: changedLines(before, after) };
}

async function openPost(app: Page, title: RegExp | string) {
  const list = app.getByRole('list', { name: 'Posts' });
  await (typeof title === 'string' ? list.locator(`button[data-path="${title}"]`) : list.getByRole('button', { name: title })).click();
  await expect(app.getByRole('textbox', { name: 'Post body' })).toBeVisible();
}

test('each widget rewrites only its own line', async ({ app, site }) => {
  await openPost(app, /^Driftwood Summit 2025 Recap/);
  const form = app.getByRole('form', { name: 'Front matter' });
  let text = readPostBytes(site.contentDir, RECAP).toString('utf8');
  const step = async (removed: string[], added: string[]) => {
    const { after, change } = await saveAndDiff(app, site.contentDir, RECAP, text);
    expect(change).toEqual({ removed, added });
    text = after;
  };

  // Text
  await form.getByRole('textbox', { name: 'Title', exact: true }).fill('Driftwood Summit 2025 Recap');
  await step(['title: "Driftwood Summit 2025 Recap: What Didn\'t Fit in the Keynote + Where We Go Next?"'], ['title: "Driftwood Summit 2025 Recap"']);

  // Date picker: the written style (hour without a leading zero, the +00:00 zone) is kept.
  await form.getByLabel('Date', { exact: true }).fill('2025-05-02T09:30:00');
  await step(['date: 2025-05-01T0:00:00+00:00'], ['date: 2025-05-02T9:30:00+00:00']);

  // Draft toggle
  await form.getByRole('switch', { name: 'Draft' }).check();
  await step(['draft: false'], ['draft: true']);

  // Whole number
  await form.getByRole('spinbutton', { name: 'Weight' }).fill('55');
  await step(['weight: 50'], ['weight: 55']);

  // Tag chips: add one, then remove another.
  const tags = form.getByRole('combobox', { name: 'Tags', exact: true });
  await tags.fill('Chowder');
  await tags.press('Enter');
  await step([], ['  - Chowder']);
  await form.getByRole('button', { name: 'Remove Open Source from Tags' }).click();
  await step(['  - Open Source'], []);

  // A contributor
  const names = form.getByRole('combobox', { name: 'Contributors', exact: true });
  await names.fill('Idris Valentin');
  await names.press('Enter');
  await step([], ['  - "Idris Valentin"']);

  // Long text: the folded `summary: >` stays folded; only its text line changes.
  const summary = form.getByRole('textbox', { name: 'Summary', exact: true });
  await summary.fill('Driftwood Summit 2025 brought nine hundred builders to Port Alder.');
  await step(
    ['  Driftwood Summit 2025 brought nine hundred builders to the old cannery in Port Alder for three days of talks, workshops and far too much chowder. This recap collects the sessions our team gave, the questions visitors asked most at the booth, the photos we liked best and the plans we made on the ferry ride home afterwards.'],
    ['  Driftwood Summit 2025 brought nine hundred builders to Port Alder.'],
  );

  // Comments and the key order around the edits are untouched.
  expect(text).toContain('# post thumb\nimages:');
});

test('a nested key under "More fields" changes only its line', async ({ app, site }) => {
  const file = join(site.contentDir, CFP);
  const withMenu = readFileSync(file, 'utf8').replace('weight: 10\n', 'weight: 10\nmenu:\n  main:\n    weight: 3\n');
  writeFileSync(file, withMenu);
  await openPost(app, /^Call for Speakers/);
  const form = app.getByRole('form', { name: 'Front matter' });
  await form.getByRole('button', { name: /^More fields/ }).click();
  const raw = form.getByRole('textbox', { name: 'Menu', exact: true });
  await expect(raw).toHaveValue('main:\n  weight: 3');
  await raw.fill('main:\n  weight: 4');
  await form.getByRole('button', { name: 'Apply Menu' }).click();
  const { change } = await saveAndDiff(app, site.contentDir, CFP, withMenu);
  expect(change).toEqual({ removed: ['    weight: 3'], added: ['    weight: 4'] });
});

test("a slug another post of the section uses is pointed out as it is typed; nothing is written", async ({ app, site }) => {
  const before = readPostBytes(site.contentDir, CFP);
  await openPost(app, CFP);
  const form = app.getByRole('form', { name: 'Front matter' });
  const slug = form.getByRole('textbox', { name: 'Slug' });
  await slug.fill('travel-tips-port-alder');
  await expect(form).toContainText('Another post already uses the slug "travel-tips-port-alder"');
  await slug.fill('call-for-speakers-2026');
  await expect(form).not.toContainText('Another post already uses the slug');
  expect(readPostBytes(site.contentDir, CFP).equals(before)).toBe(true);
});

test('turning draft off shows the pre-publish checklist', async ({ app }) => {
  await openPost(app, /^Draft: A First Look/);
  await app.getByRole('form', { name: 'Front matter' }).getByRole('switch', { name: 'Draft' }).uncheck();
  await expect(app.getByRole('tab', { name: 'Checklist' })).toHaveAttribute('aria-selected', 'true');
  const checklist = app.getByRole('region', { name: 'Before publishing' });
  await expect(checklist).toBeVisible();
  await expect(checklist.getByRole('status')).toHaveText(/All good|to fix/);
});

test('New post makes a page bundle from the archetype and opens it', async ({ app, site }) => {
  await app.getByRole('button', { name: 'New post' }).click();
  const dialog = app.getByRole('dialog', { name: 'New post' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Title').fill('Ferry Notes from Port Alder');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();

  const path = 'blog/ferry-notes-from-port-alder/index.md';
  expect(existsSync(join(site.contentDir, path))).toBe(true);
  const created = readPostBytes(site.contentDir, path).toString('utf8');
  // The sample's bundle archetype (archetypes/blog/index.md), rendered, with the title as typed.
  const archetype = readFileSync(join(site.root, 'archetypes/blog/index.md'), 'utf8');
  const expected = archetype
    .replace('"{{ replace .Name "-" " " | title }}"', '"Ferry Notes from Port Alder"')
    .replace('"{{ .Name }}"', '"ferry-notes-from-port-alder"');
  const date = /^date: (.+)$/m.exec(created)?.[1] ?? '';
  expect(Number.isNaN(Date.parse(date))).toBe(false);
  expect(created).toBe(expected.replace('date: {{ .Date }}', `date: ${date}`));
  await expect(app.locator('.status-path')).toHaveText(path);
  await expect(app.getByRole('form', { name: 'Front matter' }).getByRole('textbox', { name: 'Title', exact: true })).toHaveValue('Ferry Notes from Port Alder');
  await expect(app.getByRole('list', { name: 'Posts' }).locator(`button[data-path="${path}"]`)).toBeVisible();
});

test('broken front matter opens read-only with line and column; nothing is saved until it parses', async ({ app, site }) => {
  const file = join(site.contentDir, 'blog/travel-tips-port-alder/index.md');
  const good = readFileSync(file, 'utf8');
  const broken = good.replace('description: "Ferries, trains', 'description: "Ferries", trains');
  writeFileSync(file, broken);
  await openPost(app, 'blog/travel-tips-port-alder/index.md');
  const region = app.getByRole('region', { name: 'Post settings that cannot be read' });
  await expect(region).toBeVisible();
  await expect(region.getByRole('alert')).toContainText(/Line 3, column \d+/);
  await expect(app.getByRole('textbox', { name: 'Post body' })).toHaveAttribute('contenteditable', 'false');

  // A save now writes nothing and says why.
  const raw = region.getByRole('textbox', { name: /^Post settings as text/ });
  await raw.fill((await raw.inputValue()).replace('"Ferries", trains', '"Ferries", more trains'));
  await app.keyboard.press('Control+s');
  await expect(app.getByRole('alert').filter({ hasText: 'Nothing was saved' })).toBeVisible();
  expect(readFileSync(file, 'utf8')).toBe(broken);

  // Fixed: the form comes back, the body is editable, and the save writes only that line.
  await raw.fill((await raw.inputValue()).replace('description: "Ferries", more trains', 'description: "Ferries, more trains'));
  await expect(region).toBeHidden();
  await expect(app.getByRole('form', { name: 'Front matter' }).getByRole('textbox', { name: 'Title', exact: true })).toBeVisible();
  await expect(app.getByRole('textbox', { name: 'Post body' })).toHaveAttribute('contenteditable', 'true');
  await app.keyboard.press('Control+s');
  await expect(saveState(app)).toHaveText('Saved');
  expect(changedLines(broken, readFileSync(file, 'utf8'))).toEqual({
    // Its Windows line endings are kept, although a text box turns them into "\n".
    removed: ['description: "Ferries", trains and where to find a quiet desk to write up your notes."\r'],
    added: ['description: "Ferries, more trains and where to find a quiet desk to write up your notes."\r'],
  });
});

test('post actions: duplicate, rename the slug, delete and undo', async ({ app, site }) => {
  const original = readPostBytes(site.contentDir, 'blog/booth-notes/index.md');
  await openPost(app, /^Notes from the booth/);
  const menu = async (item: string) => {
    await app.getByRole('button', { name: 'Post actions' }).click();
    await app.getByRole('menu', { name: 'Post actions' }).getByRole('menuitem', { name: item }).click();
  };

  await menu('Duplicate');
  await expect(app.locator('.status-path')).not.toHaveText('blog/booth-notes/index.md');
  const copyPath = (await app.locator('.status-path').textContent()) ?? '';
  const copy = readPostBytes(site.contentDir, copyPath);
  // The copy's body is the original's (its front matter may say it is a copy).
  const bodyOf = (b: Buffer) => b.toString('utf8').slice(splitFrontMatter(b.toString('utf8')).bodyOffset);
  expect(bodyOf(copy)).toBe(bodyOf(original));
  expect(readPostBytes(site.contentDir, 'blog/booth-notes/index.md').equals(original)).toBe(true);

  await menu('Rename slug…');
  const rename = app.getByRole('dialog', { name: 'Rename slug' });
  await rename.getByLabel('New slug').fill('booth-notes-second-day');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(app.locator('.status-path')).toHaveText('blog/booth-notes-second-day/index.md');
  expect(existsSync(join(site.contentDir, copyPath))).toBe(false);
  expect(readPostBytes(site.contentDir, 'blog/booth-notes-second-day/index.md').equals(copy)).toBe(true);

  await menu('Delete…');
  await app.getByRole('alertdialog', { name: 'Delete post' }).getByRole('button', { name: 'Delete' }).click();
  await expect(app.locator('.status-path')).toHaveCount(0);
  expect(existsSync(join(site.contentDir, 'blog/booth-notes-second-day/index.md'))).toBe(false);
  await app.getByRole('region', { name: 'Notice' }).getByRole('button', { name: 'Undo' }).click();
  await expect(app.locator('.status-path')).toHaveText('blog/booth-notes-second-day/index.md');
  expect(readPostBytes(site.contentDir, 'blog/booth-notes-second-day/index.md').equals(copy)).toBe(true);
});

test('"Add field" suggests the section\'s fields and Hugo\'s own, each with its control, and adds one line', async ({ app, site }) => {
  const before = readPostBytes(site.contentDir, CFP).toString('utf8');
  await openPost(app, /^Call for Speakers/);
  const form = app.getByRole('form', { name: 'Front matter' });
  await form.getByRole('button', { name: 'Add field' }).click();
  const suggested = form.getByRole('list', { name: 'Suggested fields' });
  await expect(suggested.getByRole('button', { name: 'Aliases' })).toBeVisible();
  await expect(suggested.getByRole('button', { name: 'Expiry date' })).toBeVisible();
  // Fields this post already has are not offered again.
  await expect(suggested.getByRole('button', { name: 'Title', exact: true })).toHaveCount(0);
  await suggested.getByRole('button', { name: 'Publish date' }).click();
  const row = form.locator('.fm-row', { has: app.locator('label', { hasText: /^Publish date/ }) });
  await expect(row.locator('input[type="date"]')).toBeVisible();
  const d = new Date();
  const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const { change } = await saveAndDiff(app, site.contentDir, CFP, before);
  expect(change).toEqual({ removed: [], added: [`publishDate: "${today}"`] });
});
