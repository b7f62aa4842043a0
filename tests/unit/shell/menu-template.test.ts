// The application menu per platform, built by the pure template function.
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, flattenMenu, recentLabel, type MenuItemSpec, type MenuState, type Platform } from '../../../electron/menu/menu-template';
import { MENU_COMMANDS } from '../../../shared/ipc/preload-api';
import { acceleratorOf, SHORTCUTS } from '../../../shared/keyboard/shortcuts';

const base: MenuState = { platform: 'linux', appName: 'Postwright', recentSites: [], theme: 'system', hasSite: true, developer: false };
const build = (over: Partial<MenuState>) => buildMenuTemplate({ ...base, ...over });
const top = (items: MenuItemSpec[]) => items.map((i) => (i.label ?? i.role ?? '').replace('&', ''));
const sub = (items: MenuItemSpec[], label: string) => items.find((i) => (i.label ?? '').replace('&', '') === label)?.submenu ?? [];
const byId = (items: MenuItemSpec[], id: string) => flattenMenu(items).find((i) => i.id === id);
const roles = (items: MenuItemSpec[]) => flattenMenu(items).map((i) => i.role).filter(Boolean);

describe.each<Platform>(['darwin', 'win32', 'linux'])('menu on %s', (platform) => {
  const t = build({ platform });

  it('has File with the writer’s commands and their shortcuts', () => {
    const file = sub(t, 'File');
    const labels = file.map((i) => i.label).filter(Boolean);
    expect(labels).toEqual(expect.arrayContaining(['New Post', 'Open Site…', 'Open Recent', 'Save', 'Save Version…', 'Close Post']));
    expect(byId(t, 'new-post')).toMatchObject({ accelerator: 'CmdOrCtrl+N', command: 'newPost' });
    expect(byId(t, 'open-site')).toMatchObject({ accelerator: 'CmdOrCtrl+O', command: 'openSite' });
    expect(byId(t, 'save')).toMatchObject({ accelerator: 'CmdOrCtrl+S', command: 'save' });
    expect(byId(t, 'save-version')).toMatchObject({ accelerator: 'CmdOrCtrl+Shift+S', command: 'saveVersion' });
    expect(byId(t, 'close-post')).toMatchObject({ accelerator: 'CmdOrCtrl+W', command: 'closePost' });
  });

  it('has Edit with the standard roles and Find', () => {
    const edit = roles(sub(t, 'Edit'));
    expect(edit).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']));
    expect(byId(t, 'find')).toMatchObject({ accelerator: 'CmdOrCtrl+F', command: 'find' });
  });

  it('has View with panels, zoom and theme', () => {
    const view = sub(t, 'View');
    expect(roles(view)).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']));
    for (const id of ['toggle-post-list', 'toggle-front-matter', 'toggle-gallery', 'toggle-history']) expect(byId(t, id)).toBeTruthy();
    const theme = byId(t, 'theme')?.submenu ?? [];
    expect(theme.map((i) => i.mainCommand)).toEqual(['theme:system', 'theme:light', 'theme:dark']);
    expect(theme.filter((i) => i.checked).map((i) => i.id)).toEqual(['theme-system']);
  });

  it('has Help with the docs (and About where the OS expects it)', () => {
    const help = t.find((i) => i.role === 'help');
    expect(help?.submenu?.some((i) => i.mainCommand === 'openDocs')).toBe(true);
    expect(help?.submenu?.find((i) => i.mainCommand === 'showLog')?.label).toBe('Show Log');
    const aboutInHelp = help?.submenu?.some((i) => i.mainCommand === 'about') ?? false;
    expect(aboutInHelp).toBe(platform !== 'darwin');
  });

  it('gives every menu command the shortcut the Keyboard Shortcuts list shows', () => {
    const items = flattenMenu(t);
    for (const sc of SHORTCUTS.filter((x) => x.command)) {
      const item = items.find((i) => i.command === sc.command);
      expect(item, `${sc.action} is in the menus`).toBeDefined();
      expect(item?.accelerator, sc.action).toBe(acceleratorOf(sc.keys));
    }
    expect(byId(t, 'shortcuts')?.command).toBe('showShortcuts');
  });

  it('gives every command a Ctrl/⌘ shortcut (the web host skips its shortcut check for keys without one)', () => {
    for (const sc of SHORTCUTS.filter((x) => x.command)) expect(sc.keys, sc.action).toMatch(/^Mod\+/);
  });

  it('sends only commands the renderer knows, and every accelerator is unique', () => {
    const items = flattenMenu(t);
    for (const i of items) if (i.command) expect(MENU_COMMANDS).toContain(i.command);
    const accels = items.map((i) => i.accelerator).filter(Boolean);
    expect(new Set(accels).size).toBe(accels.length);
  });

  it('never shows developer tools unless asked', () => {
    expect(roles(t)).not.toContain('toggleDevTools');
    expect(roles(build({ platform, developer: true }))).toContain('toggleDevTools');
  });
});

describe('platform conventions', () => {
  it('macOS: the app menu comes first with About, Settings…, Services, Hide and Quit', () => {
    const t = build({ platform: 'darwin' });
    expect(top(t)).toEqual(['Postwright', 'File', 'Edit', 'View', 'windowMenu', 'Help']);
    const app = t[0].submenu ?? [];
    expect(app.map((i) => i.role).filter(Boolean)).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(app.find((i) => i.id === 'settings')).toMatchObject({ accelerator: 'Cmd+,', command: 'openSettings' });
    // No Quit or Settings in File on macOS.
    expect(sub(t, 'File').some((i) => i.role === 'quit' || i.id === 'settings')).toBe(false);
    expect(roles(sub(t, 'Edit'))).toContain('pasteAndMatchStyle');
  });

  it('Windows: File ends with Settings… and Exit; labels have access keys', () => {
    const t = build({ platform: 'win32' });
    expect(t.map((i) => i.label)).toEqual(['&File', '&Edit', '&View', '&Window', '&Help']);
    const file = sub(t, 'File');
    expect(file.at(-1)).toMatchObject({ role: 'quit', label: 'Exit' });
    expect(file.find((i) => i.id === 'settings')).toMatchObject({ accelerator: 'Ctrl+,' });
  });

  it('Windows and Linux: closing the window does not take Close Post’s Ctrl+W', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const close = flattenMenu(build({ platform })).find((i) => i.role === 'close');
      expect(close?.accelerator).toBe('Ctrl+Shift+W');
    }
  });

  it('Linux: File ends with Quit (Ctrl+Q)', () => {
    const file = sub(build({ platform: 'linux' }), 'File');
    expect(file.at(-1)).toMatchObject({ role: 'quit', label: 'Quit', accelerator: 'Ctrl+Q' });
  });
});

describe('dynamic parts', () => {
  it('lists recent sites with their folder, and a way to clear them', () => {
    const t = build({ recentSites: ['/home/ana/sites/lanternfish-blog', '/home/ana/sites/driftwood'] });
    const recent = byId(t, 'open-recent')?.submenu ?? [];
    expect(recent[0]).toMatchObject({ command: 'openRecentSite', arg: '/home/ana/sites/lanternfish-blog', label: 'lanternfish-blog — ana/sites' });
    expect(recent.at(-1)).toMatchObject({ mainCommand: 'clearRecentSites' });
  });

  it('shows a disabled placeholder when there are no recent sites', () => {
    expect(byId(build({}), 'open-recent')?.submenu).toEqual([{ id: 'no-recent', label: 'No Recent Sites', enabled: false }]);
  });

  it('disables post commands with no site open, but not Open Site…', () => {
    const t = build({ hasSite: false });
    for (const id of ['new-post', 'save', 'save-version', 'close-post']) expect(byId(t, id)?.enabled, id).toBe(false);
    expect(byId(t, 'open-site')?.enabled).toBeUndefined();
  });

  it('checks the chosen theme', () => {
    expect(byId(build({ theme: 'dark' }), 'theme-dark')?.checked).toBe(true);
  });

  it('labels Windows paths too', () => {
    expect(recentLabel('C:\\Users\\ana\\blog')).toBe('blog — Users/ana');
    expect(recentLabel('/blog')).toBe('blog');
  });
});
