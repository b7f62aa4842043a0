// Light and dark themes follow the OS. Screenshots go to the temp folder for a human look; the
// test checks the colours really switch and the text stays readable.
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './support/fixtures';
import type { RunningSite } from './support/web-host';

function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? ['0', '0', '0']).slice(0, 3).map((v) => Number(v) / 255);
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`the ${scheme} theme follows the OS and stays readable`, async ({ app }) => {
    await app.emulateMedia({ colorScheme: scheme });
    await app.getByRole('list', { name: 'Posts' }).getByRole('button', { name: /^Thank You, Driftwood Volunteers/ }).click();
    await expect(app.getByRole('textbox', { name: 'Post body' })).toBeVisible();
    const colours = await app.evaluate(() => {
      const s = getComputedStyle(document.body);
      const body = document.querySelector('.post-body') as HTMLElement;
      return { bg: s.backgroundColor, text: s.color, bodyText: getComputedStyle(body).color };
    });
    if (scheme === 'dark') expect(luminance(colours.bg)).toBeLessThan(0.05);
    else expect(luminance(colours.bg)).toBeGreaterThan(0.8);
    expect(contrast(colours.bg, colours.text)).toBeGreaterThan(7);
    expect(contrast(colours.bg, colours.bodyText)).toBeGreaterThan(7);
    const file = join(tmpdir(), `postwright-${scheme}.png`);
    await app.screenshot({ path: file });
    test.info().annotations.push({ type: 'screenshot', description: file });
  });
}

// A theme chosen in Settings wins over the OS everywhere, not only in the app's shell: the
// editor's shortcode cards and the versions panels have colours of their own (editor.css,
// history.css), which followed only the OS before. The History tab offers its settings only in
// a site kept in git, hence one made with the system git first.
const gitSiteTest = test.extend<{ site: RunningSite }>({
  site: async ({ site }, use) => {
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Oracle', '-c', 'user.email=oracle@lanternfish.example', '-c', 'commit.gpgsign=false', ...args], { cwd: site.root, stdio: 'ignore' });
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-qm', 'Initial site');
    await use(site);
  },
});

gitSiteTest('a Dark theme chosen in Settings reaches the shortcode cards and the versions panel while the OS is light', async ({ app }) => {
  await app.emulateMedia({ colorScheme: 'light' });
  await app.getByRole('button', { name: 'Settings…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Settings' });
  await dialog.getByRole('radio', { name: 'Dark' }).check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  await app.getByRole('list', { name: 'Posts' }).getByRole('button', { name: /^Thank You, Driftwood Volunteers/ }).click();
  const card = app.getByRole('textbox', { name: 'Post body' }).locator('.pw-shortcode-card').first();
  await expect(card).toBeVisible();
  const cardColours = await card.evaluate((el) => ({ bg: getComputedStyle(el).backgroundColor, text: getComputedStyle(el).color }));
  expect(luminance(cardColours.bg)).toBeLessThan(0.1);
  expect(contrast(cardColours.bg, cardColours.text)).toBeGreaterThan(7);

  // The History tab asks for a name and email first; its dialog has the panel's colours.
  await app.getByRole('tab', { name: 'History' }).click();
  await app.getByRole('tabpanel').getByRole('button', { name: 'Enter your name and email…' }).click();
  const panel = app.getByRole('dialog', { name: 'Versions and sync settings' }).locator('.pw-hist');
  await expect(panel).toBeVisible();
  const panelColours = await panel.evaluate((el) => ({ bg: getComputedStyle(el).backgroundColor, text: getComputedStyle(el).color }));
  expect(luminance(panelColours.bg)).toBeLessThan(0.1);
  expect(contrast(panelColours.bg, panelColours.text)).toBeGreaterThan(7);
});
