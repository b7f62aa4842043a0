// What every service and handler gets from its host (the Electron shell or the web host).
// Services are plain Node modules: they never import `electron`; anything only Electron can do
// (dialogs, safeStorage, the system trash) reaches them through these interfaces.
import type { EventName, EventPayload } from '../../shared/ipc/events';
import type { SiteInfo } from '../../shared/ipc/channels/site';

/** Small persistent key/value settings (electron-store in Electron, a JSON file in the web host). */
export interface SettingsStore {
  get<T>(key: string): T | undefined;
  set(key: string, value: unknown): void;
}

/** Secrets such as a git access token (safeStorage in Electron; memory only in the web host). */
export interface SecretStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string | null): Promise<void>;
  /** True when secrets survive a restart (encrypted on disk). */
  readonly persistent: boolean;
}

/** Native things only a desktop host can offer; absent in the web host. */
export interface HostDesktop {
  chooseFolder(): Promise<string | null>;
  chooseFiles(filters: { name: string; extensions: string[] }[]): Promise<string[]>;
  /** Move to the OS trash (recoverable). */
  trash(absPath: string): Promise<void>;
  addRecentDocument(absPath: string): void;
}

/** Files the web host received as streams (see electron/web/upload-store.ts). */
export interface UploadSource {
  /** The file of an upload, once; done() deletes it. Null for an unknown or used id. */
  take(id: string): { file: string; done(): Promise<void> } | null;
}

export interface HostContext {
  /** The app's own data folder (recovery journal, caches). Never inside a site. */
  dataDir: string;
  /** Uploaded files waiting for importImages: the web host only. */
  uploads?: UploadSource;
  settings: SettingsStore;
  secrets: SecretStore;
  desktop: HostDesktop | null;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** Shows each entry of the error log as it is written (the web host: its stderr). */
  echoLog?(text: string): void;
}

export type { SiteInfo };
