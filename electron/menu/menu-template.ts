// The application menu as plain data, built by a pure function so it can be tested per
// platform without Electron. The shell turns each `command` into a click handler; `role`
// items are Electron's standard ones (they bring the OS's own labels and accelerators).
// Conventions followed: on macOS the first menu is the app menu (About, Settings…, Services,
// Hide, Quit) and Window has the standard window menu; on Windows and Linux, Settings and
// Exit/Quit live in File and About in Help.
import type { MenuCommand } from '../../shared/ipc/preload-api';

export type Platform = 'darwin' | 'win32' | 'linux';
export type ThemeChoice = 'system' | 'light' | 'dark';

/** Electron menu roles used here (a subset of MenuItemConstructorOptions['role']). */
export type MenuRole =
  | 'appMenu' | 'about' | 'services' | 'hide' | 'hideOthers' | 'unhide' | 'quit'
  | 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'pasteAndMatchStyle' | 'delete' | 'selectAll'
  | 'startSpeaking' | 'stopSpeaking'
  | 'reload' | 'forceReload' | 'toggleDevTools' | 'resetZoom' | 'zoomIn' | 'zoomOut' | 'togglefullscreen'
  | 'windowMenu' | 'minimize' | 'zoom' | 'close' | 'front' | 'help' | 'recentDocuments' | 'clearRecentDocuments';

/** Commands main handles itself (no renderer involved). */
export type MainCommand = 'about' | 'openDocs' | 'showLog' | 'clearRecentSites' | 'checkForUpdates' | `theme:${ThemeChoice}`;

export interface MenuItemSpec {
  id?: string;
  label?: string;
  role?: MenuRole;
  type?: 'normal' | 'separator' | 'submenu' | 'checkbox' | 'radio';
  accelerator?: string;
  enabled?: boolean;
  checked?: boolean;
  submenu?: MenuItemSpec[];
  /** Sent to the renderer as a `menuCommand` event. */
  command?: MenuCommand;
  /** Handled in main. */
  mainCommand?: MainCommand;
  /** Extra value for the command (e.g. the folder of a recent site). */
  arg?: string;
}

export interface MenuState {
  platform: Platform;
  appName: string;
  /** Absolute paths, most recent first. */
  recentSites: string[];
  theme: ThemeChoice;
  /** A site is open (enables New Post, Save...). */
  hasSite: boolean;
  /** Show reload and developer tools (never in a packaged app). */
  developer: boolean;
}

export const DOCS_URL = 'https://github.com/postwright/postwright#readme';

const sep: MenuItemSpec = { type: 'separator' };

/** Shortens a path for a menu label: the folder's name, then where it is. */
export function recentLabel(path: string): string {
  const parts = path.split(/[\\/]/).filter(Boolean);
  const name = parts.at(-1) ?? path;
  const parent = parts.length > 1 ? parts.slice(-3, -1).join('/') : '';
  return parent ? `${name} — ${parent}` : name;
}

function fileMenu(s: MenuState): MenuItemSpec {
  const mac = s.platform === 'darwin';
  const recent: MenuItemSpec[] = s.recentSites.length
    ? [
        ...s.recentSites.map((dir, i): MenuItemSpec => ({ id: `recent-${i}`, label: recentLabel(dir), command: 'openRecentSite', arg: dir })),
        sep,
        { id: 'clear-recent', label: 'Clear Recent', mainCommand: 'clearRecentSites' },
      ]
    : [{ id: 'no-recent', label: 'No Recent Sites', enabled: false }];
  const items: MenuItemSpec[] = [
    { id: 'new-post', label: 'New Post', accelerator: 'CmdOrCtrl+N', command: 'newPost', enabled: s.hasSite },
    sep,
    { id: 'open-site', label: 'Open Site…', accelerator: 'CmdOrCtrl+O', command: 'openSite' },
    { id: 'open-recent', label: 'Open Recent', type: 'submenu', submenu: recent },
    sep,
    { id: 'save', label: 'Save', accelerator: 'CmdOrCtrl+S', command: 'save', enabled: s.hasSite },
    { id: 'save-version', label: 'Save Version…', accelerator: 'CmdOrCtrl+Shift+S', command: 'saveVersion', enabled: s.hasSite },
    sep,
    { id: 'close-post', label: 'Close Post', accelerator: 'CmdOrCtrl+W', command: 'closePost', enabled: s.hasSite },
  ];
  if (!mac) {
    items.push(
      sep,
      { id: 'settings', label: 'Settings…', accelerator: 'Ctrl+,', command: 'openSettings' },
      sep,
      // Windows says "Exit" (Alt+F4 is the OS's own); Linux desktops say "Quit" with Ctrl+Q.
      s.platform === 'win32' ? { role: 'quit', label: 'Exit' } : { role: 'quit', label: 'Quit', accelerator: 'Ctrl+Q' },
    );
  }
  return { id: 'file', label: mac ? 'File' : '&File', type: 'submenu', submenu: items };
}

function editMenu(s: MenuState): MenuItemSpec {
  const mac = s.platform === 'darwin';
  const items: MenuItemSpec[] = [
    { role: 'undo' },
    { role: 'redo' },
    sep,
    { role: 'cut' },
    { role: 'copy' },
    { role: 'paste' },
    ...(mac ? [{ role: 'pasteAndMatchStyle' } as MenuItemSpec] : []),
    { role: 'delete' },
    { role: 'selectAll' },
    sep,
    { id: 'find', label: 'Find…', accelerator: 'CmdOrCtrl+F', command: 'find' },
  ];
  if (mac) {
    items.push(sep, { label: 'Speech', type: 'submenu', submenu: [{ role: 'startSpeaking' }, { role: 'stopSpeaking' }] });
  }
  return { id: 'edit', label: mac ? 'Edit' : '&Edit', type: 'submenu', submenu: items };
}

function viewMenu(s: MenuState): MenuItemSpec {
  const mac = s.platform === 'darwin';
  const theme = (t: ThemeChoice, label: string): MenuItemSpec => ({
    id: `theme-${t}`,
    label,
    type: 'radio',
    checked: s.theme === t,
    mainCommand: `theme:${t}`,
  });
  const items: MenuItemSpec[] = [
    { id: 'toggle-post-list', label: 'Post List', accelerator: 'CmdOrCtrl+1', command: 'togglePostList' },
    { id: 'toggle-front-matter', label: 'Front Matter', accelerator: 'CmdOrCtrl+2', command: 'toggleFrontMatter' },
    { id: 'toggle-gallery', label: 'Images', accelerator: 'CmdOrCtrl+3', command: 'toggleGallery' },
    { id: 'toggle-history', label: 'Versions', accelerator: 'CmdOrCtrl+4', command: 'toggleHistory' },
    sep,
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    sep,
    { id: 'theme', label: 'Theme', type: 'submenu', submenu: [theme('system', 'Same as System'), theme('light', 'Light'), theme('dark', 'Dark')] },
    sep,
    { role: 'togglefullscreen' },
  ];
  if (s.developer) items.push(sep, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' });
  return { id: 'view', label: mac ? 'View' : '&View', type: 'submenu', submenu: items };
}

function windowMenu(s: MenuState): MenuItemSpec {
  if (s.platform === 'darwin') return { role: 'windowMenu' };
  // The close role's own shortcut (Ctrl+W) belongs to File > Close Post here.
  return { id: 'window', label: '&Window', type: 'submenu', submenu: [{ role: 'minimize' }, { role: 'close', label: 'Close Window', accelerator: 'Ctrl+Shift+W' }] };
}

function helpMenu(s: MenuState): MenuItemSpec {
  const mac = s.platform === 'darwin';
  const items: MenuItemSpec[] = [
    { id: 'docs', label: `${s.appName} Help`, mainCommand: 'openDocs' },
    { id: 'shortcuts', label: 'Keyboard Shortcuts', accelerator: 'CmdOrCtrl+/', command: 'showShortcuts' },
    // The app's error log (electron/services/log/error-log.ts), for the writer to send along.
    { id: 'show-log', label: 'Show Log', mainCommand: 'showLog' },
  ];
  // One check on request (the click is the writer's consent even while automatic checks are off).
  if (!mac) items.push(sep, { id: 'check-updates', label: 'Check for Updates…', mainCommand: 'checkForUpdates' }, { id: 'about', label: `About ${s.appName}`, mainCommand: 'about' });
  return { role: 'help', label: mac ? 'Help' : '&Help', type: 'submenu', submenu: items };
}

function appMenu(s: MenuState): MenuItemSpec {
  return {
    id: 'app',
    label: s.appName,
    type: 'submenu',
    submenu: [
      { role: 'about', label: `About ${s.appName}` },
      { id: 'check-updates', label: 'Check for Updates…', mainCommand: 'checkForUpdates' },
      sep,
      { id: 'settings', label: 'Settings…', accelerator: 'Cmd+,', command: 'openSettings' },
      sep,
      { role: 'services' },
      sep,
      { role: 'hide', label: `Hide ${s.appName}` },
      { role: 'hideOthers' },
      { role: 'unhide' },
      sep,
      { role: 'quit', label: `Quit ${s.appName}` },
    ],
  };
}

export function buildMenuTemplate(s: MenuState): MenuItemSpec[] {
  const menus = [fileMenu(s), editMenu(s), viewMenu(s), windowMenu(s), helpMenu(s)];
  return s.platform === 'darwin' ? [appMenu(s), ...menus] : menus;
}

/** Every item of a template, depth first (for lookups and tests). */
export function flattenMenu(items: MenuItemSpec[]): MenuItemSpec[] {
  return items.flatMap((i) => [i, ...(i.submenu ? flattenMenu(i.submenu) : [])]);
}
