// Carries out the update policy (electron/menu/update-policy.ts) with electron-updater and
// native message boxes. electron-updater is loaded only when a check is actually due, so a
// writer who never turned update checks on runs none of its code and makes no request.
// autoDownload is off: a found update is only downloaded after the writer says Download, and
// it installs when they quit (or at once if they choose Restart Now).
import { app, dialog, type BrowserWindow } from 'electron';
import type { AppUpdater } from 'electron-updater';
import {
  actionFor,
  decideCheck,
  decideOffer,
  downloadedPrompt,
  errorPrompt,
  FIRST_CHECK_DELAY_MS,
  msUntilNextCheck,
  quietPrompt,
  readUpdateMemory,
  rememberAnswer,
  UPDATE_MEMORY_KEY,
  type UpdateAction,
  type UpdateMemory,
  type UpdatePrompt,
} from '../menu/update-policy';
import { readSettings } from '../services/settings/settings-service';
import type { SettingsStore } from '../services/context';

export interface UpdaterOptions {
  settings: SettingsStore;
  getWindow(): BrowserWindow | null;
}

export interface DesktopUpdater {
  /** Re-reads the `updateChecks` setting: schedules checks when on, stops them when off. */
  refresh(): void;
  /** Check for Updates… from the menu: one check now, whatever the setting, with an answer. */
  checkNow(): Promise<void>;
}

async function loadAutoUpdater(): Promise<AppUpdater> {
  const { autoUpdater } = await import('electron-updater');
  // Before anything else: electron-updater's default is to download as soon as it finds one.
  autoUpdater.autoDownload = false;
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.allowPrerelease = false;
  autoUpdater.allowDowngrade = false;
  autoUpdater.fullChangelog = false;
  autoUpdater.logger = {
    info: () => undefined,
    warn: (m?: unknown) => console.warn('[postwright] updater:', m),
    error: (m?: unknown) => console.error('[postwright] updater:', m),
  };
  return autoUpdater;
}

export function createDesktopUpdater(o: UpdaterOptions): DesktopUpdater {
  let updater: AppUpdater | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** A check, question or download under way: never two at once, never two boxes. */
  let busy = false;
  let downloadedVersion: string | null = null;

  const memory = (): UpdateMemory => readUpdateMemory(o.settings.get<unknown>(UPDATE_MEMORY_KEY));
  const remember = (m: UpdateMemory) => o.settings.set(UPDATE_MEMORY_KEY, m);
  const enabled = () => readSettings(o.settings).updateChecks;

  async function ask(prompt: UpdatePrompt): Promise<UpdateAction> {
    const { actions, ...box } = prompt;
    void actions;
    const win = o.getWindow();
    const { response } = win ? await dialog.showMessageBox(win, { ...box, noLink: true }) : await dialog.showMessageBox({ ...box, noLink: true });
    return actionFor(prompt, response);
  }

  async function tell(prompt: UpdatePrompt | null): Promise<void> {
    if (prompt) await ask(prompt);
  }

  async function run(manual: boolean): Promise<void> {
    if (busy) return;
    const name = app.getName();
    const version = app.getVersion();
    const decision = decideCheck({ enabled: enabled(), manual, packaged: app.isPackaged, now: Date.now(), memory: memory() });
    if (!decision.check) return tell(quietPrompt(name, version, decision, manual));
    busy = true;
    try {
      updater ??= await loadAutoUpdater();
      const active = updater;
      const result = await active.checkForUpdates().catch((e: unknown) => e instanceof Error ? e : new Error(String(e)));
      remember({ ...memory(), lastCheckAt: Date.now() });
      if (result instanceof Error) return await tell(errorPrompt(name, result, manual, 'check'));
      if (!result || !result.isUpdateAvailable) return await tell(quietPrompt(name, version, { kind: 'none' }, manual));
      const info = result.updateInfo;
      const offer = { version: info.version, releaseName: info.releaseName, releaseNotes: info.releaseNotes, size: info.files[0]?.size ?? null };
      const offered = decideOffer(offer, { appName: name, currentVersion: version, manual, memory: memory(), downloadedVersion });
      if (offered.kind === 'quiet') return await tell(quietPrompt(name, version, offered, manual));
      const answer = await ask(offered.prompt);
      remember(rememberAnswer(memory(), offer, answer));
      if (answer !== 'download') return;
      try {
        await active.downloadUpdate();
      } catch (e) {
        return await tell(errorPrompt(name, e, manual, 'download'));
      }
      downloadedVersion = offer.version;
      // autoInstallOnAppQuit installs it at the next quit; Restart Now does it at once. A post
      // with unsaved changes keeps its window open (the renderer's beforeunload guard).
      if ((await ask(downloadedPrompt(name, offer.version))) === 'restart') active.quitAndInstall(false, true);
    } finally {
      busy = false;
    }
  }

  function schedule(): void {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!enabled() || !app.isPackaged) return;
    const wait = Math.max(FIRST_CHECK_DELAY_MS, msUntilNextCheck(memory(), Date.now()));
    timer = setTimeout(() => {
      timer = null;
      void run(false).finally(schedule);
    }, wait);
    // A pending check never keeps the app alive.
    timer.unref?.();
  }

  return {
    refresh: schedule,
    checkNow: () => run(true),
  };
}
