// The Settings dialog in the real app (web host + Chromium): the theme shows as soon as it is
// picked and goes back on Cancel, wins over the OS's light or dark mode, and what is saved
// (author, theme, image size, update checks) is in the settings file and comes back after a
// reload. Bad input is said next to its field and nothing is stored.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';

const htmlTheme = (app: Page) => app.evaluate(() => document.documentElement.dataset.theme ?? null);
const bodyLuminance = (app: Page) =>
  app.evaluate(() => {
    const [r, g, b] = (getComputedStyle(document.body).backgroundColor.match(/\d+(\.\d+)?/g) ?? ['0', '0', '0']).slice(0, 3).map((v) => Number(v) / 255);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  });

function storedPreferences(siteRoot: string): Record<string, unknown> | null {
  // The fixture starts the host with --data next to the site copy.
  const file = join(siteRoot, '..', 'data', 'settings.json');
  if (!existsSync(file)) return null;
  const all = JSON.parse(readFileSync(file, 'utf8')) as { preferences?: Record<string, unknown> };
  return all.preferences ?? null;
}

test('Settings: the theme applies at once, Cancel puts it back, and saved settings survive a reload', async ({ app, site }) => {
  await app.emulateMedia({ colorScheme: 'light' });
  const dialog = app.getByRole('dialog', { name: 'Settings' });

  await app.getByRole('button', { name: 'Settings…' }).click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('radio', { name: 'Same as System' })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'Check for updates automatically' })).not.toBeChecked();
  expect(await htmlTheme(app)).toBe('system');

  // Dark while the OS is light: applied at once, before Save.
  await dialog.getByRole('radio', { name: 'Dark' }).check();
  await expect.poll(() => htmlTheme(app)).toBe('dark');
  expect(await bodyLuminance(app)).toBeLessThan(0.2);

  // Cancel (Escape) puts the stored theme back and stores nothing.
  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect.poll(() => htmlTheme(app)).toBe('system');
  expect(await bodyLuminance(app)).toBeGreaterThan(0.8);
  expect(storedPreferences(site.root)?.theme ?? 'system').toBe('system');

  // Light while the OS is dark, plus the author, a size and update checks; a bad email first.
  await app.emulateMedia({ colorScheme: 'dark' });
  await app.keyboard.press('Control+,');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('radio', { name: 'Light' }).check();
  await expect.poll(() => htmlTheme(app)).toBe('light');
  expect(await bodyLuminance(app)).toBeGreaterThan(0.8);
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Mara Quill');
  const email = dialog.getByRole('textbox', { name: 'Email' });
  await email.fill('mara at lanternfish');
  await dialog.getByRole('spinbutton', { name: 'Largest image size (pixels)' }).fill('1600');
  await dialog.getByRole('combobox', { name: 'Spell-check language' }).selectOption({ label: 'English (United Kingdom)' });
  await dialog.getByRole('checkbox', { name: 'Check for updates automatically' }).check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText(/does not look like an email address/)).toBeVisible();
  await expect(email).toBeFocused();
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  expect(storedPreferences(site.root)?.authorName ?? '').toBe('');

  await email.fill('mara@lanternfish.example');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  expect(await htmlTheme(app)).toBe('light');
  await expect
    .poll(() => storedPreferences(site.root))
    .toMatchObject({ authorName: 'Mara Quill', authorEmail: 'mara@lanternfish.example', imageMaxSize: 1600, spellCheckLanguage: 'en-GB', theme: 'light', updateChecks: true });

  // After a reload the stored theme is applied again, and getSettings gives the dialog its values.
  await app.reload();
  await expect(app.getByRole('list', { name: 'Posts' })).toBeVisible();
  await expect.poll(() => htmlTheme(app)).toBe('light');
  expect(await bodyLuminance(app)).toBeGreaterThan(0.8);
  await app.getByRole('button', { name: 'Settings…' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveValue('Mara Quill');
  await expect(dialog.getByRole('textbox', { name: 'Email' })).toHaveValue('mara@lanternfish.example');
  await expect(dialog.getByRole('spinbutton', { name: 'Largest image size (pixels)' })).toHaveValue('1600');
  await expect(dialog.getByRole('combobox', { name: 'Spell-check language' })).toHaveValue('en-GB');
  await expect(dialog.getByRole('radio', { name: 'Light' })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'Check for updates automatically' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});
