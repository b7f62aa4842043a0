// axe-core, the accessibility rules engine, on the states a writer spends time in: the post list,
// a post open (editor, form, side panel), the gallery, the history of a post with versions, and
// the New post dialog, each in the light and the dark theme. WCAG 2.1 AA; no serious or critical
// violation may remain (contrast, names that do not start with the visible label, and the like).
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test as base, expect } from './support/fixtures';
import type { RunningSite } from './support/web-host';
import { describeViolations, seriousViolations } from './support/axe';

const VOLUNTEERS = 'blog/volunteer-thank-you/index.md';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Oracle', '-c', 'user.email=oracle@lanternfish.example', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

// Every site here is a git repository with two versions of the Volunteers post, so History has
// something to list and compare, one post changed since its last version and one never saved as
// a version, so the list shows all three version badges (Saved, Changed, New).
const test = base.extend<{ site: RunningSite }>({
  site: async ({ site }, use) => {
    git(site.root, 'init', '-q', '-b', 'main');
    git(site.root, 'add', '.');
    git(site.root, 'commit', '-qm', 'Initial site');
    appendFileSync(join(site.contentDir, VOLUNTEERS), '\nWe also thank the caterers from Port Alder.\n');
    git(site.root, 'commit', '-qam', 'Thank the caterers');
    appendFileSync(join(site.contentDir, 'blog/booth-notes/index.md'), '\nOne more note from the booth.\n');
    mkdirSync(join(site.contentDir, 'blog/ferry-schedule'));
    writeFileSync(join(site.contentDir, 'blog/ferry-schedule/index.md'), '---\ntitle: Ferry Schedule\ndate: 2025-04-01\n---\n\nBoats leave every hour.\n');
    await use(site);
  },
});

async function openVolunteers(app: Page) {
  await app.getByRole('list', { name: 'Posts' }).getByRole('button', { name: /^Thank You, Driftwood Volunteers/ }).click();
  await expect(app.getByRole('textbox', { name: 'Post body' })).toHaveAttribute('contenteditable', 'true');
}

const STATES: Record<string, (app: Page) => Promise<void>> = {
  'the post list': async (app) => {
    const list = app.getByRole('list', { name: 'Posts' });
    await expect(list.getByRole('listitem', { name: /^Ferry Schedule, .*Not in a version yet$/ })).toBeVisible();
    await expect(list.getByRole('listitem', { name: /^Notes from the booth, .*Not in a version yet$/ })).toBeVisible();
  },
  'a post open': async (app) => {
    await openVolunteers(app);
    await expect(app.getByRole('textbox', { name: 'Title' })).toBeVisible();
  },
  'the gallery': async (app) => {
    await openVolunteers(app);
    await app.getByRole('tab', { name: 'Gallery' }).click();
    await expect(app.getByRole('region', { name: 'Gallery' }).getByRole('article', { name: 'volunteers.jpg' })).toBeVisible();
  },
  'the history of a post': async (app) => {
    await openVolunteers(app);
    await app.getByRole('tab', { name: 'History' }).click();
    const tab = app.getByRole('tabpanel');
    // Versions are signed: the name and email are asked once.
    await tab.getByRole('button', { name: 'Enter your name and email…' }).click();
    const dialog = app.getByRole('dialog', { name: 'Versions and sync settings' });
    await dialog.getByLabel('Your name', { exact: true }).fill('Mara Quill');
    await dialog.getByLabel('Your email').fill('mara@lanternfish.example');
    await dialog.getByRole('button', { name: 'Save name and email' }).click();
    await expect(dialog.getByRole('status')).toHaveText('Saved your name and email.');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
    await tab.getByRole('button', { name: 'History', exact: true }).click();
    const versions = tab.getByRole('list', { name: 'Versions' });
    await expect(versions.getByRole('listitem')).toHaveCount(2);
    await versions.getByRole('listitem').last().getByRole('button').click();
    await expect(tab.getByLabel('Text changes').locator('ins')).toContainText(['caterers']);
  },
  'the New post dialog': async (app) => {
    await app.getByRole('button', { name: 'New post' }).click();
    await expect(app.getByRole('dialog', { name: 'New post' })).toBeVisible();
  },
};

for (const scheme of ['light', 'dark'] as const) {
  for (const [state, reach] of Object.entries(STATES)) {
    test(`axe finds no serious problem in ${state}, ${scheme} theme`, async ({ app }) => {
      await app.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await reach(app);
      // Let transitions (theme colours, popovers) settle: axe reads computed colours as they are.
      await app.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
      await app.screenshot({ path: test.info().outputPath(`${scheme}.png`) });
      const problems = await seriousViolations(app);
      expect(problems.length, describeViolations(problems)).toBe(0);
    });
  }
}
