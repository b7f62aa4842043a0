// The Electron security checklist applied to every web contents the app creates: no
// navigation away from the app, no new windows (http/https links go to the system browser
// after a check), no <webview>, every permission request denied, and no request to the
// network from the page (images, scripts, fonts...), so a hostile post cannot phone home.
import { app, shell, type Session, type WebContents } from 'electron';
import { isAppUrl } from './app-origin';
import { isSafeExternalUrl } from './external-links';

export function openExternalSafely(url: string): void {
  if (isSafeExternalUrl(url)) void shell.openExternal(url);
}

/** Schemes a page may load from: our own protocols and in-memory data. */
const ALLOWED_REQUEST = /^(app|asset|data|blob|devtools|chrome-extension):/i;
/** A Hugo preview on this machine may be shown in a frame. */
const LOCAL_PREVIEW = /^http:\/\/127\.0\.0\.1:\d+\//;
/**
 * On Linux, Chromium downloads the Hunspell dictionary of the spell-check language the writer
 * chose (Windows and macOS use the OS's own checker). That one download is allowed; nothing a
 * page asks for is.
 */
const SPELLING_DICTIONARY = /^https:\/\/redirector\.gvt1\.com\/edgedl\/chrome\/dict\/[\w.-]+\.bdic$/;

export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    const fromPage = details.webContentsId !== undefined;
    const ok = ALLOWED_REQUEST.test(details.url) || LOCAL_PREVIEW.test(details.url) || (!fromPage && SPELLING_DICTIONARY.test(details.url));
    callback({ cancel: !ok });
  });
  // Downloads never start from the editor.
  ses.on('will-download', (event) => event.preventDefault());
}

function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    openExternalSafely(url);
  });
  contents.on('will-redirect', (event) => {
    // The local preview frame may redirect within 127.0.0.1 (Hugo adds trailing slashes).
    if (isAppUrl(event.url) || (!event.isMainFrame && LOCAL_PREVIEW.test(event.url))) return;
    event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    // Frames (the local preview) may navigate within 127.0.0.1 only.
    if (!event.isMainFrame && !LOCAL_PREVIEW.test(event.url) && !isAppUrl(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Applies the rules to every web contents, including ones created later. */
export function hardenAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
}
