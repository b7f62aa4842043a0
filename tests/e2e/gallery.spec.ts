// Images end to end, in Chromium against the real web host: photos dropped on or pasted into the
// editor, or picked with "Import images", land in the post's bundle under clean names without
// their GPS position, and the post on disk gains exactly the inserted line. Missing images are
// flagged in the editor, the gallery and the post list. The photos are made here with sharp.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import exifReader from 'exif-reader';
import sharp from 'sharp';
import { test, expect } from './support/fixtures';
import { changedLines, readPostBytes } from './support/disk';
import { phoneJpeg, pngImage } from '../unit/gallery/make-images';

const TRAVEL = 'blog/travel-tips-port-alder/index.md';
const TRAVEL_PARA = 'Port Alder is a small town and getting there is half the fun. A few tips from the team that went last year.';
const SPEAKERS = 'blog/call-for-speakers/index.md';
const BOOTH = 'blog/booth-notes/index.md';
const SHOTS = '/tmp/gal';
const FIRST_SPEAKERS_LINE = 'The call for speakers for **Driftwood Summit 2026** is open until the end of February.';

/** Changed lines without line endings (CR of CRLF files) and without blank lines. */
function lineChange(before: string, after: string): { removed: string[]; added: string[] } {
  const c = changedLines(before, after);
  const clean = (ls: string[]) => ls.map((l) => l.replace(/\r$/, '')).filter((l) => l !== '');
  return { removed: clean(c.removed), added: clean(c.added) };
}

interface Payload {
  name: string;
  type: string;
  base64: string;
}
const payload = (name: string, type: string, bytes: Buffer): Payload => ({ name, type, base64: bytes.toString('base64') });

/** Drops files on `target` the way a browser does: a drop event carrying a DataTransfer of Files. */
async function dropFiles(target: Locator, files: Payload[], at: 'top' | 'bottom' = 'bottom'): Promise<void> {
  const box = await target.boundingBox();
  if (!box) throw new Error('drop target not visible');
  const x = box.x + box.width / 2;
  const y = at === 'bottom' ? box.y + box.height - 3 : box.y + 3;
  await target.evaluate(
    (el, { files, x, y }) => {
      const dt = new DataTransfer();
      for (const f of files) dt.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name, { type: f.type }));
      const init = { dataTransfer: dt, clientX: x, clientY: y, bubbles: true, cancelable: true };
      el.dispatchEvent(new DragEvent('dragenter', init));
      el.dispatchEvent(new DragEvent('dragover', init));
      el.dispatchEvent(new DragEvent('drop', init));
    },
    { files, x, y },
  );
}

/** Pastes files into the focused element, as a screenshot pasted from the clipboard. */
async function pasteFiles(page: Page, files: Payload[]): Promise<void> {
  await page.evaluate((files) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name, { type: f.type }));
    (document.activeElement ?? document.body).dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, files);
}

/** Records whether the import progress bar was ever shown (imports of small photos are quick). */
async function watchProgress(page: Page): Promise<() => Promise<boolean>> {
  await page.evaluate(() => {
    const w = window as unknown as { __sawProgress: boolean };
    w.__sawProgress = false;
    new MutationObserver(() => {
      if (document.querySelector('progress[aria-label="Importing images"]')) w.__sawProgress = true;
    }).observe(document.body, { childList: true, subtree: true });
  });
  return () => page.evaluate(() => (window as unknown as { __sawProgress: boolean }).__sawProgress);
}

async function answerAlt(page: Page, fileName: string, alt: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: `Insert ${fileName}` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Alt text' }).fill(alt);
  await dialog.getByRole('button', { name: 'Insert image' }).click();
  await expect(dialog).toBeHidden();
}

async function gpsOf(file: string): Promise<Record<string, unknown>> {
  const meta = await sharp(readFileSync(file)).metadata();
  return meta.exif ? ((exifReader(meta.exif).GPSInfo as Record<string, unknown> | undefined) ?? {}) : {};
}

/** The figure line the site's style asks for (its posts mostly write `{{<figure … >}}`). */
const figureLine = /^\{\{< ?figure src="([^"]+)" alt="([^"]+)" ?>\}\}$/;

async function openPost(app: Page, path: string): Promise<Locator> {
  await app.getByRole('list', { name: 'Posts' }).locator(`button[data-path="${path}"]`).click();
  const body = app.getByRole('textbox', { name: 'Post body' });
  await expect(body).toHaveAttribute('contenteditable', 'true');
  await expect(app.locator('.status-path')).toHaveText(path);
  return body;
}

async function save(app: Page): Promise<void> {
  await app.keyboard.press('Control+s');
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
}

test('a phone photo dropped on the editor is imported without GPS and inserted where it was dropped', async ({ app, site }) => {
  const before = readPostBytes(site.contentDir, TRAVEL).toString('utf8');
  const body = await openPost(app, TRAVEL);
  const sawProgress = await watchProgress(app);

  const photo = await phoneJpeg(900, 600);
  expect(Object.keys(await sharp(photo).metadata().then((m) => exifReader(m.exif!).GPSInfo ?? {}))).toContain('GPSLatitude');
  // The photo goes to the host as a stream of its own (written to disk as it arrives); the call
  // that imports it names it by id instead of carrying its bytes.
  const sent: Array<{ url: string; bytes: number }> = [];
  app.on('request', (r) => {
    if (/\/api\/(upload|call\/importImages)$/.test(r.url())) sent.push({ url: new URL(r.url()).pathname, bytes: r.postDataBuffer()?.length ?? 0 });
  });
  await dropFiles(body.locator('p', { hasText: 'Port Alder is a small town' }), [payload('IMG 2041 Harbour View.JPG', 'image/jpeg', photo)]);

  await answerAlt(app, 'img-2041-harbour-view.jpg', 'The harbour at dawn, seen from the ferry');
  expect(await sawProgress()).toBe(true);
  expect(sent.map((r) => r.url)).toEqual(['/api/upload', '/api/call/importImages']);
  expect(sent[0].bytes).toBe(photo.length);
  expect(sent[1].bytes).toBeLessThan(1000);
  // The inserted shortcode is a real card in the editor, right after the paragraph it was dropped on.
  const card = body.locator('.pw-shortcode-card', { has: app.locator('img[alt="The harbour at dawn, seen from the ferry"]') });
  await expect(card).toBeVisible();
  await app.screenshot({ path: `${SHOTS}/drop-editor.png` });
  await save(app);

  const after = readPostBytes(site.contentDir, TRAVEL).toString('utf8');
  const change = lineChange(before, after);
  expect(change.removed).toEqual([]);
  expect(change.added).toHaveLength(1);
  expect(change.added[0]).toMatch(figureLine);
  expect(change.added[0]).toContain('src="img-2041-harbour-view.jpg" alt="The harbour at dawn, seen from the ferry"');
  // Right after the paragraph, in the file's own CRLF line endings; nothing else moved.
  expect(after).toBe(before.replace(`${TRAVEL_PARA}\r\n\r\n`, `${TRAVEL_PARA}\r\n\r\n${change.added[0]}\r\n\r\n`));

  const file = join(site.contentDir, 'blog/travel-tips-port-alder/img-2041-harbour-view.jpg');
  expect(existsSync(file)).toBe(true);
  expect(await gpsOf(file)).toEqual({});
  // The sideways-stored phone photo was turned upright.
  const meta = await sharp(readFileSync(file)).metadata();
  expect([meta.width, meta.height]).toEqual([600, 900]);
});

test('an image pasted from the clipboard goes in after the paragraph with the cursor', async ({ app, site }) => {
  const before = readPostBytes(site.contentDir, SPEAKERS).toString('utf8');
  const body = await openPost(app, SPEAKERS);
  const first = body.locator('p').first();
  await expect(first).toHaveText(/^The call for speakers/);
  await first.click();
  await app.keyboard.press('End');

  await pasteFiles(app, [payload('image.png', 'image/png', await pngImage(640, 360, '#e9c46a', true))]);
  await answerAlt(app, 'image.png', 'Screenshot of the speaker form');
  await expect(body.locator('img[alt="Screenshot of the speaker form"]')).toBeVisible();
  await save(app);

  const after = readPostBytes(site.contentDir, SPEAKERS).toString('utf8');
  const change = lineChange(before, after);
  expect(change.removed).toEqual([]);
  expect(change.added).toHaveLength(1);
  expect(change.added[0]).toMatch(figureLine);
  expect(change.added[0]).toContain('src="image.png" alt="Screenshot of the speaker form"');
  // Right after the paragraph the cursor was in.
  const lines = after.split('\n');
  const at = lines.indexOf(change.added[0]);
  expect(lines[at - 1]).toBe('');
  expect(lines[at - 2]).toBe(FIRST_SPEAKERS_LINE);
  const file = join(site.contentDir, 'blog/call-for-speakers/image.png');
  expect(await gpsOf(file)).toEqual({});
});

test('"Import images" in the gallery imports several photos, inserts them at the cursor and sets the post image', async ({ app, site }) => {
  const before = readPostBytes(site.contentDir, TRAVEL).toString('utf8');
  const body = await openPost(app, TRAVEL);
  await body.locator('p', { hasText: 'Port Alder is a small town' }).click();
  await app.keyboard.press('End');

  await app.getByRole('tab', { name: 'Gallery' }).click();
  const gallery = app.getByRole('region', { name: 'Gallery' });
  await expect(gallery.getByRole('article', { name: 'ferry.jpg' })).toBeVisible();
  const chooser = app.waitForEvent('filechooser');
  await gallery.getByRole('button', { name: 'Import images' }).click();
  await (
    await chooser
  ).setFiles([
    { name: 'Ferry Deck (1).jpg', mimeType: 'image/jpeg', buffer: await phoneJpeg(800, 500, 1) },
    { name: 'Cannery Café.png', mimeType: 'image/png', buffer: await pngImage(320, 200, '#264653') },
  ]);
  await answerAlt(app, 'ferry-deck-1.jpg', 'Passengers on the ferry deck');
  await answerAlt(app, 'cannery-cafe.png', 'The cannery café at seven');
  await expect(gallery.getByRole('article', { name: 'ferry-deck-1.jpg' })).toBeVisible();
  await expect(gallery.getByRole('article', { name: 'cannery-cafe.png' })).toBeVisible();

  // The form's image picker offers the new photos at once, before any save.
  await expect(app.getByRole('form', { name: 'Front matter' }).getByRole('combobox', { name: 'Images' }).locator('option', { hasText: 'cannery-cafe.png' })).toHaveCount(1);

  // Set as the post's image: only the front matter's `images` line changes.
  await gallery.getByRole('article', { name: 'ferry-deck-1.jpg' }).getByRole('button', { name: 'Set as post image' }).click();
  await app.screenshot({ path: `${SHOTS}/import-gallery.png` });
  await save(app);

  const after = readPostBytes(site.contentDir, TRAVEL).toString('utf8');
  const change = lineChange(before, after);
  expect(change.removed).toEqual(['images: ["ferry.jpg"]']);
  const added = change.added;
  expect(added[0]).toBe('images: ["ferry-deck-1.jpg"]');
  expect(added.slice(1)).toHaveLength(2);
  expect(added[1]).toContain('src="ferry-deck-1.jpg" alt="Passengers on the ferry deck"');
  expect(added[2]).toContain('src="cannery-cafe.png" alt="The cannery café at seven"');
  expect(readdirSync(join(site.contentDir, 'blog/travel-tips-port-alder')).sort()).toEqual(['cannery-cafe.png', 'ferry-deck-1.jpg', 'ferry.jpg', 'index.md']);
  expect(await gpsOf(join(site.contentDir, 'blog/travel-tips-port-alder/ferry-deck-1.jpg'))).toEqual({});
});

test('missing images are flagged in the post list, the editor and the gallery, and clear once the file is added', async ({ app, site }) => {
  const list = app.getByRole('list', { name: 'Posts' });
  const item = list.getByRole('listitem', { name: /^Notes from the booth/ });
  // One file used twice is one missing image, in the list as in the gallery.
  await expect(item.locator('.badge-missing')).toHaveText('1 missing image');
  await expect(item).toHaveAccessibleName(/, 1 missing image(,|$)/);
  await expect(list.locator('.badge-missing')).toHaveCount(1);

  const body = await openPost(app, BOOTH);
  const before = readPostBytes(site.contentDir, BOOTH);
  // The figure card and the Markdown image both say so.
  await expect(body.locator('.pw-missing-flag')).toHaveText(['missing: banner-missing.png', 'missing: banner-missing.png']);
  await expect(body.locator('.pw-shortcode-card.is-missing')).toHaveCount(1);
  await expect(body.locator('img.pw-image.is-missing')).toHaveCount(1);
  // Missing files are never fetched (no 404 in the console, which the fixture checks).
  await expect(body.locator('img[data-deferred-src]')).toHaveCount(2);
  await body.locator('.pw-missing-flag').last().scrollIntoViewIfNeeded();
  await app.screenshot({ path: `${SHOTS}/missing-editor.png` });

  await app.getByRole('tab', { name: 'Gallery' }).click();
  const gallery = app.getByRole('region', { name: 'Gallery' });
  const card = gallery.getByRole('article', { name: 'banner-missing.png' });
  await expect(card).toContainText('missing');
  await expect(gallery).toContainText('1 image this post uses is missing.');
  await app.screenshot({ path: `${SHOTS}/missing.png` });

  // The photo finally made it off the phone: dropped on the gallery under its referenced name.
  // It fills the missing image by itself: no dialog offers to insert it again.
  await dropFiles(gallery, [payload('banner-missing.png', 'image/png', await pngImage(400, 300, '#f4a261'))]);
  await expect(gallery.getByRole('status')).toHaveText('banner-missing.png fills a missing image of this post.');
  await expect(app.getByRole('dialog')).toHaveCount(0);
  await expect(gallery.getByRole('article', { name: 'banner-missing.png' })).not.toContainText('This image is missing');
  await expect(body.locator('.pw-missing-flag')).toHaveCount(0);
  await expect(body.locator('img[data-deferred-src]')).toHaveCount(0);
  await expect(item.locator('.badge-missing')).toHaveCount(0);
  // Nothing was written to the post.
  expect(readPostBytes(site.contentDir, BOOTH).equals(before)).toBe(true);
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
});

test('Replace on a missing image points its references at a chosen image: only those lines change', async ({ app, site }) => {
  const before = readPostBytes(site.contentDir, BOOTH).toString('utf8');
  const body = await openPost(app, BOOTH);
  await app.getByRole('tab', { name: 'Gallery' }).click();
  const gallery = app.getByRole('region', { name: 'Gallery' });
  await gallery.getByRole('article', { name: 'banner-missing.png' }).getByRole('button', { name: 'Replace' }).click();
  const dialog = app.getByRole('dialog', { name: 'Replace banner-missing.png' });
  await dialog.getByRole('radio', { name: 'crowd.jpg' }).check();
  await dialog.getByRole('button', { name: 'Replace image' }).click();
  await expect(dialog).toBeHidden();
  await expect(gallery.getByRole('article', { name: 'banner-missing.png' })).toHaveCount(0);
  await expect(body.locator('.pw-missing-flag')).toHaveCount(0);
  await expect(app.getByRole('list', { name: 'Posts' }).locator('.badge-missing')).toHaveCount(0);
  expect(lineChange(before, readPostBytes(site.contentDir, BOOTH).toString('utf8'))).toEqual({
    removed: ['{{<figure src="banner-missing.png" alt="The lantern banner before it fell over">}}', '![The banner, again](banner-missing.png)'],
    added: ['{{<figure src="crowd.jpg" alt="The lantern banner before it fell over">}}', '![The banner, again](crowd.jpg)'],
  });
});

test('Replace can import a file for a missing image', async ({ app, site }) => {
  const before = readPostBytes(site.contentDir, BOOTH).toString('utf8');
  await openPost(app, BOOTH);
  await app.getByRole('tab', { name: 'Gallery' }).click();
  const gallery = app.getByRole('region', { name: 'Gallery' });
  await gallery.getByRole('article', { name: 'banner-missing.png' }).getByRole('button', { name: 'Replace' }).click();
  const chooser = app.waitForEvent('filechooser');
  await app.getByRole('dialog', { name: 'Replace banner-missing.png' }).getByRole('button', { name: 'Import a file…' }).click();
  await (await chooser).setFiles({ name: 'Lantern Banner.png', mimeType: 'image/png', buffer: await pngImage(300, 200, '#2a9d8f') });
  await expect(gallery.getByRole('article', { name: 'banner-missing.png' })).toHaveCount(0);
  await expect(app.getByRole('dialog')).toHaveCount(0);
  expect(lineChange(before, readPostBytes(site.contentDir, BOOTH).toString('utf8'))).toEqual({
    removed: ['{{<figure src="banner-missing.png" alt="The lantern banner before it fell over">}}', '![The banner, again](banner-missing.png)'],
    added: ['{{<figure src="lantern-banner.png" alt="The lantern banner before it fell over">}}', '![The banner, again](lantern-banner.png)'],
  });
  expect(existsSync(join(site.contentDir, 'blog/booth-notes/lantern-banner.png'))).toBe(true);
});

test('renaming an image with unsaved changes saves them first, then only its references change and the editor reloads', async ({ app, site }) => {
  const before = readPostBytes(site.contentDir, BOOTH).toString('utf8');
  const status = app.getByRole('status', { name: 'Save state' });
  const body = await openPost(app, BOOTH);
  await body.locator('p', { hasText: 'A short one.' }).click();
  await app.keyboard.press('End');
  await app.keyboard.type(' Mostly.');
  await expect(status).toHaveText('Unsaved changes');

  await app.getByRole('tab', { name: 'Gallery' }).click();
  const gallery = app.getByRole('region', { name: 'Gallery' });
  await gallery.getByRole('article', { name: 'crowd.jpg' }).getByRole('button', { name: 'Rename' }).click();
  const rename = app.getByRole('dialog', { name: 'Rename crowd.jpg' });
  await rename.getByRole('textbox', { name: 'New name' }).fill('demo-table.jpg');
  await rename.getByRole('button', { name: 'Rename image' }).click();
  await app.getByRole('alertdialog', { name: 'Unsaved changes' }).getByRole('button', { name: 'Save' }).click();

  await expect(gallery.getByRole('article', { name: 'demo-table.jpg' })).toBeVisible();
  await expect(body.locator('img[alt="Visitors crowding around the demo table"]')).toHaveAttribute('src', /demo-table\.jpg/);
  await expect(body).toContainText('typed up as they were. Mostly.');
  await expect(status).not.toHaveText('Unsaved changes');

  const after = readPostBytes(site.contentDir, BOOTH).toString('utf8');
  expect(lineChange(before, after)).toEqual({
    removed: ['A short one. These are the notes we scribbled on the back of the booth schedule, typed up as they were.', '{{<figure src="crowd.jpg" alt="Visitors crowding around the demo table">}}'],
    added: ['A short one. These are the notes we scribbled on the back of the booth schedule, typed up as they were. Mostly.', '{{<figure src="demo-table.jpg" alt="Visitors crowding around the demo table">}}'],
  });
  expect(existsSync(join(site.contentDir, 'blog/booth-notes/demo-table.jpg'))).toBe(true);
  expect(existsSync(join(site.contentDir, 'blog/booth-notes/crowd.jpg'))).toBe(false);
});
