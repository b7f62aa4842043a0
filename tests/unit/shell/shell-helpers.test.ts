// The shell's pure helpers: command-line parsing, origins and paths of the app's protocols,
// which links may reach the browser, window placement and finding a file's site.
import { describe, expect, it, afterAll } from 'vitest';
import { join, resolve } from 'node:path';
import { parseLaunchArgs, isMarkdownPath } from '../../../electron/shell/launch-args';
import { appFileFor, assetPathFor, isAppUrl, APP_CSP } from '../../../electron/shell/app-origin';
import { isSafeExternalUrl } from '../../../electron/shell/external-links';
import { restoreWindowState, DEFAULT_SIZE } from '../../../electron/shell/window-state';
import { findSiteRoot } from '../../../electron/shell/find-site-root';
import { pickSpellLanguage } from '../../../electron/shell/spellcheck';
import { makeTempSite } from '../../support/temp-site';

describe('parseLaunchArgs', () => {
  it('reads --site, --data and Markdown files, resolving against the working folder', () => {
    const a = parseLaunchArgs(['/opt/Postwright/postwright', '--site', 'blog', '--data=/tmp/pw', 'notes/post.md', 'b.MARKDOWN'], '/home/ana');
    expect(a).toEqual({ site: '/home/ana/blog', data: '/tmp/pw', files: ['/home/ana/notes/post.md', '/home/ana/b.markdown'.replace('markdown', 'MARKDOWN')] });
  });
  it('ignores Chromium switches, the dev app folder and other files', () => {
    const a = parseLaunchArgs(['electron', '.', '--inspect=0', '--remote-debugging-port=0', '--allow-file-access-from-files', 'dist/electron/main.cjs', 'photo.png'], '/w');
    expect(a).toEqual({ site: null, data: null, files: [] });
  });
  it('does not take the next switch as the value of --site', () => {
    expect(parseLaunchArgs(['x', '--site', '--data', '/d'], '/w')).toEqual({ site: null, data: '/d', files: [] });
  });
  it('accepts file:// URLs', () => {
    expect(parseLaunchArgs(['x', 'file:///Users/ana/My%20Blog/post.md'], '/w').files).toEqual(['/Users/ana/My Blog/post.md']);
  });
  it('knows Markdown names', () => {
    expect(isMarkdownPath('a/b/index.md')).toBe(true);
    expect(isMarkdownPath('a/b/index.mdx')).toBe(false);
  });
});

describe('app and asset URLs', () => {
  const dist = resolve('/srv/dist/renderer');
  it('maps app://postwright paths into the renderer folder only', () => {
    expect(appFileFor(dist, 'app://postwright/index.html')).toBe(join(dist, 'index.html'));
    expect(appFileFor(dist, 'app://postwright/')).toBe(join(dist, 'index.html'));
    expect(appFileFor(dist, 'app://postwright/posts/blog')).toBe(join(dist, 'index.html'));
    expect(appFileFor(dist, 'app://postwright/assets/index-abc.js')).toBe(join(dist, 'assets', 'index-abc.js'));
    // The URL parser already folds dot segments, so these stay inside the folder.
    expect(appFileFor(dist, 'app://postwright/%2e%2e/%2e%2e/etc/hosts.txt')).toBe(join(dist, 'etc', 'hosts.txt'));
    expect(appFileFor(dist, 'app://postwright/..%2F..%2Fetc%2Fpasswd')).toBeNull();
    expect(appFileFor(dist, 'app://postwright/a%00.js')).toBeNull();
    expect(appFileFor(dist, 'app://evil/index.html')).toBeNull();
    expect(appFileFor(dist, 'https://postwright/index.html')).toBeNull();
  });
  it('maps asset://site paths to site-relative image paths', () => {
    expect(assetPathFor('asset://site/static/images/a%20b.png')).toBe('static/images/a b.png');
    expect(assetPathFor('asset://site/content/blog/x/index.md')).toBeNull();
    expect(assetPathFor('asset://other/a.png')).toBeNull();
    expect(assetPathFor('asset://site/%E0%A4%A.png')).toBeNull();
  });
  it('recognises the app origin only', () => {
    expect(isAppUrl('app://postwright/index.html')).toBe(true);
    expect(isAppUrl('app://postwright.evil/index.html')).toBe(false);
    expect(isAppUrl('file:///index.html')).toBe(false);
    expect(isAppUrl('')).toBe(false);
  });
  it('has a strict policy', () => {
    expect(APP_CSP).toContain("script-src 'self'");
    expect(APP_CSP).not.toMatch(/unsafe-eval|https?:\/\/\*| \*(;|$| )/);
  });
});

describe('isSafeExternalUrl', () => {
  it.each([
    ['https://driftwood-summit.example/2025?iframe=no&w=100%&sidebar=yes', true],
    ['http://lanternfish.example', true],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['smb://server/share', false],
    ['ms-settings:', false],
    ['https://user:pass@example.com/', false],
    ['not a url', false],
    ['https://', false],
  ])('%s → %s', (url, ok) => {
    expect(isSafeExternalUrl(url)).toBe(ok);
  });
});

describe('restoreWindowState', () => {
  const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];
  it('puts the window back where it was', () => {
    expect(restoreWindowState({ bounds: { x: 100, y: 80, width: 1200, height: 800 }, maximized: true }, screen)).toEqual({
      bounds: { x: 100, y: 80, width: 1200, height: 800 },
      maximized: true,
    });
  });
  it('drops the position when the screen it was on is gone', () => {
    expect(restoreWindowState({ bounds: { x: 3000, y: 80, width: 1200, height: 800 }, maximized: false }, screen).bounds).toEqual({ width: 1200, height: 800 });
  });
  it('uses defaults for missing or damaged state, and a minimum size', () => {
    expect(restoreWindowState(undefined, screen).bounds).toEqual(DEFAULT_SIZE);
    expect(restoreWindowState({ bounds: { x: 'a' } }, screen).bounds).toEqual(DEFAULT_SIZE);
    expect(restoreWindowState({ bounds: { x: 0, y: 0, width: 10, height: 10 } }, screen).bounds).toMatchObject({ width: 720, height: 480 });
  });
});

describe('findSiteRoot', () => {
  const site = makeTempSite({ 'content/blog/a/index.md': '---\ntitle: A\n---\n' });
  const bare = makeTempSite({ 'content/blog/b.md': '# B\n' }, false);
  afterAll(() => {
    site.remove();
    bare.remove();
  });
  it('finds the folder holding the Hugo config', async () => {
    expect(await findSiteRoot(join(site.root, 'content/blog/a/index.md'))).toBe(site.root);
  });
  it('falls back to the folder above content/', async () => {
    expect(await findSiteRoot(join(bare.root, 'content/blog/b.md'))).toBe(bare.root);
  });
});

describe('pickSpellLanguage', () => {
  const available = ['en-US', 'en-GB', 'de', 'fr', 'pt-BR'];
  it('matches exactly, then by base language, else nothing', () => {
    expect(pickSpellLanguage('en-gb', available)).toBe('en-GB');
    expect(pickSpellLanguage('de-AT', available)).toBe('de');
    expect(pickSpellLanguage('pt', available)).toBe('pt-BR');
    expect(pickSpellLanguage('fi', available)).toBeNull();
    expect(pickSpellLanguage('', available)).toBeNull();
  });
});
