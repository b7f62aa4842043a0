// The post list at the next launch comes from its cache (electron/services/site/list-posts.ts):
// folders unchanged since the last listing are not read again. A post added, one deleted and a
// bundle renamed while the app was closed (by a colleague's sync, another editor, a file
// manager) must all show, exactly as the site now is, on a site whose folders were last touched
// a minute before the first launch, so that the cache trusts them.
import { cpSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { sampleSite } from './support/paths';
import { launchWebHost } from './support/web-host';
import { ageTree as age } from '../support/age-tree';

async function postTitles(page: Page): Promise<string[]> {
  const list = page.getByRole('list', { name: 'Posts' });
  await expect(list.getByRole('button').first()).toBeVisible();
  return (await list.getByRole('button').allTextContents()).sort();
}

test('a post added, one deleted and a bundle renamed while the app was closed all show at the next launch', async ({ browser }) => {
  const base = mkdtempSync(join(tmpdir(), 'postwright-relaunch-'));
  const root = join(base, 'site');
  const data = join(base, 'data');
  cpSync(sampleSite, root, { recursive: true });
  const content = join(root, 'content');
  age(content);
  const context = await browser.newContext();
  try {
    const first = await launchWebHost(root, data);
    const page = await context.newPage();
    await page.goto(first.url);
    const before = await postTitles(page);
    expect(before.some((t) => t.startsWith('Thank You, Driftwood Volunteers'))).toBe(true);
    await page.close();
    await first.stop(); // the list's cache is written as the site closes

    // While the app is closed.
    mkdirSync(join(content, 'blog', 'harbour-cleanup'));
    writeFileSync(join(content, 'blog', 'harbour-cleanup', 'index.md'), '---\ntitle: "Harbour Clean-up Day"\ndate: 2026-11-28\n---\n\nForty volunteers and two boats.\n');
    rmSync(join(content, 'blog', 'volunteer-thank-you'), { recursive: true });
    const bundles = readdirSync(join(content, 'blog'), { withFileTypes: true }).filter((e) => e.isDirectory() && e.name !== 'harbour-cleanup');
    const renamed = bundles[0].name;
    renameSync(join(content, 'blog', renamed), join(content, 'blog', `${renamed}-moved`));

    const next = await launchWebHost(root, data);
    try {
      const again = await context.newPage();
      await again.goto(next.url);
      const after = await postTitles(again);
      expect(after.some((t) => t.startsWith('Harbour Clean-up Day'))).toBe(true);
      expect(after.some((t) => t.startsWith('Thank You, Driftwood Volunteers'))).toBe(false);
      // Same count: one added, one deleted, one moved (its title unchanged).
      expect(after).toHaveLength(before.length);
      // The new post opens, with its words.
      await again.getByRole('list', { name: 'Posts' }).getByRole('button', { name: /^Harbour Clean-up Day/ }).click();
      await expect(again.getByRole('textbox', { name: 'Post body' })).toContainText('Forty volunteers and two boats.');
    } finally {
      await next.stop();
    }
  } finally {
    await context.close();
    rmSync(base, { recursive: true, force: true });
  }
});
