// A stand-in for electron-updater's `autoUpdater`, so the built main process can be driven
// through a whole update conversation without a network: it records whether the module was
// loaded at all, what the shell set on it, and what it was asked to do.
export interface FakeUpdateInfo {
  version: string;
  files: Array<{ url: string; sha512: string; size?: number }>;
  releaseNotes?: string | null;
  releaseName?: string | null;
}

export function createFakeUpdater() {
  const calls = { checks: 0, downloads: 0, quitAndInstall: 0 };
  let next: FakeUpdateInfo | null = null;
  const autoUpdater = {
    autoDownload: true, // electron-updater's own default: the shell must turn it off
    autoInstallOnAppQuit: false,
    allowPrerelease: true,
    allowDowngrade: true,
    fullChangelog: true,
    logger: null as unknown,
    async checkForUpdates() {
      calls.checks++;
      if (autoUpdater.autoDownload) throw new Error('checked with autoDownload on');
      return next ? { isUpdateAvailable: true, updateInfo: next, versionInfo: next } : { isUpdateAvailable: false, updateInfo: { version: '0.0.0-test', files: [] } };
    },
    async downloadUpdate() {
      calls.downloads++;
      return ['/tmp/update'];
    },
    quitAndInstall() {
      calls.quitAndInstall++;
    },
  };
  return {
    module: { autoUpdater },
    autoUpdater,
    calls,
    offer(info: FakeUpdateInfo | null) {
      next = info;
    },
  };
}

export type FakeUpdater = ReturnType<typeof createFakeUpdater>;
