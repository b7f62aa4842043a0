// A stand-in for the `electron` module, just large enough to run the built main bundle
// (dist/electron/main.cjs) under plain Node: the Electron binary cannot be downloaded here, so
// this is how the shell's wiring (IPC sender checks, protocols, hardening, open requests) gets
// exercised for real. It records what main asks of Electron so tests can inspect it.
import { EventEmitter } from 'node:events';

type Handler = (...args: unknown[]) => unknown;

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

export class FakeWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly sent: Array<{ channel: string; payload: unknown }> = [];
  windowOpenHandler: Handler | null = null;
  loadedUrl = '';
  destroyed = false;
  constructor(readonly session: FakeSession) {
    super();
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  setWindowOpenHandler(h: Handler): void {
    this.windowOpenHandler = h;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  replaceMisspelling(): void {}
}

export class FakeSession extends EventEmitter {
  readonly protocolHandlers = new Map<string, (req: Request) => Promise<Response>>();
  permissionRequestHandler: Handler | null = null;
  permissionCheckHandler: Handler | null = null;
  beforeRequest: Handler | null = null;
  spellCheckerEnabled = true;
  spellCheckerLanguages: string[] = [];
  availableSpellCheckerLanguages = ['en-US', 'en-GB', 'de', 'fr'];
  readonly protocol = {
    handle: (scheme: string, h: (req: Request) => Promise<Response>) => this.protocolHandlers.set(scheme, h),
  };
  readonly webRequest = {
    onBeforeRequest: (h: Handler) => {
      this.beforeRequest = h;
    },
  };
  setPermissionRequestHandler(h: Handler): void {
    this.permissionRequestHandler = h;
  }
  setPermissionCheckHandler(h: Handler): void {
    this.permissionCheckHandler = h;
  }
  setDevicePermissionHandler(): void {}
  setSpellCheckerEnabled(on: boolean): void {
    this.spellCheckerEnabled = on;
  }
  setSpellCheckerLanguages(l: string[]): void {
    this.spellCheckerLanguages = l;
  }
  addWordToSpellCheckerDictionary(): boolean {
    return true;
  }
}

export function createFakeElectron(userData: string) {
  const defaultSession = new FakeSession();
  const windows: FakeBrowserWindow[] = [];
  const ipcHandlers = new Map<string, Handler>();
  const opened: string[] = [];
  const privileged: unknown[] = [];
  let appMenu: unknown = null;
  let ready!: () => void;
  const readyPromise = new Promise<void>((r) => (ready = r));

  class FakeBrowserWindow extends EventEmitter {
    readonly webContents: FakeWebContents;
    bounds = { x: 10, y: 20, width: 1000, height: 700 };
    constructor(readonly options: Record<string, unknown>) {
      super();
      this.webContents = new FakeWebContents(defaultSession);
      windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    async loadURL(url: string): Promise<void> {
      this.webContents.loadedUrl = url;
      this.webContents.emit('did-finish-load');
      this.emit('ready-to-show');
    }
    show(): void {}
    focus(): void {}
    restore(): void {}
    maximize(): void {}
    isMinimized(): boolean {
      return false;
    }
    isMaximized(): boolean {
      return false;
    }
    isDestroyed(): boolean {
      return false;
    }
    getNormalBounds() {
      return this.bounds;
    }
  }

  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    paths: { userData } as Record<string, string>,
    whenReady: () => readyPromise,
    requestSingleInstanceLock: () => true,
    enableSandbox: () => {},
    setAppUserModelId: () => {},
    setPath: (name: string, p: string) => (app.paths[name] = p),
    getPath: (name: string) => app.paths[name] ?? userData,
    getName: () => 'Postwright',
    getVersion: () => '0.0.0-test',
    quit: () => {},
    exit: () => {},
    showAboutPanel: () => {},
    setAboutPanelOptions: () => {},
    addRecentDocument: (p: string) => opened.push(p),
    clearRecentDocuments: () => {},
  });

  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain: {
      handle: (channel: string, h: Handler) => ipcHandlers.set(channel, h),
      on: () => {},
    },
    protocol: { registerSchemesAsPrivileged: (s: unknown) => privileged.push(s) },
    session: { defaultSession },
    nativeTheme: { shouldUseDarkColors: false, themeSource: 'system' },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    dialog: {
      showMessageBox: async (..._a: unknown[]) => ({ response: 0 }),
      showErrorBox: (..._a: unknown[]) => {},
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    },
    shell: {
      externalOpened: [] as string[],
      openExternal: async (url: string) => {
        electron.shell.externalOpened.push(url);
      },
      trashItem: async () => {},
    },
    safeStorage: {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptString: (s: string) => Buffer.from(`enc:${s}`),
      decryptString: (b: Buffer) => b.toString().replace(/^enc:/, ''),
    },
    Menu: {
      buildFromTemplate: (t: unknown) => ({ template: t, popup: () => {} }),
      setApplicationMenu: (m: unknown) => (appMenu = m),
    },
    clipboard: { writeText: () => {} },
  };

  return {
    electron,
    ready: () => ready(),
    windows,
    ipcHandlers,
    defaultSession,
    privileged,
    menu: () => appMenu as { template: Array<{ label?: string; submenu?: Array<{ label?: string }> }> } | null,
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
