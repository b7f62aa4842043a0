// One vocabulary for state, and messages that go once they no longer hold. The file is "Saved"
// or has "Unsaved changes"; its text on disk is "In a version" or "Not in a version yet".
// "Version saved." goes when the writer edits on; "Replaced 3" goes after an undo.
import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { test as base, expect } from './support/fixtures';
import type { RunningSite } from './support/web-host';

const postButton = (app: Page) => app.getByRole('list', { name: 'Posts' }).getByRole('button', { name: /^Thank You, Driftwood Volunteers/ });
// The list item carries the full spoken label (the button is named by what it shows).
const postItem = (app: Page) => app.getByRole('list', { name: 'Posts' }).getByRole('listitem', { name: /^Thank You, Driftwood Volunteers/ });
const saveState = (app: Page) => app.getByRole('status', { name: 'Save state' });

async function typeAtEndOf(app: Page, paragraph: string, text: string) {
  await app.getByRole('textbox', { name: 'Post body' }).locator('p', { hasText: paragraph }).click();
  await app.keyboard.press('End');
  await app.keyboard.type(text);
}

base('the file is Saved when opened and after Ctrl+S, with Unsaved changes between', async ({ app }) => {
  await postButton(app).click();
  await expect(app.getByRole('textbox', { name: 'Post body' })).toHaveAttribute('contenteditable', 'true');
  await expect(saveState(app)).toHaveText('Saved');
  await typeAtEndOf(app, 'Thank you all.', ' Cheers.');
  await expect(saveState(app)).toHaveText('Unsaved changes');
  await app.keyboard.press('Control+s');
  await expect(saveState(app)).toHaveText('Saved');
});

base('"Replaced 3" goes away after an undo', async ({ app }) => {
  await postButton(app).click();
  const body = app.getByRole('textbox', { name: 'Post body' });
  await body.locator('p', { hasText: 'Thank you all.' }).click();
  await app.keyboard.press('Control+f');
  const bar = app.getByRole('search', { name: 'Find and replace' });
  await bar.getByRole('searchbox', { name: 'Find' }).fill('who');
  await expect(bar.getByRole('status')).toHaveText('1 of 3');
  await bar.getByRole('textbox', { name: 'Replace with' }).fill('that');
  await bar.getByRole('button', { name: 'Replace all' }).click();
  await expect(bar.getByRole('status')).toHaveText('Replaced 3');
  await expect(body).not.toContainText('who ');
  await body.locator('p', { hasText: 'Thank you all.' }).click();
  await app.keyboard.press('Control+z');
  await expect(body).toContainText('who rebuilt the registration desk');
  await expect(bar.getByRole('status')).not.toHaveText('Replaced 3');
  await expect(bar.getByRole('status')).toHaveText('');
  // The next search counts again.
  await bar.getByRole('button', { name: 'Next match' }).click();
  await expect(bar.getByRole('status')).toHaveText(/ of 3$/);
});

// A site that keeps versions (a git repository made with the system git).
const test = base.extend<{ site: RunningSite }>({
  site: async ({ site }, use) => {
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Oracle', '-c', 'user.email=oracle@lanternfish.example', '-c', 'commit.gpgsign=false', ...args], { cwd: site.root, stdio: 'ignore' });
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-qm', 'Initial site');
    await use(site);
  },
});

test('versions say In a version / Not in a version yet, and "Version saved." goes when the writer edits on', async ({ app }) => {
  await postButton(app).click();
  await expect(postItem(app)).toHaveAccessibleName(/, In a version$/);
  await app.getByRole('tab', { name: 'History' }).click();
  const tab = app.getByRole('tabpanel');
  await tab.getByRole('button', { name: 'Enter your name and email…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Versions and sync settings' });
  await dialog.getByLabel('Your name', { exact: true }).fill('Mara Quill');
  await dialog.getByLabel('Your email').fill('mara@lanternfish.example');
  await dialog.getByRole('button', { name: 'Save name and email' }).click();
  await dialog.getByRole('button', { name: 'Close' }).click();
  const form = tab.getByRole('form', { name: 'Save version' });
  await expect(form.getByRole('button', { name: 'Save version' })).toBeVisible();
  await expect(tab.getByLabel('Version state: In a version')).toBeVisible();

  await typeAtEndOf(app, 'Thank you all.', ' Cheers.');
  await app.keyboard.press('Control+s');
  await expect(saveState(app)).toHaveText('Saved');
  await expect(postItem(app)).toHaveAccessibleName(/, Not in a version yet$/);
  await expect(tab.getByLabel('Version state: Not in a version yet')).toBeVisible();

  await form.getByRole('button', { name: 'Save version' }).click();
  await expect(form.getByRole('status')).toHaveText('Version saved.');
  await expect(postItem(app)).toHaveAccessibleName(/, In a version$/);

  await typeAtEndOf(app, 'Thank you all.', ' Again.');
  await expect(saveState(app)).toHaveText('Unsaved changes');
  await expect(form.getByRole('status')).toHaveCount(0);
});
