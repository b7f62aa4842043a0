// The HostContext of the desktop app: settings in electron-store, secrets encrypted with the
// OS keychain through safeStorage, native dialogs, the system trash and the OS's recent
// documents. Services receive only this interface and never import electron themselves.
import { app, dialog, safeStorage, shell, type BrowserWindow } from 'electron';
import Store from 'electron-store';
import type { HostContext, HostDesktop, SecretStore, SettingsStore } from '../services/context';
import type { EventName, EventPayload } from '../../shared/ipc/events';

/** electron-store behind the services' SettingsStore; listeners hear every change (menus, spell check). */
export class ElectronSettings implements SettingsStore {
  readonly store: Store<Record<string, unknown>>;
  private listeners = new Set<(key: string) => void>();
  constructor(cwd?: string) {
    // Keys are literal (a key with a dot is not a path), and a damaged file is replaced rather
    // than stopping the app from starting: it holds preferences and recent sites, not writing.
    this.store = new Store({ name: 'settings', cwd, accessPropertiesByDotNotation: false, clearInvalidConfig: true });
  }
  get<T>(key: string): T | undefined {
    return this.store.get(key) as T | undefined;
  }
  set(key: string, value: unknown): void {
    if (value === undefined) this.store.delete(key);
    else this.store.set(key, value);
    for (const l of this.listeners) l(key);
  }
  onChange(listener: (key: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/**
 * Secrets (e.g. a git token) encrypted with safeStorage. Where the OS offers no real keychain
 * (Linux without a secret service reports "basic_text"), they stay in memory only, and
 * `persistent` says so, rather than being written in a form anyone could read.
 */
export class SafeStorageSecrets implements SecretStore {
  private memory = new Map<string, string>();
  constructor(private settings: ElectronSettings) {}
  get persistent(): boolean {
    if (!safeStorage.isEncryptionAvailable()) return false;
    return process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
  }
  private all(): Record<string, string> {
    const v = this.settings.get<Record<string, string>>('secrets');
    return v && typeof v === 'object' ? { ...v } : {};
  }
  async get(key: string): Promise<string | null> {
    if (this.memory.has(key)) return this.memory.get(key) ?? null;
    const enc = this.all()[key];
    if (!enc || !this.persistent) return null;
    try {
      return safeStorage.decryptString(Buffer.from(enc, 'base64'));
    } catch {
      return null;
    }
  }
  async set(key: string, value: string | null): Promise<void> {
    const all = this.all();
    this.memory.delete(key);
    delete all[key];
    if (value != null) {
      if (this.persistent) all[key] = safeStorage.encryptString(value).toString('base64');
      else this.memory.set(key, value);
    }
    this.settings.set('secrets', all);
  }
}

export function createDesktop(getWindow: () => BrowserWindow | null): HostDesktop {
  return {
    async chooseFolder() {
      const win = getWindow();
      const opts = { title: 'Open a Hugo Site', buttonLabel: 'Open Site', properties: ['openDirectory' as const, 'createDirectory' as const] };
      const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
      return r.canceled || !r.filePaths[0] ? null : r.filePaths[0];
    },
    async chooseFiles(filters) {
      const win = getWindow();
      const opts = { title: 'Choose Files', filters, properties: ['openFile' as const, 'multiSelections' as const] };
      const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
      return r.canceled ? [] : r.filePaths;
    },
    trash: (absPath) => shell.trashItem(absPath),
    addRecentDocument: (absPath) => app.addRecentDocument(absPath),
  };
}

export function createElectronHostContext(opts: {
  dataDir: string;
  settings: ElectronSettings;
  getWindow: () => BrowserWindow | null;
  emit: (event: string, payload: unknown) => void;
}): HostContext {
  return {
    dataDir: opts.dataDir,
    settings: opts.settings,
    secrets: new SafeStorageSecrets(opts.settings),
    desktop: createDesktop(opts.getWindow),
    emit<E extends EventName>(event: E, payload: EventPayload<E>) {
      opts.emit(event, payload);
    },
  };
}
