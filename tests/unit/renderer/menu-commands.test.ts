// The menu-command registry: features register the commands they own, the latest registration
// wins while it lasts, and commands nobody handles are reported as unhandled (the app shell's
// own handler gets them). Also the Settings form's checks, which share main's schema.
import { describe, expect, it } from 'vitest';
import { createMenuCommandRegistry } from '../../../renderer/app/menu-commands';
import { draftFrom, readDraft } from '../../../renderer/settings/settings-form';
import { spellOptions, SPELL_LANGUAGES } from '../../../renderer/settings/spell-languages';
import { DEFAULT_SETTINGS, Settings } from '../../../shared/ipc/channels/settings';
import { MENU_COMMANDS } from '../../../shared/ipc/preload-api';

describe('menu-command registry', () => {
  it('runs the registered handler with the command’s argument and says whether anyone handled it', () => {
    const r = createMenuCommandRegistry();
    const seen: Array<string | undefined> = [];
    expect(r.run('theme', 'dark')).toBe(false);
    const off = r.register('theme', (arg) => seen.push(arg));
    expect(r.has('theme')).toBe(true);
    expect(r.run('theme', 'dark')).toBe(true);
    expect(r.run('openSettings')).toBe(false);
    off();
    expect(r.run('theme', 'light')).toBe(false);
    expect(r.has('theme')).toBe(false);
    expect(seen).toEqual(['dark']);
  });

  it('lets the latest registration win and gives the command back when it unregisters', () => {
    const r = createMenuCommandRegistry();
    const calls: string[] = [];
    const offEditor = r.register('find', () => calls.push('editor'));
    const offDialog = r.register('find', () => calls.push('dialog'));
    r.run('find');
    offDialog();
    r.run('find');
    // Unregistering twice, or out of order, never removes someone else's handler.
    offDialog();
    r.run('find');
    offEditor();
    expect(r.run('find')).toBe(false);
    expect(calls).toEqual(['dialog', 'editor', 'editor']);
  });

  it('keeps two registrations of the same function apart', () => {
    const r = createMenuCommandRegistry();
    let n = 0;
    const fn = () => n++;
    const a = r.register('save', fn);
    const b = r.register('save', fn);
    a();
    r.run('save');
    b();
    expect(r.run('save')).toBe(false);
    expect(n).toBe(1);
  });

  it('ignores unknown command names from main without throwing', () => {
    const r = createMenuCommandRegistry();
    expect(r.run('noSuchCommand', 'x')).toBe(false);
  });

  it('has the theme command main sends after View > Theme', () => {
    expect(MENU_COMMANDS).toContain('theme');
    expect(MENU_COMMANDS).toContain('openSettings');
  });
});

describe('the Settings form', () => {
  const base = draftFrom({ ...DEFAULT_SETTINGS, authorName: 'Mara Quill' });

  it('turns a filled-in form into settings main accepts, trimming what was typed', () => {
    const r = readDraft({ ...base, authorName: '  Mara Quill ', authorEmail: ' mara@lanternfish.example ', imageMaxSize: ' 1600 ', theme: 'dark', updateChecks: true });
    expect(r).toEqual({
      ok: true,
      settings: { ...DEFAULT_SETTINGS, authorName: 'Mara Quill', authorEmail: 'mara@lanternfish.example', imageMaxSize: 1600, theme: 'dark', updateChecks: true },
    });
    if (r.ok) expect(Settings.safeParse(r.settings).success).toBe(true);
  });

  it('says what is wrong with each field, in plain words', () => {
    const r = readDraft({ ...base, authorEmail: 'mara at lanternfish', imageMaxSize: '12a', authorName: 'x'.repeat(201) });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.authorEmail).toMatch(/email address/);
    expect(r.errors.imageMaxSize).toBe('Type a whole number of pixels from 320 to 16384.');
    expect(r.errors.authorName).toMatch(/200 characters/);
    expect(readDraft({ ...base, imageMaxSize: '100' }).ok).toBe(false);
    expect(readDraft({ ...base, imageMaxSize: '' }).ok).toBe(false);
    expect(readDraft({ ...base, authorEmail: '' }).ok).toBe(true);
  });

  it('offers spell-check languages the schema accepts, and keeps an unlisted stored one', () => {
    for (const l of SPELL_LANGUAGES) expect(Settings.shape.spellCheckLanguage.safeParse(l.tag).success, l.tag).toBe(true);
    expect(spellOptions('en-US')).toBe(SPELL_LANGUAGES);
    expect(spellOptions('en-NZ')[0]).toEqual({ tag: 'en-NZ', label: 'en-NZ' });
    expect(readDraft({ ...base, spellCheckLanguage: '' }).ok).toBe(true);
  });
});
