// Preview mode: the post as the site shows it over the whole editor area; Escape returns to the
// text with nothing lost.
import { test, expect } from './support/fixtures';

test('Preview takes the whole editor area with the real render, and Escape returns to the unsaved text', async ({ app }) => {
  await app.getByRole('list', { name: 'Posts' }).getByRole('button', { name: /^Thank You, Driftwood Volunteers/ }).click();
  const body = app.getByRole('textbox', { name: 'Post body' });
  await expect(body).toHaveAttribute('contenteditable', 'true');
  await body.locator('p', { hasText: 'A few of them we want to thank by name:' }).click();
  await app.keyboard.press('End');
  await app.keyboard.type(' Not saved yet.');

  await app.getByRole('button', { name: 'Preview', exact: true }).click();
  const mode = app.getByRole('region', { name: 'Preview mode' });
  await expect(mode).toBeVisible();
  // It covers the editor area (toolbar, form and text), not a side column.
  const pane = (await app.getByRole('main', { name: 'Editor' }).boundingBox())!;
  const box = (await mode.boundingBox())!;
  expect(Math.abs(box.width - pane.width)).toBeLessThan(2);
  expect(Math.abs(box.height - pane.height)).toBeLessThan(2);
  await expect(mode.getByRole('button', { name: 'Back to editing' })).toBeFocused();
  // Hugo's page (or the built-in preview where hugo is missing) shows the post's title.
  const frame = mode.frameLocator('iframe[title="Preview of the post"]');
  const builtin = mode.locator('.pw-preview');
  await expect(frame.locator('body').or(builtin)).toContainText('Thank You, Driftwood Volunteers', { timeout: 30_000 });

  await app.keyboard.press('Escape');
  await expect(mode).toBeHidden();
  await expect(body).toBeFocused();
  await expect(body).toContainText('Not saved yet.');
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Unsaved changes');
});
