// GitHub-style alerts (`> [!TIP]`, rendered as callouts by Hugo 0.132+) read as callouts: the
// quote takes the alert's colour, its marker reads as a label with its brackets hidden, bold
// inside shows bold with no `**` on screen, and the writer types into the alert's sentence as
// anywhere else. A save changes only that line; the `> [!TIP]` syntax stays as written.
import { test, expect } from './support/fixtures';
import { changedLines, readPostBytes } from './support/disk';

const POST = 'blog/ferry-day.md';
const TEXT = [
  '---',
  'title: "Ferry Day"',
  'date: 2025-06-02',
  '---',
  '',
  'The ferry leaves at seven.',
  '',
  '> [!TIP]',
  '> Bring a **warm jacket** for the crossing.',
  '> The deck is windy before nine.',
  '',
  '> [!WARNING]',
  '> The last boat back leaves at ten.',
  '',
].join('\n');

test.use({ siteFiles: { [`content/${POST}`]: TEXT } });

test('an alert reads as a callout with bold shown bold, and typing into its sentence changes only that line', async ({ app, site }) => {
  const before = readPostBytes(site.contentDir, POST).toString('utf8');
  await app.getByRole('list', { name: 'Posts' }).getByRole('button', { name: /^Ferry Day/ }).click();
  const body = app.getByRole('textbox', { name: 'Post body' });
  await expect(body).toHaveAttribute('contenteditable', 'true');

  const tip = body.locator('blockquote.pw-alert-tip');
  await expect(tip).toHaveCount(1);
  await expect(body.locator('blockquote.pw-alert-warning')).toHaveCount(1);
  // The marker is a label: its brackets take no room, its word is styled as a label.
  await expect(tip.locator('.pw-alert-marker')).toHaveText('TIP');
  for (const punct of await tip.locator('.pw-alert-punct').all()) await expect(punct).toHaveCSS('font-size', '0px');
  // The marker on its own line stands as the alert's title: the first sentence starts below it.
  const labelBox = (await tip.locator('.pw-alert-marker').boundingBox())!;
  const boldBox = (await tip.locator('strong').boundingBox())!;
  expect(boldBox.y).toBeGreaterThanOrEqual(labelBox.y + labelBox.height);
  // Bold inside the alert is bold, with no asterisks on screen.
  await expect(tip.locator('strong')).toHaveText('warm jacket');
  await expect(tip).not.toContainText('**');

  // Click just after "crossing." (where the first line of the source ends) and type.
  await tip.scrollIntoViewIfNeeded();
  const spot = await tip.evaluate((quote) => {
    const walker = document.createTreeWalker(quote, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.textContent!.indexOf('crossing.');
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at + 'crossing'.length);
      range.setEnd(n, at + 'crossing.'.length);
      const r = range.getBoundingClientRect();
      return { x: r.right - 1, y: r.top + r.height / 2 };
    }
    throw new Error('no "crossing." in the alert');
  });
  await app.mouse.click(spot.x, spot.y);
  await app.keyboard.type(' And gloves.');
  await expect(tip).toContainText('for the crossing. And gloves.');
  await app.keyboard.press('Control+s');
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  expect(changedLines(before, readPostBytes(site.contentDir, POST).toString('utf8'))).toEqual({
    removed: ['> Bring a **warm jacket** for the crossing.'],
    added: ['> Bring a **warm jacket** for the crossing. And gloves.'],
  });
});
