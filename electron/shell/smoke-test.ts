// `--smoke-test`: the release workflow launches each app it built once, on the sample site,
// with this switch. The app waits until its window lists the site's posts, prints one line and
// quits with 0; or prints why not and quits with 1: the page did not load, its process ended,
// the preload failed, or no list came within the time limit. It proves what only the packaged
// app can: the asar, the fuses, the unpacked native modules, the app:// protocol, the CSP and
// the preload bridge work together on that OS.
import { app, type BrowserWindow } from 'electron';

const LIMIT_MS = 60_000;
const POLL_MS = 200;
/** The post list's rows, as the renderer draws them (renderer/app/PostList.tsx). */
const COUNT_POSTS = `document.querySelectorAll('[aria-label="Posts"] button[data-path]').length`;

export function runSmokeTest(w: BrowserWindow): void {
  let over = false;
  const finish = (code: 0 | 1, line: string) => {
    if (over) return;
    over = true;
    (code === 0 ? console.log : console.error)(`[smoke-test] ${line}`);
    app.exit(code);
  };
  setTimeout(() => finish(1, `failed: no post list after ${LIMIT_MS / 1000} s`), LIMIT_MS).unref();
  const contents = w.webContents;
  contents.on('did-fail-load', (_e, code, description, url) => finish(1, `failed: ${url} did not load: ${description} (${code})`));
  contents.on('render-process-gone', (_e, details) => finish(1, `failed: the page's process ended (${details.reason})`));
  contents.on('preload-error', (_e, path, error) => finish(1, `failed: the preload ${path} threw ${error.message}`));
  // The list appears once the site is read: ask the page until it is there.
  const ask = () => {
    if (over || contents.isDestroyed()) return;
    contents.executeJavaScript(COUNT_POSTS).then(
      (count: number) => (count > 0 ? finish(0, `ok: the window lists ${count} posts`) : setTimeout(ask, POLL_MS)),
      () => setTimeout(ask, POLL_MS),
    );
  };
  contents.once('did-finish-load', ask);
}
