// One content security policy, delivered the same by all three: the Electron shell's app://
// responses, the web host's pages and the meta tag the renderer build writes into index.html
// (shared/security/csp.ts). The copies used to differ (worker-src was missing from two).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { resolveConfig, type Plugin } from 'vite';
import { CSP, CSP_META, withCspMeta } from '../../../shared/security/csp';
import { ASSET_SCHEME } from '../../../electron/shell/app-origin';
import { handleAppProtocols } from '../../../electron/shell/protocols';
import { startWebHost, type WebHost } from '../../../electron/web/web-host';
import { makeTempSite } from '../../support/temp-site';

// protocols.ts registers its handlers on an Electron session; only `protocol` is imported.
vi.mock('electron', () => ({ protocol: { registerSchemesAsPrivileged: () => undefined } }));

const repo = fileURLToPath(new URL('../../..', import.meta.url));

/** A policy as directive → sources, so order and spacing do not matter. */
function directives(policy: string): Map<string, string> {
  return new Map(policy.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
    const [name, ...sources] = d.split(/\s+/);
    return [name, sources.join(' ')];
  }));
}

const dist = mkdtempSync(join(tmpdir(), 'pw-csp-dist-'));
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Postwright</title>');
const data = mkdtempSync(join(tmpdir(), 'pw-csp-data-'));
const site = makeTempSite({ 'content/blog/a/index.md': '---\ntitle: A\n---\nHi\n' });
let host: WebHost | undefined;
afterAll(async () => {
  await host?.close();
  site.remove();
  for (const dir of [dist, data]) rmSync(dir, { recursive: true, force: true });
});

describe('the content security policy', () => {
  it('is the same in the shell, the web host and the built index.html, worker-src included', async () => {
    // The shell: what app://postwright/index.html is served with.
    const handlers = new Map<string, (req: Request) => Promise<Response>>();
    const session = { protocol: { handle: (scheme: string, fn: (req: Request) => Promise<Response>) => handlers.set(scheme, fn) } };
    handleAppProtocols(session as never, dist, () => null);
    const shell = (await handlers.get('app')!(new Request('app://postwright/index.html'))).headers.get('content-security-policy')!;

    // The web host: what the page is served with.
    host = await startWebHost({ site: site.root, distDir: dist, dataDir: data });
    const web = (await fetch(host.url)).headers.get('content-security-policy')!;

    // The build: vite.config.ts's plugin writing the meta tag into renderer/index.html.
    const config = await resolveConfig({ configFile: join(repo, 'vite.config.ts') }, 'build');
    const plugin = config.plugins.find((p) => p.name === 'postwright-csp-meta') as Plugin | undefined;
    expect(plugin, 'vite.config.ts writes the CSP meta tag').toBeDefined();
    const hook = plugin!.transformIndexHtml as { handler: (html: string) => string };
    const html = hook.handler(readFileSync(join(repo, 'renderer', 'index.html'), 'utf8'));
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1].replace(/&quot;/g, '"');

    expect(shell).toBe(CSP);
    expect(web).toBe(CSP);
    expect(meta).toBe(CSP_META);
    // The meta tag is the header minus frame-ancestors, which browsers ignore in a meta tag.
    const header = directives(CSP);
    header.delete('frame-ancestors');
    expect(directives(meta!)).toEqual(header);
    for (const policy of [shell, web, meta!]) {
      expect(directives(policy).get('worker-src')).toBe("'self' blob:");
      expect(directives(policy).get('script-src')).toBe("'self'");
      expect(directives(policy).get('img-src')).toContain(`${ASSET_SCHEME}:`);
      expect(policy).not.toMatch(/unsafe-eval|https?:\/\/\*|\s\*(;|$|\s)/);
    }
    expect(directives(shell).get('frame-ancestors')).toBe("'none'");
  });

  it('goes into index.html before anything it governs, and only once', () => {
    const html = withCspMeta('<!doctype html><html><head><meta charset="utf-8" /><script src="./main.js"></script></head></html>');
    expect(html.indexOf('Content-Security-Policy')).toBeGreaterThan(html.indexOf('charset'));
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
    expect(() => withCspMeta(html)).toThrow(/already has a Content-Security-Policy/);
  });
});
