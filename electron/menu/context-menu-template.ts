// The editor's right-click menu as plain data: spelling suggestions first (what a writer
// right-clicks a red word for), then "Add to Dictionary", then the clipboard roles the spot
// allows, and for a link the choice to open it in the browser. Pure, so it is tested without
// Electron; the shell maps `action` to webContents/session calls.

/** The parts of Electron's ContextMenuParams this menu reads. */
export interface ContextMenuInput {
  isEditable: boolean;
  selectionText: string;
  misspelledWord: string;
  dictionarySuggestions: string[];
  linkURL: string;
  editFlags: { canCut: boolean; canCopy: boolean; canPaste: boolean; canSelectAll: boolean };
}

export type ContextAction =
  | { kind: 'replaceMisspelling'; word: string }
  | { kind: 'addToDictionary'; word: string }
  | { kind: 'openLink'; url: string }
  | { kind: 'copyLink'; url: string };

export interface ContextItemSpec {
  label?: string;
  role?: 'cut' | 'copy' | 'paste' | 'selectAll';
  type?: 'separator';
  enabled?: boolean;
  action?: ContextAction;
}

const MAX_SUGGESTIONS = 6;

export function buildContextMenuTemplate(p: ContextMenuInput, isOpenableLink: (url: string) => boolean): ContextItemSpec[] {
  const groups: ContextItemSpec[][] = [];
  if (p.isEditable && p.misspelledWord) {
    const suggestions = p.dictionarySuggestions.slice(0, MAX_SUGGESTIONS);
    groups.push([
      ...(suggestions.length
        ? suggestions.map((word): ContextItemSpec => ({ label: word, action: { kind: 'replaceMisspelling', word } }))
        : [{ label: 'No Spelling Suggestions', enabled: false }]),
      { label: `Add “${p.misspelledWord}” to Dictionary`, action: { kind: 'addToDictionary', word: p.misspelledWord } },
    ]);
  }
  if (p.linkURL && isOpenableLink(p.linkURL)) {
    groups.push([
      { label: 'Open Link in Browser', action: { kind: 'openLink', url: p.linkURL } },
      { label: 'Copy Link', action: { kind: 'copyLink', url: p.linkURL } },
    ]);
  }
  if (p.isEditable) {
    groups.push([
      { role: 'cut', enabled: p.editFlags.canCut },
      { role: 'copy', enabled: p.editFlags.canCopy },
      { role: 'paste', enabled: p.editFlags.canPaste },
      { role: 'selectAll', enabled: p.editFlags.canSelectAll },
    ]);
  } else if (p.selectionText.trim()) {
    groups.push([{ role: 'copy', enabled: p.editFlags.canCopy }]);
  }
  return groups.flatMap((g, i) => (i === 0 ? g : [{ type: 'separator' as const }, ...g]));
}
