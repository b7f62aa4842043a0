// Puts the writer's theme choice on <html data-theme>, which app.css honours over the OS's
// prefers-color-scheme ("system" leaves the OS in charge). In the desktop app main also sets
// nativeTheme, so native parts (menus, scrollbars, dialogs) agree.
import type { Theme } from '../../shared/ipc/channels/settings';

export const THEMES: ReadonlyArray<{ value: Theme; label: string }> = [
  { value: 'system', label: 'Same as System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export function isTheme(value: unknown): value is Theme {
  return value === 'system' || value === 'light' || value === 'dark';
}

export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  if (root.dataset.theme !== theme) root.dataset.theme = theme;
}
