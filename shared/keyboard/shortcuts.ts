// Every keyboard shortcut of the app, once: the desktop menus take their accelerators from here,
// the web host's page dispatches the same keys, and Help → Keyboard Shortcuts lists them. "Mod"
// is Ctrl, or ⌘ on a Mac.
import type { MenuCommand } from '../ipc/preload-api';

export interface Shortcut {
  /** "Mod+S", "Mod+Shift+S", "Escape". */
  keys: string;
  /** What it does, in a writer's words. */
  action: string;
  group: 'Posts' | 'Writing' | 'Panels';
  /** The menu command it runs, for keys the app (not the text editor) handles. */
  command?: MenuCommand;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: 'Mod+N', action: 'New post', group: 'Posts', command: 'newPost' },
  { keys: 'Mod+O', action: 'Open a site', group: 'Posts', command: 'openSite' },
  { keys: 'Mod+S', action: 'Save', group: 'Posts', command: 'save' },
  { keys: 'Mod+Shift+S', action: 'Save a version', group: 'Posts', command: 'saveVersion' },
  { keys: 'Mod+W', action: 'Close the post', group: 'Posts', command: 'closePost' },
  { keys: 'Mod+F', action: 'Find and replace', group: 'Writing', command: 'find' },
  { keys: 'Mod+B', action: 'Bold', group: 'Writing' },
  { keys: 'Mod+I', action: 'Italic', group: 'Writing' },
  { keys: 'Mod+E', action: 'Code', group: 'Writing' },
  { keys: 'Mod+K', action: 'Link', group: 'Writing' },
  { keys: 'Mod+Z', action: 'Undo', group: 'Writing' },
  { keys: 'Mod+Shift+Z', action: 'Redo', group: 'Writing' },
  { keys: 'Mod+1', action: 'Show or hide the post list', group: 'Panels', command: 'togglePostList' },
  { keys: 'Mod+2', action: 'Show or hide the post settings', group: 'Panels', command: 'toggleFrontMatter' },
  { keys: 'Mod+3', action: 'Show or hide the images', group: 'Panels', command: 'toggleGallery' },
  { keys: 'Mod+4', action: 'Show or hide the versions', group: 'Panels', command: 'toggleHistory' },
  { keys: 'Mod+/', action: 'Keyboard shortcuts', group: 'Panels', command: 'showShortcuts' },
  { keys: 'Escape', action: 'Close a dialog, or leave Preview mode', group: 'Panels' },
];

/** Electron's accelerator for a shortcut's keys ("Mod+S" → "CmdOrCtrl+S"). */
export function acceleratorOf(keys: string): string {
  return keys.replace(/^Mod\+/, 'CmdOrCtrl+');
}

/** The keys as a writer reads them on this platform: "Ctrl+Shift+S", or "⇧⌘S" on a Mac. */
export function displayKeys(keys: string, mac: boolean): string {
  if (!mac) return keys.replace(/^Mod\+/, 'Ctrl+');
  const parts = keys.split('+');
  const key = parts.pop() ?? '';
  const glyph: Record<string, string> = { Mod: '⌘', Shift: '⇧', Alt: '⌥', Ctrl: '⌃' };
  return parts.map((p) => glyph[p] ?? p).join('') + key;
}

/** Whether a key event is this shortcut (Mod is Ctrl or ⌘; other modifiers must match). */
export function matchesShortcut(keys: string, e: { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }): boolean {
  const parts = keys.split('+');
  const key = parts.pop() ?? '';
  const mod = parts.includes('Mod');
  if (mod !== (e.ctrlKey || e.metaKey)) return false;
  if (parts.includes('Shift') !== e.shiftKey || parts.includes('Alt') !== e.altKey) return false;
  return e.key.toLowerCase() === key.toLowerCase() || (key === '/' && e.key === '?' && e.shiftKey === parts.includes('Shift'));
}
