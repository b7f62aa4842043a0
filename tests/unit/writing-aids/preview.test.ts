// Preview with the real hugo: start a server on a temp copy of a small site, fetch the post's
// page over loopback, stop. Where hugo cannot run, the answer asks for the built-in preview.
import { describe, it, expect, afterEach } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTempSite, type TempSite } from '../../support/temp-site';
import { PreviewService } from '../../../electron/services/preview/preview-service';
import { parseCsv } from '../../../electron/services/preview/hugo-list';

const hasHugo = (() => {
  try {
    execFileSync('hugo', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

function previewSite(): TempSite {
  const site = makeTempSite({
    'layouts/_default/single.html': '<html><body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>',
    'layouts/_default/list.html': '<html><body><h1>{{ .Title }}</h1></body></html>',
    'layouts/index.html': '<html><body>home</body></html>',
    'content/blog/driftwood-day-one/index.md': '---\ntitle: "Driftwood Summit: Day One"\ndraft: true\n---\n\nThe **Lanternfish Labs** booth.\n',
    'content/blog/tides.md': '---\ntitle: Tides\nslug: tide-tables\n---\n\nHigh and low.\n',
  });
  site.write('hugo.toml', 'title = "Driftwood"\nbaseURL = "https://example.org/sub/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n');
  return site;
}

describe('PreviewService', () => {
  let site: TempSite | null = null;
  let svc: PreviewService | null = null;
  const cache = mkdtempSync(join(tmpdir(), 'postwright-hugo-cache-'));
  afterEach(async () => {
    await svc?.shutdown();
    site?.remove();
    rmSync(cache, { recursive: true, force: true });
  });

  it.skipIf(!hasHugo)('serves a draft post on a loopback port and stops', async () => {
    site = previewSite();
    const before = readdirSync(site.root).sort();
    svc = new PreviewService({ root: site.root, contentDir: join(site.root, 'content') }, { cacheDir: cache });
    const r = await svc.start('blog/driftwood-day-one/index.md');
    expect(r.fallback).toBe(false);
    expect(r.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/blog\/driftwood-day-one\/$/);
    const html = await (await fetch(r.url!)).text();
    expect(html).toContain('Driftwood Summit: Day One');
    expect(html).toContain('<strong>Lanternfish Labs</strong>');

    // A second post reuses the same server; its slug is honoured.
    const port = svc.listeningPort;
    const t = await svc.start('blog/tides.md');
    expect(t.url).toBe(`http://127.0.0.1:${port}/blog/tide-tables/`);
    expect(await (await fetch(t.url!)).text()).toContain('High and low.');

    expect(await svc.stop()).toBe(true);
    expect(svc.listeningPort).toBe(0);
    await expect(fetch(r.url!)).rejects.toThrow();
    // Nothing was written into the site (no lock file, no public/, no resources/).
    expect(readdirSync(site.root).sort()).toEqual(before);
  }, 90_000);

  // The site closed (a quit, another site opened) while a preview was starting: nothing may be
  // left running. A server spawned after the close outlived the app, writing into its data folder.
  it.skipIf(!hasHugo)('a site closed while its preview starts leaves no hugo running', async () => {
    site = previewSite();
    const root = site.root;
    const running = () => {
      try {
        return execFileSync('pgrep', ['-f', `hugo server --source ${root}`]).toString().trim();
      } catch {
        return ''; // pgrep exits 1 when nothing matches
      }
    };
    for (const closeAfterMs of [0, 5, 20, 60]) {
      svc = new PreviewService({ root, contentDir: join(root, 'content') }, { cacheDir: cache });
      const starting = svc.start('blog/tides.md');
      await new Promise((r) => setTimeout(r, closeAfterMs));
      await svc.shutdown();
      const r = await starting;
      expect(svc.listeningPort).toBe(0);
      expect(running(), `closed ${closeAfterMs} ms into the start (answer: ${JSON.stringify(r)})`).toBe('');
    }
  }, 90_000);

  it('asks for the built-in preview when hugo is not installed', async () => {
    site = previewSite();
    svc = new PreviewService({ root: site.root, contentDir: join(site.root, 'content') }, { cacheDir: cache, hugo: '/nonexistent/hugo' });
    const r = await svc.start('blog/tides.md');
    expect(r).toEqual({ url: null, fallback: true, reason: expect.stringContaining('not installed') });
  });

  it.skipIf(!hasHugo)('falls back with the reason when hugo cannot build the site', async () => {
    site = previewSite();
    site.write('hugo.toml', 'this is = = not toml');
    svc = new PreviewService({ root: site.root, contentDir: join(site.root, 'content') }, { cacheDir: cache });
    const r = await svc.start('blog/tides.md');
    expect(r.fallback).toBe(true);
    expect(r.reason).toMatch(/Hugo could not show the site/);
  }, 90_000);
});

describe('parseCsv', () => {
  it('honours quotes, commas and doubled quotes', () => {
    expect(parseCsv('path,title\ncontent/a.md,"Day one, ""the"" keynote"\r\n')).toEqual([
      ['path', 'title'],
      ['content/a.md', 'Day one, "the" keynote'],
    ]);
  });
});
