// The main window: sandboxed, isolated, no Node in the page, restored where it was left.
import { BrowserWindow, nativeTheme, screen } from 'electron';
import { APP_START_URL } from './app-origin';
import { MIN_SIZE, restoreWindowState, type WindowState } from './window-state';
import type { ElectronSettings } from './host-context';

const STATE_KEY = 'windowState';

export function createMainWindow(settings: ElectronSettings, opts: { preload: string; developer: boolean }): BrowserWindow {
  const restored = restoreWindowState(settings.get(STATE_KEY), screen.getAllDisplays().map((d) => d.workArea));
  const win = new BrowserWindow({
    ...restored.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Postwright',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#15181e' : '#fbfaf7',
    webPreferences: {
      preload: opts.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      // Middle-click would open links in new windows; none may open anyway (see security.ts).
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
      devTools: opts.developer,
    },
  });
  if (restored.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  const save = () => {
    if (win.isDestroyed()) return;
    const state: WindowState = { bounds: win.getNormalBounds(), maximized: win.isMaximized() };
    settings.set(STATE_KEY, state);
  };
  let timer: NodeJS.Timeout | undefined;
  const saveSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  win.on('resize', saveSoon);
  win.on('move', saveSoon);
  win.on('close', () => {
    clearTimeout(timer);
    save();
  });
  return win;
}

export function startUrl(): string {
  return APP_START_URL;
}
