// The update rules, without Electron: off until the writer agrees, never a download without a
// yes, a skipped version stays quiet, and every question and failure is said in plain words.
import { describe, expect, it } from 'vitest';
import {
  actionFor,
  CHECK_INTERVAL_MS,
  compareVersions,
  decideCheck,
  decideOffer,
  downloadedPrompt,
  EMPTY_UPDATE_MEMORY,
  errorPrompt,
  msUntilNextCheck,
  plainNotes,
  quietPrompt,
  readUpdateMemory,
  rememberAnswer,
  type OfferContext,
} from '../../../electron/menu/update-policy';
import { buildMenuTemplate, flattenMenu, type Platform } from '../../../electron/menu/menu-template';
import { DEFAULT_SETTINGS } from '../../../shared/ipc/channels/settings';

const now = Date.UTC(2025, 5, 1, 12);
const mem = EMPTY_UPDATE_MEMORY;

describe('whether to check', () => {
  it('is off by default: the settings default says no, so no check runs', () => {
    expect(DEFAULT_SETTINGS.updateChecks).toBe(false);
    expect(decideCheck({ enabled: DEFAULT_SETTINGS.updateChecks, manual: false, packaged: true, now, memory: mem })).toEqual({ check: false, reason: 'off' });
  });

  it('checks once the writer turned checks on, then at most once a day', () => {
    expect(decideCheck({ enabled: true, manual: false, packaged: true, now, memory: mem })).toEqual({ check: true });
    const justChecked = { ...mem, lastCheckAt: now - 60_000 };
    expect(decideCheck({ enabled: true, manual: false, packaged: true, now, memory: justChecked })).toEqual({ check: false, reason: 'too-soon' });
    const yesterday = { ...mem, lastCheckAt: now - CHECK_INTERVAL_MS };
    expect(decideCheck({ enabled: true, manual: false, packaged: true, now, memory: yesterday })).toEqual({ check: true });
    // A clock set back does not block checks forever.
    expect(decideCheck({ enabled: true, manual: false, packaged: true, now, memory: { ...mem, lastCheckAt: now + 5 * CHECK_INTERVAL_MS } })).toEqual({ check: true });
  });

  it('checks when asked from the menu even with automatic checks off, but never in a development run', () => {
    expect(decideCheck({ enabled: false, manual: true, packaged: true, now, memory: { ...mem, lastCheckAt: now } })).toEqual({ check: true });
    expect(decideCheck({ enabled: true, manual: true, packaged: false, now, memory: mem })).toEqual({ check: false, reason: 'not-packaged' });
  });

  it('schedules the next automatic check', () => {
    expect(msUntilNextCheck(mem, now)).toBe(0);
    expect(msUntilNextCheck({ ...mem, lastCheckAt: now - 1000 }, now)).toBe(CHECK_INTERVAL_MS - 1000);
    expect(msUntilNextCheck({ ...mem, lastCheckAt: now - 2 * CHECK_INTERVAL_MS }, now)).toBe(0);
  });

  it('reads damaged memory as nothing remembered', () => {
    expect(readUpdateMemory(undefined)).toEqual(mem);
    expect(readUpdateMemory('x')).toEqual(mem);
    expect(readUpdateMemory([1])).toEqual(mem);
    expect(readUpdateMemory({ lastCheckAt: 'soon', skippedVersion: 3 })).toEqual(mem);
    expect(readUpdateMemory({ lastCheckAt: 5, skippedVersion: '1.2.0' })).toEqual({ lastCheckAt: 5, skippedVersion: '1.2.0' });
  });
});

describe('what to ask about an offered version', () => {
  const ctx: OfferContext = { appName: 'Postwright', currentVersion: '0.1.0', manual: false, memory: mem, downloadedVersion: null };

  it('asks before downloading, with Download, Not Now and Skip This Version; Escape means Not Now', () => {
    const d = decideOffer({ version: '0.2.0', releaseNotes: '<p>Faster <b>saving</b> &amp; a gallery.</p>', size: 94_500_000 }, ctx);
    expect(d.kind).toBe('ask');
    if (d.kind !== 'ask') return;
    const p = d.prompt;
    expect(p.message).toBe('Postwright 0.2.0 is available.');
    expect(p.detail).toContain('You have version 0.1.0');
    expect(p.detail).toContain('about 95 MB');
    expect(p.detail).toContain('Faster saving & a gallery.');
    expect(p.detail).toContain('Nothing is downloaded unless you choose Download.');
    expect(p.buttons).toEqual(['Download', 'Not Now', 'Skip This Version']);
    expect(actionFor(p, 0)).toBe('download');
    expect(actionFor(p, p.cancelId)).toBe('later');
    expect(actionFor(p, 2)).toBe('skip');
    expect(actionFor(p, 99)).toBe('later');
  });

  it('stays quiet about versions that are not newer, skipped, or already downloaded', () => {
    expect(decideOffer({ version: '0.1.0' }, ctx)).toEqual({ kind: 'quiet', reason: 'not-newer' });
    expect(decideOffer({ version: '0.0.9' }, ctx)).toEqual({ kind: 'quiet', reason: 'not-newer' });
    const skipped = { ...ctx, memory: rememberAnswer(mem, { version: '0.2.0' }, 'skip') };
    expect(decideOffer({ version: '0.2.0' }, skipped)).toEqual({ kind: 'quiet', reason: 'skipped' });
    // A newer one than the skipped version is asked about, and so is the skipped one on request.
    expect(decideOffer({ version: '0.2.1' }, skipped).kind).toBe('ask');
    expect(decideOffer({ version: '0.2.0' }, { ...skipped, manual: true }).kind).toBe('ask');
    expect(decideOffer({ version: '0.2.0' }, { ...ctx, downloadedVersion: '0.2.0' })).toEqual({ kind: 'quiet', reason: 'already-downloaded' });
  });

  it('remembers only a skip, and a download undoes it', () => {
    const skipped = rememberAnswer(mem, { version: '0.2.0' }, 'skip');
    expect(skipped.skippedVersion).toBe('0.2.0');
    expect(rememberAnswer(skipped, { version: '0.2.0' }, 'later')).toEqual(skipped);
    expect(rememberAnswer(skipped, { version: '0.2.0' }, 'download').skippedVersion).toBeNull();
  });

  it('compares versions the way releases are numbered', () => {
    expect(compareVersions('1.10.0', '1.9.2')).toBe(1);
    expect(compareVersions('v1.2.0', '1.2')).toBe(0);
    expect(compareVersions('1.2.0-beta.1', '1.2.0')).toBe(-1);
    expect(compareVersions('1.2.0', '1.2.0-rc.1')).toBe(1);
    expect(compareVersions('0.1.0', '0.2.0')).toBe(-1);
  });

  it('turns release notes into short plain text', () => {
    expect(plainNotes(null)).toBe('');
    expect(plainNotes([{ version: '0.2.0', note: '<ul><li>One</li><li>Two</li></ul>' }])).toBe('One\nTwo');
    const long = plainNotes('word '.repeat(400), 100);
    expect(long.length).toBeLessThanOrEqual(100);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('after a download, and when there is nothing to ask', () => {
  it('installs on quit unless the writer picks Restart Now', () => {
    const p = downloadedPrompt('Postwright', '0.2.0');
    expect(p.message).toBe('Postwright 0.2.0 is ready to install.');
    expect(p.detail).toContain('next time you quit');
    expect(actionFor(p, p.defaultId)).toBe('later');
    expect(actionFor(p, p.cancelId)).toBe('later');
    expect(actionFor(p, p.buttons.indexOf('Restart Now'))).toBe('restart');
  });

  it('answers a menu check in plain words and keeps automatic checks silent', () => {
    expect(quietPrompt('Postwright', '0.1.0', { kind: 'none' }, false)).toBeNull();
    expect(quietPrompt('Postwright', '0.1.0', { kind: 'none' }, true)?.message).toBe('You have the latest version of Postwright.');
    expect(quietPrompt('Postwright', '0.1.0', { check: false, reason: 'not-packaged' }, true)?.message).toBe('This copy cannot update itself.');
    expect(errorPrompt('Postwright', new Error('getaddrinfo ENOTFOUND github.com'), false, 'check')).toBeNull();
    const offline = errorPrompt('Postwright', new Error('getaddrinfo ENOTFOUND github.com'), true, 'check');
    expect(offline?.message).toBe('Postwright could not check for updates.');
    expect(offline?.detail).toContain('offline');
    expect(offline?.detail).not.toContain('ENOTFOUND');
    // A failed download the writer asked for is always reported.
    expect(errorPrompt('Postwright', new Error('sha512 checksum mismatch'), false, 'download')?.message).toBe('Postwright could not download the update.');
  });
});

describe.each<Platform>(['darwin', 'win32', 'linux'])('Check for Updates… on %s', (platform) => {
  it('is in the menu where the OS expects it (app menu on macOS, Help elsewhere)', () => {
    const t = buildMenuTemplate({ platform, appName: 'Postwright', recentSites: [], theme: 'system', hasSite: false, developer: false });
    const where = t.find((m) => flattenMenu(m.submenu ?? []).some((i) => i.mainCommand === 'checkForUpdates'));
    expect(where?.id ?? where?.role).toBe(platform === 'darwin' ? 'app' : 'help');
    expect(flattenMenu(t).filter((i) => i.mainCommand === 'checkForUpdates')).toHaveLength(1);
  });
});
