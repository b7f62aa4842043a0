// Installs the native application menu built from the pure template, and rebuilds it when
// what it shows changes (recent sites, theme, whether a site is open).
import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate, type MainCommand, type MenuItemSpec, type MenuState } from '../menu/menu-template';
import type { MenuCommand } from '../../shared/ipc/preload-api';

export interface MenuHandlers {
  toRenderer(command: MenuCommand, arg?: string): void;
  inMain(command: MainCommand): void;
}

function toElectron(spec: MenuItemSpec, h: MenuHandlers): MenuItemConstructorOptions {
  const { command, mainCommand, arg, submenu, ...rest } = spec;
  const item: MenuItemConstructorOptions = { ...rest };
  if (submenu) item.submenu = submenu.map((s) => toElectron(s, h));
  if (command) item.click = () => h.toRenderer(command, arg);
  else if (mainCommand) item.click = () => h.inMain(mainCommand);
  return item;
}

export function installApplicationMenu(state: MenuState, handlers: MenuHandlers): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(state).map((s) => toElectron(s, handlers))));
}

export function setAboutPanel(): void {
  app.setAboutPanelOptions({
    applicationName: app.getName(),
    applicationVersion: app.getVersion(),
    copyright: 'MIT License',
    credits: 'A desktop editor for Hugo blogs that never rewrites what you did not touch.',
  });
}
