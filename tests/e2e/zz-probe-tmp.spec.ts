import { test } from '@playwright/test';
import { startWebHost } from './support/web-host';
import { makeTempSite } from '../support/temp-site';
test('probe', async ({ page }) => {
  const s = makeTempSite({ 'content/r.md': '---\ntitle: R\n---\n![beacon](http://lanternfish.example/beacon.png)\n' });
  const site = await startWebHost(s.root);
  page.on('request', (r) => { if (!r.url().startsWith('http://127')) console.log('REQ', r.url(), r.resourceType(), r.frame()?.url()); });
  page.on('response', (r) => { if (r.url().includes('token')) console.log('CSP', r.headers()['content-security-policy']); });
  await page.goto(site.url);
  await page.addInitScript(() => {});
  await page.evaluate(() => document.addEventListener('securitypolicyviolation', (e) => console.log('VIOLATION', e.blockedURI, e.violatedDirective)));
  page.on('console', (m) => console.log('CONSOLE', m.text().slice(0, 200)));
  await page.locator('button[data-path="r.md"]').click();
  await page.waitForTimeout(3000);
  console.log('IMG', await page.locator('img').evaluateAll((els) => els.map((e) => e.outerHTML)));
  await site.stop(); s.remove();
});
