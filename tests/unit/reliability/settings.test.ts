import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTestApp, type TestApp } from './test-app';
import { DEFAULT_SETTINGS } from '../../../shared/ipc/channels/settings';
import { JsonFileSettings } from '../../../electron/web/web-host-context';
import { readSettings } from '../../../electron/services/settings/settings-service';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.dispose();
  t = undefined;
});

describe('settings', () => {
  it('starts from defaults: update checks off, images 2400 px', async () => {
    t = await makeTestApp();
    expect(await t.dispatch('getSettings', {})).toEqual({ ok: true, value: DEFAULT_SETTINGS });
    expect(DEFAULT_SETTINGS).toMatchObject({ updateChecks: false, imageMaxSize: 2400, theme: 'system' });
  });

  it('changes only the fields given and stores them through the host settings', async () => {
    t = await makeTestApp();
    const env = await t.dispatch('setSettings', { partial: { authorName: 'Mara Quillon', authorEmail: 'mara@lanternfish.example', theme: 'dark' } });
    expect(env).toMatchObject({ ok: true, value: { authorName: 'Mara Quillon', theme: 'dark', imageMaxSize: 2400 } });
    await t.dispatch('setSettings', { partial: { imageMaxSize: 1600, spellCheckLanguage: 'fr-CA', theme: undefined } });
    await (t.app.host.settings as JsonFileSettings).flush();
    const onDisk = JSON.parse(readFileSync(join(t.dataDir, 'settings.json'), 'utf8'));
    expect(onDisk.preferences).toMatchObject({ authorName: 'Mara Quillon', theme: 'dark', imageMaxSize: 1600, spellCheckLanguage: 'fr-CA', updateChecks: false });
  });

  it('refuses invalid values in plain words and changes nothing', async () => {
    t = await makeTestApp();
    for (const partial of [
      { theme: 'neon' },
      { imageMaxSize: 12.5 },
      { imageMaxSize: -1 },
      { authorEmail: 'not an email' },
      { spellCheckLanguage: '../../etc' },
      { updateChecks: 'yes' },
      { unknownField: 1 },
    ]) {
      const env = await t.dispatch('setSettings', { partial });
      expect(env).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    expect(await t.dispatch('getSettings', {})).toEqual({ ok: true, value: DEFAULT_SETTINGS });
  });

  it('falls back per field when the stored settings are damaged', async () => {
    t = await makeTestApp();
    const file = join(t.dataDir, 'settings.json');
    writeFileSync(file, JSON.stringify({ preferences: { theme: 'light', imageMaxSize: 'huge', updateChecks: 1 } }));
    expect(readSettings(new JsonFileSettings(file))).toEqual({ ...DEFAULT_SETTINGS, theme: 'light' });
    writeFileSync(file, JSON.stringify({ preferences: ['x'] }));
    expect(readSettings(new JsonFileSettings(file))).toEqual(DEFAULT_SETTINGS);
  });
});
