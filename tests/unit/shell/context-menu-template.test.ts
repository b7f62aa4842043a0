// The editor's right-click menu: spelling first, then links, then the clipboard.
import { describe, expect, it } from 'vitest';
import { buildContextMenuTemplate, type ContextMenuInput } from '../../../electron/menu/context-menu-template';
import { isSafeExternalUrl } from '../../../electron/shell/external-links';

const flags = { canCut: true, canCopy: true, canPaste: true, canSelectAll: true };
const input = (over: Partial<ContextMenuInput>): ContextMenuInput => ({
  isEditable: true, selectionText: '', misspelledWord: '', dictionarySuggestions: [], linkURL: '', editFlags: flags, ...over,
});

describe('context menu', () => {
  it('offers suggestions and Add to Dictionary for a misspelled word', () => {
    const t = buildContextMenuTemplate(input({ misspelledWord: 'Driftwod', dictionarySuggestions: ['Driftwood', 'Driftwoods'] }), isSafeExternalUrl);
    expect(t.slice(0, 3)).toEqual([
      { label: 'Driftwood', action: { kind: 'replaceMisspelling', word: 'Driftwood' } },
      { label: 'Driftwoods', action: { kind: 'replaceMisspelling', word: 'Driftwoods' } },
      { label: 'Add “Driftwod” to Dictionary', action: { kind: 'addToDictionary', word: 'Driftwod' } },
    ]);
    expect(t[3]).toEqual({ type: 'separator' });
    expect(t.slice(4).map((i) => i.role)).toEqual(['cut', 'copy', 'paste', 'selectAll']);
  });

  it('says so when there are no suggestions', () => {
    const t = buildContextMenuTemplate(input({ misspelledWord: 'Lanternfsh' }), isSafeExternalUrl);
    expect(t[0]).toEqual({ label: 'No Spelling Suggestions', enabled: false });
  });

  it('keeps at most six suggestions', () => {
    const t = buildContextMenuTemplate(input({ misspelledWord: 'x', dictionarySuggestions: 'abcdefghij'.split('') }), isSafeExternalUrl);
    expect(t.filter((i) => i.action?.kind === 'replaceMisspelling')).toHaveLength(6);
  });

  it('follows the edit flags', () => {
    const t = buildContextMenuTemplate(input({ editFlags: { ...flags, canCut: false, canPaste: false } }), isSafeExternalUrl);
    expect(t).toEqual([
      { role: 'cut', enabled: false },
      { role: 'copy', enabled: true },
      { role: 'paste', enabled: false },
      { role: 'selectAll', enabled: true },
    ]);
  });

  it('offers to open http(s) links in the browser, never other schemes', () => {
    const web = buildContextMenuTemplate(input({ isEditable: false, linkURL: 'https://driftwood-summit.example/2025' }), isSafeExternalUrl);
    expect(web.map((i) => i.label)).toEqual(['Open Link in Browser', 'Copy Link']);
    const file = buildContextMenuTemplate(input({ isEditable: false, linkURL: 'file:///etc/passwd' }), isSafeExternalUrl);
    expect(file).toEqual([]);
  });

  it('offers Copy for selected read-only text, and nothing for an empty spot', () => {
    expect(buildContextMenuTemplate(input({ isEditable: false, selectionText: 'Port Alder' }), isSafeExternalUrl)).toEqual([{ role: 'copy', enabled: true }]);
    expect(buildContextMenuTemplate(input({ isEditable: false }), isSafeExternalUrl)).toEqual([]);
  });
});
