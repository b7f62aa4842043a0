// A site of 5,000 posts: the list draws only the rows near its visible part (windowed), yet the
// keyboard reaches every post, a screen reader hears where each row sits, and the filter and
// the scroll bar work on the whole list.
import { test, expect } from './support/fixtures';

const COUNT = 5000;
const files: Record<string, string> = {};
for (let i = 0; i < COUNT; i++) {
  const n = String(i).padStart(4, '0');
  files[`content/many/post-${n}.md`] = `---\ntitle: "Many post ${n}"\ndate: 2020-01-01\ntags: [bulk]\n---\n\nBody of post ${n}.\n`;
}
test.use({ siteFiles: files });

test('a list of 5,000 posts draws only what is in view, and the keys, the filter and the scroll bar reach every post', async ({ app }) => {
  const list = app.getByRole('list', { name: 'Posts' });
  const items = list.getByRole('listitem');
  await expect(items.first()).toBeVisible();
  const total = Number(await items.first().getAttribute('aria-setsize'));
  expect(total).toBeGreaterThanOrEqual(COUNT);
  expect(await items.count()).toBeLessThan(200);
  await expect(items.first()).toHaveAttribute('aria-posinset', '1');
  // The scroll bar spans every post, drawn or not (the list's height marker, app.css).
  expect(await list.evaluate((el) => el.scrollHeight)).toBeGreaterThan(total * 40);

  // Tab lands in the list, on its first post; arrows move one post, End reaches the last one.
  await app.getByRole('searchbox', { name: 'Filter posts' }).focus();
  await app.keyboard.press('Tab');
  await expect(list.getByRole('button').first()).toBeFocused();
  await app.keyboard.press('ArrowDown');
  await expect(app.locator('li[aria-posinset="2"] .post-button')).toBeFocused();
  await app.keyboard.press('End');
  const last = app.locator(`li[aria-posinset="${total}"]`);
  await expect(last.locator('.post-button')).toBeFocused();
  await expect(last).toBeInViewport();
  await app.keyboard.press('ArrowUp');
  await expect(app.locator(`li[aria-posinset="${total - 1}"] .post-button`)).toBeFocused();
  expect(await items.count()).toBeLessThan(200);

  // Enter opens the focused post, which becomes the list's Tab stop.
  const path = await app.locator(`li[aria-posinset="${total - 1}"]`).getAttribute('data-path');
  await app.keyboard.press('Enter');
  await expect(app.locator('.status-path')).toHaveText(path ?? '');
  await expect(list.locator('button[tabindex="0"]')).toHaveAttribute('data-path', path ?? '');

  // Scrolling back to the top with the scroll bar draws the first posts again.
  await list.evaluate((el) => (el.scrollTop = 0));
  await expect(app.locator('li[aria-posinset="1"]')).toBeInViewport();
  expect(await items.count()).toBeLessThan(200);

  // The filter searches all 5,000, drawn or not.
  await app.getByRole('searchbox', { name: 'Filter posts' }).fill('many post 4242');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toHaveAccessibleName(/^Many post 4242/);
  await expect(items.first()).toHaveAttribute('aria-setsize', '1');
});
