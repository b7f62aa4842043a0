// What the Electron preload script puts on `window.postwright`: the agreement between the shell
// (electron/shell/preload.ts builds it) and the renderer (renderer/api/transport-electron.ts
// reads it). One function per contract channel, named after the channel, and nothing generic:
// a page that gets hold of the bridge can call exactly the contract, each payload still checked
// by main. Calls resolve to the same Envelope the web host returns; they never reject for a
// handler's error.
import type { Channel, Req } from './contract';
import type { Envelope } from './errors';
import type { EventName } from './events';

/**
 * `callId`: a caller-chosen id (up to 64 characters) under which `cancel(callId)` can stop the
 * call; an AbortSignal itself cannot cross the context bridge.
 */
export type PreloadCalls = { readonly [K in Channel]: (req: Req<K>, callId?: string) => Promise<Envelope<unknown>> };

export interface PreloadApi extends PreloadCalls {
  /**
   * Base URL of the open site's files, e.g. "asset://site/". Append a site-relative path with
   * each segment URI-encoded: `asset://site/static/images/a%20b.png`. Only images inside the open
   * site are served.
   */
  readonly assetBase: string;
  /** The OS the app runs on, for labels such as "Ctrl+S" vs "⌘S". */
  readonly platform: 'darwin' | 'win32' | 'linux';
  /**
   * Subscribes to a main → renderer event; returns the unsubscribe function. A `siteOpened`
   * event that arrives before anyone listens (a file opened from the OS at launch) is kept and
   * handed to the first listener, so the renderer cannot miss it while it starts.
   */
  on(event: EventName, listener: (payload: unknown) => void): () => void;
  /** Asks main to stop the call made with that `callId` (it then answers 'cancelled'). */
  cancel(callId: string): void;
}

/** The Electron IPC channel a cancel travels on (fire and forget, keyed by call id). */
export const CANCEL_CHANNEL = 'postwright:cancel';

/** Name of the global the preload defines. */
export const PRELOAD_GLOBAL = 'postwright';

/** The Electron IPC channel an event travels on. */
export function eventChannel(event: EventName): string {
  return `postwright:event:${event}`;
}

/**
 * Commands the native menus send to the renderer as `menuCommand` events. The renderer acts on
 * them (it knows about unsaved changes, panels and the find bar); everything that needs only
 * main (zoom, window, about, docs) is handled in main and never reaches the renderer.
 * `openRecentSite` carries the folder in `arg`; `theme` carries the choice ('system', 'light' or
 * 'dark') after View > Theme changed it (main already saved it). Shortcuts the renderer handles itself (Ctrl+S)
 * should call preventDefault so the menu's accelerator does not fire a second time.
 */
export const MENU_COMMANDS = [
  'newPost',
  'openSite',
  'openRecentSite',
  'save',
  'saveVersion',
  'closePost',
  'find',
  'togglePostList',
  'toggleFrontMatter',
  'toggleGallery',
  'toggleHistory',
  'openSettings',
  'theme',
  'showShortcuts',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
