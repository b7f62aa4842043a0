// Runs the real built main bundle (dist/electron/main.cjs, built here into a temp folder)
// against a stand-in for the electron module, and checks the shell's wiring: the IPC sender
// check, the handler table behind it, the app:// and asset:// protocols with their CSP and
// path limits, the window's security options, navigation/permission/network blocking, and
// opening a site and a .md file from the command line and from a second instance.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { createBuilder } from 'vite';
import { channelNames, IPC_PREFIX } from '../../../shared/ipc/contract';
import type { Envelope } from '../../../shared/ipc/errors';
import { createFakeElectron, type FakeElectron, type FakeWebContents } from './support/fake-electron';
import { createFakeUpdater } from './support/fake-updater';

const repo = resolve(__dirname, '..', '..', '..');
// Inside the repo so the bundle's run-time requires (sharp, jsdom) resolve from node_modules.
const work = join(repo, 'tests', '.tmp', `shell-main-${process.pid}`);
const outDir = join(work, 'electron');
const site = join(work, 'site');
const userData = join(work, 'user-data');
const nodeRequire = createRequire(import.meta.url);
const stub = join(work, 'electron-stub.cjs');
const updaterStub = join(work, 'electron-updater-stub.cjs');
const updater = createFakeUpdater();

let fake: FakeElectron;
let wc: FakeWebContents;
const savedArgv = process.argv;

type IpcEvent = { senderFrame: { url: string; parent: unknown } | null; sender: { id: number } };
async function call(channel: string, payload: unknown, event?: Partial<IpcEvent>): Promise<Envelope<unknown>> {
  const handler = fake.ipcHandlers.get(IPC_PREFIX + channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  const ev: IpcEvent = { senderFrame: { url: 'app://postwright/index.html', parent: null }, sender: wc, ...event };
  return (await handler(ev, payload)) as Envelope<unknown>;
}

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, 'renderer', 'assets'), { recursive: true });
  writeFileSync(join(work, 'renderer', 'index.html'), '<!doctype html><title>Postwright</title>');
  writeFileSync(join(work, 'renderer', 'assets', 'app.js'), 'console.log(1)');
  cpSync(join(repo, 'content'), site, { recursive: true });

  const builder = await createBuilder({
    configFile: join(repo, 'vite.electron.config.ts'),
    logLevel: 'error',
    environments: { main: { build: { outDir } }, preload: { build: { outDir } }, diskWorker: { build: { outDir } } },
  });
  await builder.buildApp();

  // `require('electron')` in the bundle gets the stand-in.
  fake = createFakeElectron(userData);
  writeFileSync(stub, 'module.exports = globalThis.__postwrightFakeElectron;\n');
  (globalThis as Record<string, unknown>).__postwrightFakeElectron = fake.electron;
  // `require('electron-updater')` gets a stand-in that counts whether it was ever loaded.
  writeFileSync(updaterStub, 'globalThis.__postwrightUpdaterLoads = (globalThis.__postwrightUpdaterLoads || 0) + 1;\nmodule.exports = globalThis.__postwrightFakeUpdater;\n');
  (globalThis as Record<string, unknown>).__postwrightFakeUpdater = updater.module;
  const Module = nodeRequire('node:module') as { _resolveFilename: (req: string, ...rest: unknown[]) => string };
  const original = Module._resolveFilename;
  Module._resolveFilename = function (req: string, ...rest: unknown[]) {
    if (req === 'electron-updater') return updaterStub;
    return req === 'electron' ? stub : original.call(this, req, ...rest);
  };

  process.argv = ['/usr/bin/electron', '.', '--site', site, '--data', userData];
  nodeRequire(join(outDir, 'main.cjs'));
  fake.ready();
  await until(() => fake.windows.length > 0 && fake.windows[0].webContents.loadedUrl !== '');
  wc = fake.windows[0].webContents;
}, 120_000);

afterAll(() => {
  process.argv = savedArgv;
  rmSync(work, { recursive: true, force: true });
});

describe('the built Electron main process', () => {
  it('loads the app from app://postwright/, never file://', () => {
    expect(wc.loadedUrl).toBe('app://postwright/index.html');
    expect(fake.privileged).toHaveLength(1);
  });

  it('makes a sandboxed, isolated window without Node', () => {
    const prefs = fake.windows[0].options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(String(prefs.preload)).toMatch(/preload\.cjs$/);
  });

  it('registers one handler per contract channel', () => {
    for (const c of channelNames) expect(fake.ipcHandlers.has(IPC_PREFIX + c), c).toBe(true);
    expect(fake.ipcHandlers.size).toBe(channelNames.length);
  });

  it('answers the app page with the open site from --site', async () => {
    const r = await call('listPosts', {});
    expect(r.ok).toBe(true);
    const paths = (r as { value: Array<{ path: string }> }).value.map((p) => p.path);
    expect(paths).toContain('blog/driftwood-summit-2025-recap/index.md');
  });

  it('refuses calls from another origin, from a frame, or from an unknown window', async () => {
    const foreign = await call('listPosts', {}, { senderFrame: { url: 'https://evil.example/', parent: null } });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'auth' } });
    const framed = await call('listPosts', {}, { senderFrame: { url: 'app://postwright/index.html', parent: {} } });
    expect(framed).toMatchObject({ ok: false, error: { code: 'auth' } });
    const other = await call('listPosts', {}, { sender: { id: 9999 } });
    expect(other).toMatchObject({ ok: false, error: { code: 'auth' } });
    const noFrame = await call('listPosts', {}, { senderFrame: null });
    expect(noFrame).toMatchObject({ ok: false, error: { code: 'auth' } });
  });

  it('still validates payloads of trusted calls', async () => {
    const r = await call('openSite', { dir: 42 });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('serves the renderer with the strict CSP and nothing outside it', async () => {
    const app = fake.defaultSession.protocolHandlers.get('app')!;
    const ok = await app(new Request('app://postwright/index.html'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toMatch(/default-src 'self'.*script-src 'self'/);
    expect(ok.headers.get('content-security-policy')).toContain("object-src 'none'");
    expect((await app(new Request('app://postwright/assets/app.js'))).headers.get('content-type')).toMatch(/javascript/);
    expect((await app(new Request('app://postwright/%2e%2e/%2e%2e/site/hugo.toml'))).status).toBe(404);
    expect((await app(new Request('app://postwright/..%2fsite%2fhugo.toml'))).status).toBe(404);
    expect((await app(new Request('app://elsewhere/index.html'))).status).toBe(404);
    expect((await app(new Request('app://postwright/missing.js'))).status).toBe(404);
  });

  it('serves images of the open site only', async () => {
    const asset = fake.defaultSession.protocolHandlers.get('asset')!;
    const img = await asset(new Request('asset://site/static/images/lanternfish-logo.png'));
    expect(img.status).toBe(200);
    expect(img.headers.get('content-type')).toBe('image/png');
    const bundled = await asset(new Request('asset://site/content/blog/driftwood-summit-2025-recap/booth.png'));
    expect(Buffer.from(await bundled.arrayBuffer())).toEqual(readFileSync(join(site, 'content/blog/driftwood-summit-2025-recap/booth.png')));
    expect((await asset(new Request('asset://site/hugo.toml'))).status).toBe(404);
    expect((await asset(new Request('asset://site/%2e%2e/electron/main.cjs'))).status).toBe(404);
    expect((await asset(new Request('asset://site/..%2F..%2Fpackage.json'))).status).toBe(404);
    expect((await asset(new Request('asset://other/static/images/lanternfish-logo.png'))).status).toBe(404);
  });

  it('denies every permission and every request to the network', () => {
    const s = fake.defaultSession;
    let granted: boolean | undefined;
    s.permissionRequestHandler!(wc, 'media', (g: boolean) => (granted = g));
    expect(granted).toBe(false);
    expect(s.permissionCheckHandler!(wc, 'notifications')).toBe(false);
    const verdict = (url: string, webContentsId: number | undefined = wc.id) => {
      let cancel: boolean | undefined;
      s.beforeRequest!({ url, webContentsId }, (r: { cancel: boolean }) => (cancel = r.cancel));
      return cancel;
    };
    expect(verdict('https://fonts.example/font.woff2')).toBe(true);
    expect(verdict('http://evil.example/pixel.png')).toBe(true);
    expect(verdict('file:///etc/passwd')).toBe(true);
    expect(verdict('app://postwright/index.html')).toBe(false);
    expect(verdict('asset://site/static/images/lanternfish-logo.png')).toBe(false);
    expect(verdict('http://127.0.0.1:1313/')).toBe(false);
  });

  it('blocks navigation and new windows; http(s) links go to the browser', () => {
    fake.electron.shell.externalOpened.length = 0;
    let prevented = false;
    wc.emit('will-navigate', { preventDefault: () => (prevented = true) }, 'https://driftwood-summit.example/');
    expect(prevented).toBe(true);
    expect(wc.windowOpenHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(wc.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(wc.windowOpenHandler!({ url: 'https://lanternfish.example/' })).toEqual({ action: 'deny' });
    expect(fake.electron.shell.externalOpened).toEqual(['https://driftwood-summit.example/', 'https://lanternfish.example/']);
    const redirect = (url: string, isMainFrame: boolean) => {
      let stopped = false;
      wc.emit('will-redirect', { url, isMainFrame, preventDefault: () => (stopped = true) });
      return stopped;
    };
    expect(redirect('https://evil.example/', true)).toBe(true);
    expect(redirect('http://127.0.0.1:1313/blog/', true)).toBe(true);
    expect(redirect('http://127.0.0.1:1313/blog/', false)).toBe(false);
    expect(redirect('app://postwright/index.html', true)).toBe(false);
    let webview = false;
    wc.emit('will-attach-webview', { preventDefault: () => (webview = true) });
    expect(webview).toBe(true);
  });

  it('opens a .md passed by a second instance in its site, telling the renderer which post', async () => {
    wc.sent.length = 0;
    fake.electron.app.emit('second-instance', {}, ['/usr/bin/postwright', '--enable-features=X', 'content/blog/talks-we-loved/index.md'], site);
    await until(() => wc.sent.some((s) => s.channel === 'postwright:event:siteOpened'));
    const msg = wc.sent.find((s) => s.channel === 'postwright:event:siteOpened')!;
    expect(msg.payload).toMatchObject({ openPath: 'blog/talks-we-loved/index.md' });
  });

  it('builds the native menu with File > Open Site… and recent sites', () => {
    const menu = fake.menu();
    const file = menu?.template.find((m) => m.label?.replace('&', '') === 'File');
    expect(file?.submenu?.map((i) => i.label)).toEqual(expect.arrayContaining(['New Post', 'Open Site…', 'Open Recent', 'Save', 'Save Version…']));
  });

  it('keeps settings, last site and window state in the data folder', async () => {
    fake.windows[0].emit('close');
    const stored = JSON.parse(readFileSync(join(userData, 'settings.json'), 'utf8')) as Record<string, unknown>;
    expect(stored.lastSite).toBeTruthy();
    expect(stored.windowState).toMatchObject({ bounds: { width: 1000, height: 700 }, maximized: false });
  });
});

describe('updates and View > Theme in the built main process', () => {
  type Item = { id?: string; click?: () => void; submenu?: Item[] };
  type Box = { message: string; buttons: string[]; cancelId?: number };
  const boxes: Box[] = [];
  let answers: number[] = [];
  const loads = () => ((globalThis as Record<string, unknown>).__postwrightUpdaterLoads as number | undefined) ?? 0;
  const find = (items: Item[], id: string): Item | undefined => {
    for (const i of items) {
      const hit = i.id === id ? i : i.submenu && find(i.submenu, id);
      if (hit) return hit;
    }
    return undefined;
  };
  const click = (id: string) => {
    const item = find((fake.menu()?.template ?? []) as Item[], id);
    if (!item?.click) throw new Error(`no menu item ${id}`);
    item.click();
  };
  const settle = () => new Promise((r) => setTimeout(r, 50));

  beforeAll(() => {
    // Message boxes answer from `answers` (else Escape, i.e. cancelId) and are recorded.
    fake.electron.dialog.showMessageBox = async (...a: unknown[]) => {
      const box = a[a.length - 1] as Box;
      boxes.push(box);
      return { response: answers.shift() ?? box.cancelId ?? 0 };
    };
  });

  it('View > Theme stores the choice, sets the native theme and tells the renderer', async () => {
    wc.sent.length = 0;
    click('theme-dark');
    expect(fake.electron.nativeTheme.themeSource).toBe('dark');
    expect(wc.sent.find((m) => m.channel === 'postwright:event:menuCommand')?.payload).toEqual({ command: 'theme', arg: 'dark' });
    expect(await call('getSettings', {})).toMatchObject({ ok: true, value: { theme: 'dark' } });
    click('theme-system');
    expect(fake.electron.nativeTheme.themeSource).toBe('system');
  });

  it('loads no update code and checks nothing while update checks are off (the default)', async () => {
    expect(await call('getSettings', {})).toMatchObject({ ok: true, value: { updateChecks: false } });
    expect(loads()).toBe(0);
    expect(updater.calls.checks).toBe(0);
  });

  it('answers Check for Updates… in a development run without loading the updater', async () => {
    boxes.length = 0;
    click('check-updates');
    await until(() => boxes.length === 1);
    expect(boxes[0].message).toBe('This copy cannot update itself.');
    expect(loads()).toBe(0);
  });

  it('asks before downloading: Not Now downloads nothing; Download downloads, and it installs on quit', async () => {
    const app = fake.electron.app;
    app.isPackaged = true;
    try {
      updater.offer({ version: '9.9.9', files: [{ url: 'Postwright-9.9.9.AppImage', sha512: 'x', size: 120_000_000 }], releaseNotes: '<p>Galleries for the Driftwood Summit.</p>' });
      boxes.length = 0;
      answers = [1]; // Not Now
      click('check-updates');
      await until(() => boxes.length === 1);
      await settle();
      expect(loads()).toBe(1);
      expect(updater.autoUpdater).toMatchObject({ autoDownload: false, autoInstallOnAppQuit: true, allowPrerelease: false, allowDowngrade: false });
      expect(boxes[0].message).toBe('Postwright 9.9.9 is available.');
      expect(boxes[0].buttons).toEqual(['Download', 'Not Now', 'Skip This Version']);
      expect(updater.calls).toEqual({ checks: 1, downloads: 0, quitAndInstall: 0 });

      boxes.length = 0;
      answers = [0, 0]; // Download, then Later
      click('check-updates');
      await until(() => boxes.length === 2);
      await settle();
      expect(boxes[1].message).toBe('Postwright 9.9.9 is ready to install.');
      expect(updater.calls).toEqual({ checks: 2, downloads: 1, quitAndInstall: 0 });
      const stored = JSON.parse(readFileSync(join(userData, 'settings.json'), 'utf8')) as { updates?: { lastCheckAt?: unknown } };
      expect(typeof stored.updates?.lastCheckAt).toBe('number');
    } finally {
      app.isPackaged = false;
    }
  });
});

describe('the built preload bridge', () => {
  it('requires nothing but electron (a sandboxed preload cannot)', () => {
    const code = readFileSync(join(outDir, 'preload.cjs'), 'utf8');
    const required = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect([...new Set(required)]).toEqual(['electron']);
  });

  it('exposes exactly one function per channel, on, cancel, assetBase and platform; no ipcRenderer', async () => {
    const exposed: Record<string, unknown> = {};
    const invoked: Array<[string, unknown, unknown]> = [];
    const sent: Array<[string, unknown]> = [];
    const listeners = new Map<string, (e: unknown, p: unknown) => void>();
    const fakePreloadElectron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
      ipcRenderer: {
        invoke: async (channel: string, req: unknown, callId: unknown) => {
          invoked.push([channel, req, callId]);
          return { ok: true, value: null };
        },
        send: (channel: string, payload: unknown) => sent.push([channel, payload]),
        on: (channel: string, l: (e: unknown, p: unknown) => void) => listeners.set(channel, l),
      },
    };
    (globalThis as Record<string, unknown>).__postwrightFakeElectron = fakePreloadElectron;
    // The stub module re-reads the global: drop both from the cache.
    delete nodeRequire.cache[stub];
    delete nodeRequire.cache[join(outDir, 'preload.cjs')];
    nodeRequire(join(outDir, 'preload.cjs'));
    delete nodeRequire.cache[stub];
    (globalThis as Record<string, unknown>).__postwrightFakeElectron = fake.electron;

    const api = exposed.postwright as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...channelNames, 'on', 'cancel', 'assetBase', 'platform'].sort());
    expect(api.assetBase).toBe('asset://site/');
    for (const c of channelNames) expect(typeof api[c], c).toBe('function');
    await (api.listPosts as (r: unknown) => Promise<unknown>)({});
    expect(invoked).toEqual([['postwright:listPosts', {}, undefined]]);
    // A cancellable call carries its id; cancel(id) sends it on the one cancel channel.
    await (api.searchPosts as (r: unknown, id: string) => Promise<unknown>)({ query: 'x' }, 'c7');
    expect(invoked[1]).toEqual(['postwright:searchPosts', { query: 'x' }, 'c7']);
    (api.cancel as (id: unknown) => void)('c7');
    (api.cancel as (id: unknown) => void)({ not: 'an id' });
    expect(sent).toEqual([['postwright:cancel', 'c7']]);

    // A siteOpened sent before anyone listens is handed to the first listener.
    listeners.get('postwright:event:siteOpened')!({}, { root: '/s', openPath: 'blog/a/index.md' });
    const heard: unknown[] = [];
    const off = (api.on as (e: string, l: (p: unknown) => void) => () => void)('siteOpened', (p) => heard.push(p));
    await Promise.resolve();
    expect(heard).toEqual([{ root: '/s', openPath: 'blog/a/index.md' }]);
    listeners.get('postwright:event:siteOpened')!({}, { root: '/t', openPath: null });
    expect(heard).toHaveLength(2);
    off();
    listeners.get('postwright:event:siteOpened')!({}, { root: '/u', openPath: null });
    expect(heard).toHaveLength(2);
    // Unknown events are refused quietly.
    const noop = (api.on as (e: string, l: () => void) => () => void)('notAnEvent', () => {});
    expect(typeof noop).toBe('function');
  });
});
