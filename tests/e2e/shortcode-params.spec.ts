// Inserting one of the site's own shortcodes: its dialog offers a labelled field for every
// parameter the template reads (not only those already written), with the template's help
// above; only what the writer fills in is written, as one new line.
import { test, expect } from './support/fixtures';
import { changedLines, readPostBytes } from './support/disk';

const VOLUNTEERS = 'blog/volunteer-thank-you/index.md';
const TEMPLATE = [
  '{{- /* A highlighted box for an announcement. Pick a kind and give it a heading. */ -}}',
  '{{- $kind := .Get "type" | default "info" -}}',
  '<div class="banner banner-{{ $kind }}">',
  '  {{- with .Get "title" }}<h3>{{ . }}</h3>{{ end }}',
  '  {{- with .Get "more" }}<a href="{{ . }}">More</a>{{ end }}',
  '  {{- if eq (.Get "wide") "true" }}<hr>{{ end }}',
  '</div>',
  '',
].join('\n');

test.use({ siteFiles: { 'layouts/shortcodes/banner-box.html': TEMPLATE } });

test("a site shortcode's dialog shows its help and a labelled field for each parameter; only the filled one is written", async ({ app, site }) => {
  const before = readPostBytes(site.contentDir, VOLUNTEERS).toString('utf8');
  await app.getByRole('list', { name: 'Posts' }).getByRole('button', { name: /^Thank You, Driftwood Volunteers/ }).click();
  const body = app.getByRole('textbox', { name: 'Post body' });
  await expect(body).toHaveAttribute('contenteditable', 'true');
  await body.locator('p', { hasText: 'A few of them we want to thank by name:' }).click();
  await app.getByRole('button', { name: 'Insert block' }).click();
  await app.getByRole('option', { name: /^banner-box this site/ }).click();

  const dialog = app.getByRole('dialog', { name: /banner-box/ });
  await expect(dialog).toContainText('A highlighted box for an announcement. Pick a kind and give it a heading.');
  await expect(dialog.getByRole('textbox', { name: 'Type' })).toHaveAttribute('placeholder', 'info');
  await expect(dialog.getByRole('checkbox', { name: 'Wide' })).not.toBeChecked();
  await expect(dialog.getByLabel('More')).toHaveAttribute('type', 'url');
  await dialog.getByRole('textbox', { name: 'Title' }).fill('Volunteer day is back');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog).toBeHidden();

  await app.keyboard.press('Control+s');
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  const change = changedLines(before, readPostBytes(site.contentDir, VOLUNTEERS).toString('utf8'));
  expect(change.removed).toEqual([]);
  expect(change.added.filter((l) => l.trim())).toEqual(['{{< banner-box title="Volunteer day is back" >}}']);
});

test("figure's Image field offers the post's own images; Escape inserts only what it did before", async ({ app, site }) => {
  const before = readPostBytes(site.contentDir, VOLUNTEERS).toString('utf8');
  await app.getByRole('list', { name: 'Posts' }).getByRole('button', { name: /^Thank You, Driftwood Volunteers/ }).click();
  const body = app.getByRole('textbox', { name: 'Post body' });
  await expect(body).toHaveAttribute('contenteditable', 'true');
  await body.locator('p', { hasText: 'A few of them we want to thank by name:' }).click();
  await app.getByRole('button', { name: 'Insert block' }).click();
  await app.getByRole('option', { name: /^figure Hugo/ }).click();
  const dialog = app.getByRole('dialog', { name: /figure/ });
  const image = dialog.getByRole('combobox', { name: 'Image' });
  await expect(image).toBeFocused();
  await expect(dialog.locator(`datalist#${await image.getAttribute('list')} option`)).toHaveAttribute('value', 'volunteers.jpg');
  await expect(dialog.getByLabel('Width')).toHaveAttribute('type', 'number');
  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await app.keyboard.press('Control+s');
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  const change = changedLines(before, readPostBytes(site.contentDir, VOLUNTEERS).toString('utf8'));
  expect(change.removed).toEqual([]);
  // As before this dialog: the inserted shortcode's first form stays.
  expect(change.added.filter((l) => l.trim())).toEqual(['{{< figure src="" caption="" >}}']);
});
