// The desktop app end to end, through Playwright's Electron driver: open the sample site,
// type into a post and save (asserting the bytes on disk), and open a .md given on the command
// line. It needs a real Electron binary, which cannot be downloaded on every machine: it runs
// when ELECTRON_OVERRIDE_DIST_PATH points at one or node_modules/electron/dist holds one, and
// is skipped (saying why) otherwise. It never loads the `electron` package in this process,
// which would try to download the binary.
import { test, expect, _electron as electron, type ElectronApplication, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, sampleSite } from './support/paths';
import { changedLines } from './support/disk';

function executableIn(dist: string): string {
  if (process.platform === 'darwin') return join(dist, 'Electron.app', 'Contents', 'MacOS', 'Electron');
  return join(dist, process.platform === 'win32' ? 'electron.exe' : 'electron');
}

/** The Electron binary to drive, or the reason there is none. */
function findElectron(): { executable: string } | { reason: string } {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const exe = executableIn(override);
    return existsSync(exe) ? { executable: exe } : { reason: `ELECTRON_OVERRIDE_DIST_PATH is set but ${exe} does not exist` };
  }
  const pkg = join(repoRoot, 'node_modules', 'electron');
  const dist = join(pkg, 'dist');
  if (!existsSync(dist)) return { reason: 'no Electron binary here (node_modules/electron/dist is missing: its download is not possible on this machine); set ELECTRON_OVERRIDE_DIST_PATH to run it' };
  const pathTxt = join(pkg, 'path.txt');
  const exe = existsSync(pathTxt) ? join(dist, readFileSync(pathTxt, 'utf8').trim()) : executableIn(dist);
  return existsSync(exe) ? { executable: exe } : { reason: `node_modules/electron/dist has no ${exe}` };
}

const found = findElectron();
const skipReason =
  'reason' in found
    ? found.reason
    : process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY
      ? 'no display: run it under xvfb-run'
      : null;
if (skipReason) console.log(`[electron.spec] skipped: ${skipReason}`);

const VOLUNTEERS = 'blog/volunteer-thank-you/index.md';
const SENTENCE = ' The ferry crew helped too.';

interface Launched {
  app: ElectronApplication;
  page: Page;
  site: string;
  cleanup(): Promise<void>;
}

async function launch(extraArgs: (site: string) => string[]): Promise<Launched> {
  const base = mkdtempSync(join(tmpdir(), 'postwright-electron-'));
  const site = join(base, 'site');
  cpSync(sampleSite, site, { recursive: true });
  const args = [repoRoot, '--data', join(base, 'data'), ...extraArgs(site)];
  // GitHub's Linux runners lack the SUID sandbox helper; the renderer sandbox stays on.
  if (process.platform === 'linux' && process.env.CI) args.unshift('--no-sandbox');
  const app = await electron.launch({
    executablePath: (found as { executable: string }).executable,
    args,
    cwd: repoRoot,
    env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' },
  });
  const page = await app.firstWindow();
  return {
    app,
    page,
    site,
    async cleanup() {
      await app.close().catch(() => {});
      rmSync(base, { recursive: true, force: true });
    },
  };
}

test.describe('the Electron app', () => {
  test.skip(skipReason !== null, skipReason ?? '');

  test.beforeAll(() => {
    // The shell and the renderer must be built (`npm start` does the same).
    const vite = join(repoRoot, 'node_modules', '.bin', process.platform === 'win32' ? 'vite.cmd' : 'vite');
    if (!existsSync(join(repoRoot, 'dist', 'renderer', 'index.html'))) execFileSync(vite, ['build'], { cwd: repoRoot, stdio: 'inherit', shell: process.platform === 'win32' });
    execFileSync(vite, ['build', '--config', 'vite.electron.config.ts'], { cwd: repoRoot, stdio: 'inherit', shell: process.platform === 'win32' });
  });

  test('is served from app://, sandboxed, and edits and saves a post', async () => {
    const run = await launch((site) => ['--site', site]);
    try {
      const { page, app, site } = run;
      expect(page.url()).toBe('app://postwright/index.html');
      // The page has no Node and only the contract's bridge.
      expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
      expect(await page.evaluate(() => typeof (globalThis as { postwright?: { listPosts?: unknown } }).postwright?.listPosts)).toBe('function');
      // Sandboxed renderers have no `process` with Node internals.
      expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
      expect(await app.evaluate(({ app: electronApp }) => electronApp.isReady())).toBe(true);

      const before = readFileSync(join(site, 'content', VOLUNTEERS), 'utf8');
      await page.getByRole('list', { name: 'Posts' }).getByRole('button', { name: /^Thank You, Driftwood Volunteers/ }).click();
      const body = page.getByRole('textbox', { name: 'Post body' });
      await body.locator('p', { hasText: 'A few of them we want to thank by name:' }).click();
      await page.keyboard.press('End');
      await page.keyboard.type(SENTENCE);
      await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Unsaved changes');
      await page.keyboard.press(process.platform === 'darwin' ? 'Meta+s' : 'Control+s');
      await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Saved');

      const after = readFileSync(join(site, 'content', VOLUNTEERS), 'utf8');
      expect(changedLines(before, after)).toEqual({
        removed: ['A few of them we want to thank by name:'],
        added: [`A few of them we want to thank by name:${SENTENCE}`],
      });
    } finally {
      await run.cleanup();
    }
  });

  test('opens a .md given on the command line in its site, on that post', async () => {
    const run = await launch((site) => [join(site, 'content', 'blog', 'call-for-speakers', 'index.md')]);
    try {
      const { page } = run;
      await expect(page.getByRole('list', { name: 'Posts' })).toBeVisible();
      const title = page.getByRole('form', { name: 'Front matter' }).getByRole('textbox', { name: 'title', exact: true });
      await expect(title).toHaveValue('Call for Speakers: Driftwood Summit 2026 Is Open');
    } finally {
      await run.cleanup();
    }
  });
});
