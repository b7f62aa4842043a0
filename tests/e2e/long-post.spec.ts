// A long event recap (over 100,000 characters) in the real app: only the blocks near the writer
// are displayed, scrolling with the wheel brings the rest, typing and Ctrl+S change exactly the
// line typed in, and Ctrl+End reaches the real end of the post, not the end of what is displayed.
// Its word count comes from the analysis worker.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './support/fixtures';
import { changedLines, readPostBytes } from './support/disk';
import { caretAtEnd } from './support/caret';

const PATH = 'blog/long-recap/index.md';

function longRecap(): string {
  const blocks: string[] = [];
  for (let i = 1; i <= 360; i++) {
    blocks.push(`## Talk ${i}: notes from the cannery`);
    blocks.push(`Talk ${i} paragraph: the speaker walked us through tide tables, ferry timetables and the harbour sensors, with slides on the summit site.`);
    blocks.push(`- Point ${i}a about offline maps\n- Point ${i}b about lighthouse logs`);
    blocks.push(`Closing line of talk ${i}, before the coffee break.`);
  }
  return `---\ntitle: "Long Recap of Every Talk"\ndate: 2025-06-01\n---\n\n${blocks.join('\n\n')}\n`;
}

test('a long post: scroll, type and save exactly one line; Ctrl+End reaches the real end', async ({ app, site }) => {
  const text = longRecap();
  expect(text.length).toBeGreaterThan(100_000);
  mkdirSync(join(site.contentDir, 'blog', 'long-recap'), { recursive: true });
  writeFileSync(join(site.contentDir, PATH), text);
  await app.reload();
  await app.getByRole('list', { name: 'Posts' }).getByRole('button', { name: /^Long Recap of Every Talk/ }).click();
  const body = app.getByRole('textbox', { name: 'Post body' });
  await expect(body).toHaveAttribute('contenteditable', 'true');
  await expect(body.getByRole('heading', { name: 'Talk 1: notes from the cannery' })).toBeVisible();
  // Counted in the analysis worker (long posts are not counted on the page's thread).
  await expect(app.getByRole('status', { name: 'Word count' })).toContainText(/^[\d,]+ words · [\d,]+ characters/);
  // Far blocks are not displayed (and not laid out), but they are in the document.
  await expect(body.getByText('Talk 300 paragraph', { exact: false })).toBeHidden();

  // Scroll down with the wheel, as a writer would, until talk 150's closing line shows.
  const target = body.locator('p', { hasText: 'Closing line of talk 150,' });
  await body.hover();
  for (let i = 0; i < 300 && !(await target.isVisible()); i++) await app.mouse.wheel(0, 1200);
  await expect(target).toBeVisible();
  await target.click();
  await app.keyboard.press('End');
  await app.keyboard.type(' Added after the talk.');
  await app.keyboard.press('Control+s');
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  const saved = readPostBytes(site.contentDir, PATH).toString('utf8');
  const line = 'Closing line of talk 150, before the coffee break.';
  expect(changedLines(text, saved)).toEqual({ removed: [line], added: [`${line} Added after the talk.`] });

  await app.keyboard.press('Control+End');
  await app.keyboard.type(' The end.');
  await expect(body.getByText('Closing line of talk 360, before the coffee break. The end.')).toBeVisible();
  await app.keyboard.press('Control+s');
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  expect(changedLines(saved, readPostBytes(site.contentDir, PATH).toString('utf8'))).toEqual({
    removed: ['Closing line of talk 360, before the coffee break.'],
    added: ['Closing line of talk 360, before the coffee break. The end.'],
  });
});

test('a long post is editable from its start while the rest is read; a save meanwhile keeps the rest exactly', async ({ app, site }) => {
  // About 700 KB: reading it all takes about a second here, so the writer is quicker.
  const one = longRecap();
  const text = one + one.slice(one.indexOf('\n---\n') + 5).repeat(4);
  const path = 'blog/long-recap/index.md';
  mkdirSync(join(site.contentDir, 'blog', 'long-recap'), { recursive: true });
  writeFileSync(join(site.contentDir, path), text);
  await app.reload();
  await app.getByRole('list', { name: 'Posts' }).getByRole('button', { name: /^Long Recap of Every Talk/ }).click();
  const body = app.getByRole('textbox', { name: 'Post body' });
  const first = body.locator('p', { hasText: 'Talk 1 paragraph' }).first();
  // On the paragraph's last line (it wraps: End goes to the end of the line the caret is on).
  await caretAtEnd(first);
  await app.keyboard.type(' Typed at once.');
  await app.keyboard.press('Control+s');
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  const line = 'Talk 1 paragraph: the speaker walked us through tide tables, ferry timetables and the harbour sensors, with slides on the summit site.';
  const saved = readPostBytes(site.contentDir, path).toString('utf8');
  expect(changedLines(text, saved)).toEqual({ removed: [line], added: [`${line} Typed at once.`] });

  // Find reaches the post's last line even if the rest is still being read (it is read at
  // once then); the typed words are still there.
  await app.keyboard.press('Control+f');
  const bar = app.getByRole('search', { name: 'Find and replace' });
  await bar.getByRole('searchbox', { name: 'Find' }).fill('Closing line of talk 360,');
  await expect(bar.getByRole('status')).toHaveText('1 of 5');
  await app.keyboard.press('Escape');
  await expect(app.getByRole('progressbar', { name: 'Reading the rest of the post' })).toBeHidden();
  await expect(app.locator('.post-body[aria-busy="true"]')).toHaveCount(0);
  await expect(body.getByText('Typed at once.', { exact: false })).toHaveCount(1);
  await app.keyboard.press('Control+s');
  expect(readPostBytes(site.contentDir, path).toString('utf8')).toBe(saved);
});

test('a long post full of shortcode cards draws only the cards near the writer; the last one edits and saves exactly', async ({ app, site }) => {
  const talks: string[] = [];
  for (let i = 1; i <= 700; i++) {
    talks.push(`## Session ${i}`, `Session ${i} paragraph: the speaker walked us through tide tables and the harbour sensors, with slides on the summit site.`, `{{< youtube "video${i}" >}}`);
  }
  const text = `---\ntitle: "Recap With Many Videos"\ndate: 2025-06-01\n---\n\n${talks.join('\n\n')}\n\nLast words of the recap.\n`;
  expect(text.length).toBeGreaterThan(100_000);
  const path = 'blog/video-recap/index.md';
  mkdirSync(join(site.contentDir, 'blog', 'video-recap'), { recursive: true });
  writeFileSync(join(site.contentDir, path), text);
  await app.reload();
  await app.getByRole('list', { name: 'Posts' }).getByRole('button', { name: /^Recap With Many Videos/ }).click();
  const body = app.getByRole('textbox', { name: 'Post body' });
  await expect(body.getByRole('button', { name: 'Edit youtube' }).first()).toBeVisible();
  await expect(app.locator('.post-body[aria-busy="true"]')).toHaveCount(0);
  // All 2,100 blocks are in the document, but only the cards in the window around the writer are
  // drawn: the far ones are empty placeholders (drawn in full, the browser's work on each key
  // walked all their elements).
  const cards = await body.locator('.pw-shortcode-card').count();
  expect(cards).toBeGreaterThan(0);
  expect(cards).toBeLessThan(100);

  await body.locator('p', { hasText: 'Session 1 paragraph' }).click();
  await app.keyboard.press('Control+End');
  await app.keyboard.type(' The end.');
  await expect(body.getByText('Last words of the recap. The end.')).toBeVisible();
  // The last card is drawn as a card, with its Edit button.
  const lastCard = body.locator('.pw-shortcode-card').last();
  await expect(lastCard).toBeVisible();
  await expect(lastCard.getByRole('button', { name: 'Edit youtube' })).toBeVisible();
  await app.keyboard.press('Control+s');
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  expect(changedLines(text, readPostBytes(site.contentDir, path).toString('utf8'))).toEqual({ removed: ['Last words of the recap.'], added: ['Last words of the recap. The end.'] });
});
