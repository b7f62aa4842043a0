// Room to work on a small laptop screen (1024 × 700, the side panel open): every formatting
// action is reachable (the ones that do not fit are in "More formatting"), the side panel's tabs
// keep to one row, and no control of the form runs into another.
import type { Locator } from '@playwright/test';
import { test, expect } from './support/fixtures';

const ACTIONS = ['Bold', 'Italic', 'Link', 'Heading', 'Bulleted list', 'Numbered list', 'Quote', 'Code', 'Code block', 'Undo', 'Redo'];

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
async function boxes(l: Locator): Promise<Box[]> {
  return (await l.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as Box))).filter((b) => b.width > 0 && b.height > 0);
}

test.use({ viewport: { width: 1024, height: 700 } });

test('at 1024 × 700 every formatting action is reachable and Undo works from "More formatting"', async ({ app }) => {
  await app.getByRole('list', { name: 'Posts' }).getByRole('button', { name: /^Call for Speakers/ }).click();
  const body = app.getByRole('textbox', { name: 'Post body' });
  await expect(body).toHaveAttribute('contenteditable', 'true');
  const toolbar = app.getByRole('toolbar', { name: 'Formatting' });
  const more = toolbar.getByRole('button', { name: 'More formatting' });
  await expect(more).toBeVisible();
  const visible = (await toolbar.getByRole('button').evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetWidth > 0).map((e) => e.getAttribute('aria-label')))) as string[];
  await more.click();
  const menu = app.getByRole('menu', { name: 'More formatting' });
  const inMenu = (await menu.getByRole('menuitem').allTextContents()).map((t) => t.replace(/\s.*$/, '').trim());
  for (const action of ACTIONS) expect(visible.includes(action) || inMenu.some((m) => action.startsWith(m)), `${action} is reachable`).toBe(true);
  await app.keyboard.press('Escape');
  await expect(menu).toBeHidden();

  // The toolbar's own buttons stay inside the toolbar, left of the post's commands.
  const bar = (await toolbar.boundingBox())!;
  for (const b of await boxes(toolbar.locator('button'))) expect(b.x + b.width).toBeLessThanOrEqual(bar.x + bar.width + 1);

  await body.locator('p').first().click();
  await app.keyboard.press('End');
  await app.keyboard.type(' Extra words.');
  await expect(body).toContainText('Extra words.');
  await more.click();
  await menu.getByRole('menuitem', { name: /^Undo/ }).click();
  await expect(body).not.toContainText('Extra words.');
});

test('at 1024 × 700 the side panel keeps its tabs in one row and the form has no overlapping controls', async ({ app }) => {
  await app.getByRole('list', { name: 'Posts' }).getByRole('button', { name: /^Call for Speakers/ }).click();
  await expect(app.getByRole('textbox', { name: 'Post body' })).toBeVisible();
  const tabs = await boxes(app.getByRole('tablist', { name: 'Tools' }).getByRole('tab'));
  expect(tabs.length).toBe(5);
  expect(new Set(tabs.map((t) => Math.round(t.y))).size).toBe(1);
  const list = (await app.getByRole('tablist', { name: 'Tools' }).boundingBox())!;
  for (const t of tabs) expect(t.x + t.width).toBeLessThanOrEqual(list.x + list.width + 1);

  const form = app.getByRole('form', { name: 'Front matter' });
  const parts = await boxes(form.locator('.fm-row > label, .fm-control input, .fm-control select, .fm-control textarea, .fm-zone, .fm-remove, .fm-chips li'));
  for (let i = 0; i < parts.length; i++) for (let j = i + 1; j < parts.length; j++) expect(overlaps(parts[i], parts[j]), `parts ${i} and ${j} overlap`).toBe(false);
});
