// Typing keeps the caret in view without scrolling when it need not. A typed character skips the
// editor's scroll to the caret while the caret is well inside the view (engine/caret-in-view.ts);
// at the bottom edge the view must still follow the caret as the writer types on (the app now
// scrolls there before the write, two lines or so at a time), and in the middle of the view
// nothing may move.
import { test, expect } from './support/fixtures';
import { readPostBytes } from './support/disk';
import type { Locator, Page } from '@playwright/test';

const POST = 'blog/ferry-day/index.md';
const paragraphs = Array.from({ length: 40 }, (_, i) => `Paragraph ${i + 1} of the ferry day: tide tables, the harbour crossing and the lighthouse keepers' tour.`);
const TEXT = `---\ntitle: "Ferry Day"\ndate: 2025-05-02\n---\n\n${paragraphs.join('\n\n')}\n`;
test.use({ siteFiles: { [`content/${POST}`]: TEXT } });

const TYPED =
  ' Then the evening ferry home, past the breakwater lights, the fish market and the old customs house,' +
  ' with the whole crew on deck, the gulls behind us, and the lighthouse keepers waving from the pier until we rounded the point.';

/** The visible part of the editor's scrolling frame, and the last typed character's box. */
function caretAndFrame(page: Page) {
  return page.evaluate(() => {
    const frame = document.querySelector('.editor-scroll')!;
    const sel = document.getSelection()!;
    const node = sel.focusNode!;
    const range = document.createRange();
    range.setStart(node, sel.focusOffset - 1);
    range.setEnd(node, sel.focusOffset);
    const caret = range.getBoundingClientRect();
    const f = frame.getBoundingClientRect();
    return {
      caretTop: caret.top,
      caretBottom: caret.bottom,
      caretLeft: caret.left,
      caretRight: caret.right,
      frameTop: f.top,
      frameBottom: f.top + frame.clientHeight,
      frameLeft: f.left,
      frameRight: f.left + frame.clientWidth,
      scrollTop: frame.scrollTop,
      scrollLeft: frame.scrollLeft,
      overflowsSideways: frame.scrollWidth > frame.clientWidth,
    };
  });
}

async function openFerryDay(app: Page): Promise<Locator> {
  await app.getByRole('list', { name: 'Posts' }).getByRole('button', { name: /^Ferry Day/ }).click();
  const body = app.getByRole('textbox', { name: 'Post body' });
  await expect(body.getByText('Paragraph 40 of the ferry day', { exact: false })).toBeAttached();
  return body;
}

test('typing at the bottom edge of the view: the view follows the caret onto each new line', async ({ app, site }) => {
  const body = await openFerryDay(app);
  const target = body.locator('p', { hasText: 'Paragraph 12 of' });
  // Scroll, as with the wheel, until the paragraph's last line is the last line in view.
  await target.evaluate((p) => {
    const frame = p.closest('.editor-scroll')!;
    frame.scrollTop += p.getBoundingClientRect().bottom - (frame.getBoundingClientRect().top + frame.clientHeight) + 2;
  });
  const box = (await target.boundingBox())!;
  await app.mouse.click(box.x + box.width - 4, box.y + box.height - 8);
  await app.keyboard.press('End');
  const before = await caretAndFrame(app);
  expect(before.frameBottom - before.caretBottom).toBeLessThan(40);
  // Long enough to wrap onto at least two new lines below the old bottom of the view.
  for (const word of TYPED.split(/(?= )/)) {
    await app.keyboard.type(word);
    const now = await caretAndFrame(app);
    expect(now.caretBottom).toBeLessThanOrEqual(now.frameBottom);
    expect(now.caretTop).toBeGreaterThanOrEqual(now.frameTop);
  }
  // The paragraph grew by at least two lines, and the view scrolled by as much.
  const after = await caretAndFrame(app);
  expect(after.scrollTop - before.scrollTop).toBeGreaterThan(2 * (before.caretBottom - before.caretTop));
  await app.keyboard.press('Control+s');
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  const p12 = paragraphs[11];
  expect(readPostBytes(site.contentDir, POST).toString('utf8')).toBe(TEXT.replace(p12, p12 + TYPED));
});

test('typing in the middle of the view moves nothing', async ({ app, site }) => {
  const body = await openFerryDay(app);
  const target = body.locator('p', { hasText: 'Paragraph 3 of' });
  await target.click();
  await app.keyboard.press('End');
  const before = await caretAndFrame(app);
  await app.keyboard.type(' A calm crossing.');
  const after = await caretAndFrame(app);
  expect(after.scrollTop).toBe(before.scrollTop);
  expect(after.caretTop).toBeGreaterThanOrEqual(after.frameTop);
  await app.keyboard.press('Control+s');
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  const p3 = paragraphs[2];
  expect(readPostBytes(site.contentDir, POST).toString('utf8')).toBe(TEXT.replace(p3, p3 + ' A calm crossing.'));
});

// At a line's end (where the caret sits on most keys of a writer adding to a paragraph) the
// scroll is skipped too, since the text wraps and the frame has nothing to scroll sideways: an
// unbroken address typed there must wrap, character by character, and never leave the view.
test('typing a long unbroken address at the end of a line: it wraps and the caret stays in view', async ({ app, site }) => {
  const body = await openFerryDay(app);
  const target = body.locator('p', { hasText: 'Paragraph 4 of' });
  await target.click();
  await app.keyboard.press('End');
  const before = await caretAndFrame(app);
  const address = ' https://ferry.example/timetables/' + 'harbour-crossing-'.repeat(8) + 'evening';
  for (const ch of address) {
    await app.keyboard.type(ch);
    const now = await caretAndFrame(app);
    expect(now.caretRight).toBeLessThanOrEqual(now.frameRight);
    expect(now.caretLeft).toBeGreaterThanOrEqual(now.frameLeft);
    expect(now.caretBottom).toBeLessThanOrEqual(now.frameBottom);
    expect(now.scrollLeft).toBe(0);
    expect(now.overflowsSideways).toBe(false);
  }
  // It wrapped onto new lines, and the view did not need to move.
  const after = await caretAndFrame(app);
  expect(after.caretTop - before.caretTop).toBeGreaterThan(before.caretBottom - before.caretTop);
  expect(after.scrollTop).toBe(before.scrollTop);
  await app.keyboard.press('Control+s');
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  const p4 = paragraphs[3];
  expect(readPostBytes(site.contentDir, POST).toString('utf8')).toBe(TEXT.replace(p4, p4 + address));
});
