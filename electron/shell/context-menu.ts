// The editor's right-click menu, from the pure template in electron/menu.
import { clipboard, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { buildContextMenuTemplate, type ContextItemSpec } from '../menu/context-menu-template';
import { isSafeExternalUrl } from './external-links';
import { openExternalSafely } from './security';

export function attachContextMenu(win: BrowserWindow): void {
  const wc = win.webContents;
  wc.on('context-menu', (_event, params) => {
    const spec = buildContextMenuTemplate(params, isSafeExternalUrl);
    if (!spec.length) return;
    const toItem = (s: ContextItemSpec): MenuItemConstructorOptions => {
      const a = s.action;
      if (!a) return { label: s.label, role: s.role, type: s.type, enabled: s.enabled };
      return {
        label: s.label,
        enabled: s.enabled,
        click: () => {
          if (a.kind === 'replaceMisspelling') wc.replaceMisspelling(a.word);
          else if (a.kind === 'addToDictionary') wc.session.addWordToSpellCheckerDictionary(a.word);
          else if (a.kind === 'openLink') openExternalSafely(a.url);
          else clipboard.writeText(a.url);
        },
      };
    };
    Menu.buildFromTemplate(spec.map(toItem)).popup({ window: win });
  });
}
