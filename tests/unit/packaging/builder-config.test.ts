// electron-builder.yml checked against electron-builder's own configuration schema (the one
// its CLI validates with), plus the project's own rules for installers: targets per OS,
// hardened runtime and notarization on macOS, per-user NSIS with a folder choice, file
// associations, native modules unpacked, fuses, and icons from one source.
import { describe, expect, it } from 'vitest';
import Ajv from 'ajv';
import { parse } from 'yaml';
import sharp from 'sharp';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const repo = resolve(__dirname, '..', '..', '..');
const require = createRequire(import.meta.url);
/** The parts of the configuration these tests read. */
interface BuilderConfig {
  appId: string;
  productName: string;
  asar: boolean;
  asarUnpack: string[];
  files: string[];
  electronFuses: Record<string, boolean>;
  fileAssociations: Array<{ ext: string[]; role: string }>;
  mac: { target: unknown; hardenedRuntime: boolean; notarize: boolean; entitlements: string };
  win: { target: unknown };
  nsis: Record<string, unknown>;
  linux: { target: unknown };
  publish: Record<string, unknown>;
}
const config = parse(readFileSync(join(repo, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const schema = require('app-builder-lib/scheme.json') as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

describe('electron-builder.yml', () => {
  it('is valid against app-builder-lib/scheme.json', () => {
    const ok = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(ok).toBe(true);
  });

  it('is rejected by the schema when it is wrong (the check has teeth)', () => {
    expect(validate({ ...config, mac: { ...config.mac, hardenedRuntime: 'yes' } })).toBe(false);
    expect(validate({ ...config, notAnOption: true })).toBe(false);
  });

  it('names the app and matches package.json', () => {
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { main: string; productName: string };
    expect(config.appId).toBe('dev.postwright.app');
    expect(config.productName).toBe(pkg.productName);
    expect(pkg.main).toBe('dist/electron/main.cjs');
  });

  it('builds dmg and zip for x64 and arm64 on macOS, hardened and notarized from the environment', () => {
    expect(config.mac.target).toEqual([
      { target: 'dmg', arch: ['x64', 'arm64'] },
      { target: 'zip', arch: ['x64', 'arm64'] },
    ]);
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.mac.notarize).toBe(true);
    expect(config.mac.entitlements).toBe('build/entitlements.mac.plist');
    const plist = readFileSync(join(repo, config.mac.entitlements), 'utf8');
    expect(plist).toContain('com.apple.security.cs.allow-jit');
    // Nothing beyond what V8 needs.
    expect(plist).not.toMatch(/device\.camera|device\.audio-input|disable-library-validation|allow-dyld-environment-variables/);
  });

  it('builds a per-user NSIS installer for x64 and arm64 that lets the writer choose the folder', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64', 'arm64'] }]);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true });
  });

  it('builds an AppImage and a deb on Linux', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
  });

  it('associates .md and .markdown files', () => {
    expect(config.fileAssociations[0].ext).toEqual(['md', 'markdown']);
    expect(config.fileAssociations[0].role).toBe('Editor');
  });

  it('packs into an asar with sharp unpacked and no sources or maps', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['node_modules/sharp/**', 'node_modules/@img/**']));
    expect(config.files).toEqual(expect.arrayContaining(['dist/electron/**', 'dist/renderer/**', '!dist/**/*.map']));
  });

  it('sets the Electron fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('has the icon in every size, from the one source', async () => {
    expect(existsSync(join(repo, 'build', 'icon.svg'))).toBe(true);
    expect(await sharp(join(repo, 'build', 'icon.png')).metadata()).toMatchObject({ width: 1024, height: 1024 });
    for (const n of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
      expect(await sharp(join(repo, 'build', 'icons', `${n}x${n}.png`)).metadata(), `${n}`).toMatchObject({ width: n, height: n });
    }
  });

  it('publishes to GitHub releases (the update feed) as drafts', () => {
    expect(config.publish).toMatchObject({ provider: 'github', releaseType: 'draft' });
  });
});
