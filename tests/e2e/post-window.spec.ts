// A post over a few screens is drawn in a window of blocks around what the writer sees and the
// caret (engine/block-window.ts, renderer/editor/long-post.ts). A writer never meets its edge:
// Page Down goes a screen further each time, scrolling shows the blocks below, and what is typed
// lands where the caret is, with nothing else in the file changed.
import { test, expect } from './support/fixtures';
import { readPostBytes } from './support/disk';
import type { Page } from '@playwright/test';

const POST = 'blog/harbour-week/index.md';
const paragraphs = Array.from({ length: 150 }, (_, i) => `Paragraph ${i + 1} of harbour week: the ferries, the cannery tour and the lighthouse.`);
const TEXT = `---\ntitle: "Harbour Week"\ndate: 2025-06-02\n---\n\n${paragraphs.join('\n\n')}\n`;
test.use({ siteFiles: { [`content/${POST}`]: TEXT } });

/** The number of the paragraph holding the caret. */
function caretParagraph(page: Page): Promise<number> {
  return page.evaluate(() => {
    let n = document.getSelection()!.focusNode;
    while (n && !(n instanceof HTMLParagraphElement)) n = n.parentNode;
    return Number(/Paragraph (\d+)/.exec(n?.textContent ?? '')?.[1] ?? -1);
  });
}

/** Whether paragraph `n` is drawn and inside the editor's scrolling frame. */
function inFrame(page: Page, n: number): Promise<boolean> {
  return page.evaluate((n) => {
    const frame = document.querySelector('.editor-scroll')!.getBoundingClientRect();
    const p = [...document.querySelectorAll('.ProseMirror > p')].find((el) => el.textContent!.startsWith(`Paragraph ${n} of`));
    const r = p?.getBoundingClientRect();
    return !!r && r.height > 0 && r.top >= frame.top && r.bottom <= frame.bottom;
  }, n);
}

test('Page Down through a post drawn in a window, then typing: the words land where the caret is', async ({ app, site }) => {
  await app.getByRole('list', { name: 'Posts' }).getByRole('button', { name: /^Harbour Week/ }).click();
  const body = app.getByRole('textbox', { name: 'Post body' });
  await body.locator('p', { hasText: 'Paragraph 2 of' }).click();
  // Far blocks are not in the page until the writer comes near them.
  await expect(body.locator('p', { hasText: 'Paragraph 140 of' })).toHaveCount(0);
  let at = await caretParagraph(app);
  for (let i = 0; i < 5; i++) {
    await app.keyboard.press('PageDown');
    // Each press goes on down the post: the caret never sticks at the edge of the drawn blocks.
    await expect.poll(() => caretParagraph(app)).toBeGreaterThan(at);
    at = await caretParagraph(app);
  }
  expect(at).toBeGreaterThan(40);
  await app.keyboard.type('Rain all afternoon. ');
  await app.keyboard.press('Control+s');
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  // One line changed, the caret's paragraph, and taking the words out gives it back.
  const before = TEXT.split('\n');
  const after = readPostBytes(site.contentDir, POST).toString('utf8').split('\n');
  expect(after.length).toBe(before.length);
  const changed = after.flatMap((line, i) => (line === before[i] ? [] : [i]));
  expect(changed).toHaveLength(1);
  expect(after[changed[0]]).toContain(`Paragraph ${at} of`);
  expect(after[changed[0]].replace('Rain all afternoon. ', '')).toBe(before[changed[0]]);
});

test('scrolling a post drawn in a window shows its blocks, and the scroll height holds', async ({ app }) => {
  await app.getByRole('list', { name: 'Posts' }).getByRole('button', { name: /^Harbour Week/ }).click();
  const body = app.getByRole('textbox', { name: 'Post body' });
  await expect(body.locator('p', { hasText: 'Paragraph 1 of' })).toBeVisible();
  await body.hover();
  // A block is drawn a dozen blocks before it scrolls into view: the wheel goes on until it is in
  // the editor's frame.
  const target = body.locator('p', { hasText: 'Paragraph 120 of' });
  for (let i = 0; i < 100 && !(await inFrame(app, 120)); i++) await app.mouse.wheel(0, 300);
  await expect(target).toBeInViewport();
  // The last paragraph is reached with the wheel too, and no gap is left below it.
  const last = body.locator('p', { hasText: 'Paragraph 150 of' });
  for (let i = 0; i < 100 && !(await inFrame(app, 150)); i++) await app.mouse.wheel(0, 300);
  await expect(last).toBeInViewport();
  const gap = await app.locator('.editor-scroll').evaluate((frame) => {
    const p = [...frame.querySelectorAll('.ProseMirror > p')].at(-1)!;
    return frame.scrollHeight - (p.getBoundingClientRect().bottom - frame.getBoundingClientRect().top + frame.scrollTop);
  });
  expect(gap).toBeLessThan(400);
});
