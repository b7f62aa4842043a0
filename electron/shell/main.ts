// Postwright's Electron main process: thin wiring only. It builds the desktop host context,
// the shared services and handler table, serves the renderer from app://postwright/, and
// turns OS requests (launch arguments, a second launch, macOS open-file) into open sites.
import { app, BrowserWindow, dialog, nativeTheme, session } from 'electron';
import { join } from 'node:path';
import type { AppServices } from '../services/app-services';
import type { HostContext } from '../services/context';
import { bootAppServices } from '../services/boot';
import { createHandlerTable } from '../handlers';
import { readSettings, writeSettings } from '../services/settings/settings-service';
import { createDispatch } from '../../shared/ipc/dispatch';
import { isPostwrightError } from '../../shared/ipc/errors';
import { DOCS_URL, type MainCommand, type Platform } from '../menu/menu-template';
import { APP_START_URL } from './app-origin';
import { attachContextMenu } from './context-menu';
import { createElectronHostContext, ElectronSettings } from './host-context';
import { registerIpc, sendEvent } from './ipc';
import { parseLaunchArgs, type LaunchArgs } from './launch-args';
import { installApplicationMenu, setAboutPanel } from './menu';
import { openMarkdownFile, openSiteDir, type OpenResult } from './open-requests';
import { handleAppProtocols, registerPrivilegedSchemes } from './protocols';
import { hardenAllWebContents, hardenSession, openExternalSafely } from './security';
import { runSmokeTest } from './smoke-test';
import { applySpellCheckLanguage } from './spellcheck';
import { createDesktopUpdater, type DesktopUpdater } from './updater';
import { createMainWindow } from './window';
import { showErrorLog } from './show-log';

const launch = parseLaunchArgs(process.argv, process.cwd());
/** The release workflow's one launch of each built app (see smoke-test.ts). */
const smokeTest = process.argv.includes('--smoke-test');
if (launch.data) app.setPath('userData', launch.data);

// Before ready: our schemes, sandbox for every renderer, hardening for every web contents.
registerPrivilegedSchemes();
app.enableSandbox();
hardenAllWebContents();
if (process.platform === 'win32') app.setAppUserModelId('dev.postwright.app');

let win: BrowserWindow | null = null;
let services: AppServices | null = null;
/** Files macOS asked us to open before we were ready. */
const earlyFiles: string[] = [];

function describe(e: unknown): string {
  if (isPostwrightError(e)) return e.message;
  return e instanceof Error ? e.message : String(e);
}

function focusWindow(): void {
  if (!win) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

async function openRequested(target: { site?: string; file?: string }): Promise<OpenResult | null> {
  if (!services) return null;
  try {
    const result = target.file ? await openMarkdownFile(services, target.file) : await openSiteDir(services, target.site ?? '');
    services.host.emit('siteOpened', result);
    return result;
  } catch (e) {
    const message = `Postwright could not open ${target.file ? 'that file' : 'that folder'}. ${describe(e)}`;
    if (win) void dialog.showMessageBox(win, { type: 'warning', message, buttons: ['OK'] });
    else dialog.showErrorBox('Postwright', message);
    return null;
  }
}

async function openFromArgs(a: LaunchArgs): Promise<void> {
  if (a.files.length) await openRequested({ file: a.files[a.files.length - 1] });
  else if (a.site) await openRequested({ site: a.site });
}

if (!app.requestSingleInstanceLock()) {
  // Another Postwright is running: it receives our arguments through 'second-instance'.
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    focusWindow();
    void openFromArgs(parseLaunchArgs(argv, workingDirectory));
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (services && win) {
      focusWindow();
      void openRequested({ file: path });
    } else earlyFiles.push(path);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', () => {
    void services?.closeSite();
  });
  app.whenReady().then(start, (e) => {
    dialog.showErrorBox('Postwright could not start', describe(e));
    app.exit(1);
  });
}

async function start(): Promise<void> {
  const settings = new ElectronSettings();
  const host = createElectronHostContext({
    dataDir: app.getPath('userData'),
    settings,
    getWindow: () => win,
    emit: (event, payload) => sendEvent(win?.webContents ?? null, event, payload),
  });
  const app_ = bootAppServices(host);
  services = app_;
  const dispatch = createDispatch(createHandlerTable(app_), (channel, e) => {
    console.error(`[postwright] ${channel}:`, e);
  });

  const ses = session.defaultSession;
  hardenSession(ses);
  handleAppProtocols(ses, join(__dirname, '..', 'renderer'), () => app_.currentSite());
  registerIpc(dispatch, () => win?.webContents ?? null);
  setAboutPanel();

  const developer = !app.isPackaged;
  const platform: Platform = process.platform === 'darwin' || process.platform === 'win32' ? process.platform : 'linux';
  const refreshMenu = () =>
    installApplicationMenu(
      {
        platform,
        appName: app.getName(),
        recentSites: (settings.get<string[]>('recentSites') ?? []).filter((s) => typeof s === 'string'),
        theme: readSettings(settings).theme,
        hasSite: app_.currentSite() !== null,
        developer,
      },
      {
        toRenderer: (command, arg) => host.emit('menuCommand', arg === undefined ? { command } : { command, arg }),
        inMain: (command) => runMainCommand(command, { settings, updater, emit: host.emit }),
      },
    );
  const applyPreferences = () => {
    const prefs = readSettings(settings);
    nativeTheme.themeSource = prefs.theme;
    applySpellCheckLanguage(ses, prefs.spellCheckLanguage);
  };
  // Checks only once the writer turned them on (see update-policy.ts); refresh() re-reads that.
  const updater = createDesktopUpdater({ settings, getWindow: () => win });
  settings.onChange((key) => {
    if (key === 'preferences') {
      applyPreferences();
      updater.refresh();
    }
    if (key === 'preferences' || key === 'recentSites') refreshMenu();
  });
  app_.onSiteOpened(() => refreshMenu());
  applyPreferences();

  // What to open first: a file or --site from the command line, else the last site.
  const early = earlyFiles.splice(0);
  let first: OpenResult | null = null;
  if (early.length || launch.files.length) first = await openRequested({ file: early.at(-1) ?? launch.files.at(-1) });
  else if (launch.site) first = await openRequested({ site: launch.site });
  else {
    const last = settings.get<string>('lastSite');
    if (typeof last === 'string') first = await openSiteDir(app_, last).catch(() => null);
  }
  refreshMenu();

  const openWindow = (): BrowserWindow => {
    const w = createMainWindow(settings, { preload: join(__dirname, 'preload.cjs'), developer });
    attachContextMenu(w);
    w.on('closed', () => {
      if (win === w) win = null;
    });
    win = w;
    return w;
  };
  const w = openWindow();
  // The preload keeps a siteOpened that arrives before the renderer listens, so the post the
  // OS asked for opens even while the app is still starting.
  w.webContents.once('did-finish-load', () => {
    if (first) host.emit('siteOpened', first);
  });
  if (smokeTest) runSmokeTest(w);
  await w.loadURL(APP_START_URL);
  updater.refresh();

  // macOS keeps the app running without windows; clicking the Dock icon brings one back.
  app.on('activate', () => {
    if (!win) void openWindow().loadURL(APP_START_URL);
  });
}

interface MainCommandContext {
  settings: ElectronSettings;
  updater: DesktopUpdater;
  emit: HostContext['emit'];
}

function runMainCommand(command: MainCommand, { settings, updater, emit }: MainCommandContext): void {
  switch (command) {
    case 'about':
      app.showAboutPanel();
      break;
    case 'openDocs':
      openExternalSafely(DOCS_URL);
      break;
    case 'showLog':
      void showErrorLog(app.getPath('userData'));
      break;
    case 'clearRecentSites':
      settings.set('recentSites', []);
      app.clearRecentDocuments();
      break;
    case 'checkForUpdates':
      void updater.checkNow();
      break;
    case 'theme:system':
    case 'theme:light':
    case 'theme:dark': {
      const theme = command.slice('theme:'.length) as 'system' | 'light' | 'dark';
      writeSettings(settings, { theme });
      // The renderer sets <html data-theme> from this (nativeTheme alone does not tell it
      // which choice was made, and the Settings dialog shows it).
      emit('menuCommand', { command: 'theme', arg: theme });
      break;
    }
  }
}
