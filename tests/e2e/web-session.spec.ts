// The web host's secret stays in the app's tab: open the app from its printed address, then
// visit a page of another loopback port in the same browser (it must receive no cookie, no
// token, no referrer and find nothing in storage), reload the app (it must still work), and open
// the app in another tab or from the used address again (it must get nothing).
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test, expect } from './support/fixtures';

interface Visit {
  url: string;
  headers: IncomingHttpHeaders;
}

/** Another local web server on 127.0.0.1, as any program of the writer's might run. */
async function otherLocalServer(): Promise<{ server: Server; port: number; visits: Visit[] }> {
  const visits: Visit[] = [];
  const server = createServer((req, res) => {
    visits.push({ url: req.url ?? '', headers: req.headers });
    res.setHeader('content-type', 'text/html');
    res.end('<!doctype html><title>Other local page</title><img src="/pixel.png" alt="">');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { server, port: (server.address() as AddressInfo).port, visits };
}

test('another page on 127.0.0.1 gets no cookie and no secret; a reload keeps the app working', async ({ app, site }) => {
  const startCode = site.url.split('#start=')[1];
  // The start code is gone from the address bar at once.
  expect(app.url()).not.toContain('start=');
  const secret = await app.evaluate(() => sessionStorage.getItem('postwright.session'));
  expect(secret).toMatch(/^[A-Za-z0-9_-]{40,}$/);
  expect(await app.context().cookies()).toEqual([]);

  // Images load, and their addresses carry no session secret.
  await app.getByRole('list', { name: 'Posts' }).getByRole('button', { name: /^Thank You, Driftwood Volunteers/ }).click();
  const image = app.getByRole('img', { name: 'Volunteers in orange shirts waving from the cannery steps' }).first();
  await expect(image).toBeVisible();
  // A figure's photo loads when it comes near the view (loading=lazy), as the writer scrolls.
  await image.scrollIntoViewIfNeeded();
  await expect(image).toHaveJSProperty('complete', true);
  expect(await image.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBeGreaterThan(0);
  expect(await image.getAttribute('src')).not.toContain(secret!);

  // A reload of the tab keeps working (the secret is in this tab's sessionStorage).
  await app.reload();
  await expect(app.getByRole('list', { name: 'Posts' }).getByRole('button').first()).toBeVisible();
  await expect(app.getByText(/no Postwright session|not allowed/)).toHaveCount(0);

  // Another local server, visited in the same tab and in another tab of the same browser.
  const other = await otherLocalServer();
  try {
    const tab = await app.context().newPage();
    await tab.goto(`http://127.0.0.1:${other.port}/`);
    await app.goto(`http://127.0.0.1:${other.port}/from-the-app-tab`);
    await expect(tab.locator('img')).toHaveJSProperty('complete', true);
    expect(other.visits.length).toBeGreaterThanOrEqual(3);
    for (const v of other.visits) {
      expect(v.headers.cookie, v.url).toBeUndefined();
      const seen = JSON.stringify(v);
      expect(seen).not.toContain(secret!);
      expect(seen).not.toContain(startCode);
      expect(seen).not.toContain(`:${new URL(site.url).port}`); // no referrer from the app
    }
    for (const p of [tab, app]) {
      expect(await p.evaluate(() => [document.cookie, sessionStorage.length, localStorage.length])).toEqual(['', 0, 0]);
    }
    await tab.close();
  } finally {
    await new Promise((r) => other.server.close(r));
  }
  // Back in the app's tab (history), it still works from its own sessionStorage.
  // The page's own history.back(), then the app's address and its list: Playwright's goBack
  // waits for a navigation of its own, and in CI it twice waited out the test's time (even with
  // waitUntil 'commit'; a page brought back whole from the back-forward cache may send none).
  await app.evaluate(() => void setTimeout(() => history.back(), 0));
  await expect(app).toHaveURL(new RegExp(`^${new URL(site.url).origin}/`));
  await expect(app.getByRole('list', { name: 'Posts' }).getByRole('button').first()).toBeVisible();
});

test('another tab, or the used address opened again, gets no session and sees what to do', async ({ app, site, browser }) => {
  await expect(app.getByRole('list', { name: 'Posts' })).toBeVisible();
  const origin = new URL(site.url).origin;

  // Another tab of the same browser, without a start code: nothing.
  const tab = await app.context().newPage();
  const calls: number[] = [];
  tab.on('response', (r) => {
    if (r.url().includes('/api/call/')) calls.push(r.status());
  });
  await tab.goto(`${origin}/`);
  await expect(tab.getByText(/no Postwright session/)).toBeVisible();
  await expect(tab.getByRole('list', { name: 'Posts' }).getByRole('button')).toHaveCount(0);
  expect(calls).toEqual([]);
  await tab.close();

  // The used address, from history or a copy, in a fresh browser profile: refused, in plain words.
  const fresh = await browser.newContext();
  const again = await fresh.newPage();
  await again.goto(site.url);
  await expect(again.getByText(/already used or is too old/)).toBeVisible();
  await expect(again.getByRole('list', { name: 'Posts' }).getByRole('button')).toHaveCount(0);

  // A new address from the host opens the app in that profile.
  await again.goto(await site.newUrl());
  await expect(again.getByRole('list', { name: 'Posts' }).getByRole('button').first()).toBeVisible();
  await fresh.close();
});
