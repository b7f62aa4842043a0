// Packs the app for real with electron-builder (`--dir`), but with `electronDist` pointing at
// a stand-in Electron (the real zip cannot be downloaded here): an `electron` file that holds
// only the fuse wire. Then lists the resulting app.asar with @electron/asar and checks what is
// in it and what is not, that sharp is unpacked, that every package main.cjs requires at run
// time is there, and that the fuses were flipped in the binary.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { build, createBuilder } from 'vite';

const repo = resolve(__dirname, '..', '..', '..');
const require = createRequire(import.meta.url);
const cli = join(repo, 'node_modules', 'electron-builder', 'cli.js');
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Fuse wire v1 order (see @electron/fuses): '0' off, '1' on.
const FUSES = ['runAsNode', 'enableCookieEncryption', 'enableNodeOptionsEnvironmentVariable', 'enableNodeCliInspectArguments', 'enableEmbeddedAsarIntegrityValidation', 'onlyLoadAppFromAsar', 'loadBrowserProcessSpecificV8Snapshot', 'grantFileProtocolExtraPrivileges'];

function skipReason(): string | null {
  if (process.platform === 'win32') return 'the stand-in Electron is Linux-shaped; Windows installers are built by the release workflow';
  if (!existsSync(cli)) return 'electron-builder is not installed';
  const v = spawnSync(process.execPath, [cli, '--version'], { encoding: 'utf8' });
  if (v.status !== 0) return `electron-builder cannot run on Node ${process.version}: ${v.stderr.trim().split('\n')[0]}`;
  return null;
}
const reason = skipReason();

/** Node's lookup of a package folder (nearest node_modules upwards), without its `exports` rules. */
function findManifest(pkg: string, from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', pkg, 'package.json');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`${pkg} is not installed (looked up from ${from})`);
  }
}
if (reason) console.log(`[packaging] pack test skipped: ${reason}`);

const work = join(tmpdir(), `postwright-pack-${process.pid}`);
// The repository itself is packed, as the release workflow does: electron-builder lists the
// production dependencies with `npm list` in the project folder, and a copy of the project with
// a symlinked node_modules makes npm (reading its hidden lockfile) see every package as a link
// without dependencies, so a clean `npm ci` checkout packed an app without fs-extra or @img.
const project = repo;
const out = join(work, 'out');
const fakeElectron = join(work, 'electron-dist');
/** A source map put next to the built shell, to prove maps stay out (removed afterwards). */
const strayMap = join(repo, 'dist', 'electron', 'pack-test-stray.cjs.map');
let files: string[] = [];
let asarFile = '';
let unpacked = '';
let binary: Buffer = Buffer.alloc(0);
let updateFeed: string | null = null;

beforeAll(async () => {
  if (reason) return;
  rmSync(work, { recursive: true, force: true });
  // The shell is built fresh from the sources; the renderer only if no build is there yet
  // (`npm test` builds it before the unit tests).
  const builder = await createBuilder({ configFile: join(repo, 'vite.electron.config.ts'), logLevel: 'error' });
  await builder.buildApp();
  if (!existsSync(join(repo, 'dist', 'renderer', 'index.html'))) {
    await build({ configFile: join(repo, 'vite.config.ts'), logLevel: 'error' });
  }
  writeFileSync(strayMap, '{}');
  // The stand-in Electron: an executable holding the fuse wire, every fuse on.
  mkdirSync(fakeElectron, { recursive: true });
  writeFileSync(join(fakeElectron, 'electron'), Buffer.concat([Buffer.alloc(64), Buffer.from(SENTINEL), Buffer.from([1, 8, ...Array(8).fill(0x31)]), Buffer.alloc(64)]), { mode: 0o755 });
  writeFileSync(join(fakeElectron, 'LICENSE'), 'stand-in');
  writeFileSync(join(fakeElectron, 'version'), '45.4.1');

  const r = spawnSync(
    process.execPath,
    [cli, '--linux', 'dir', '--config', 'electron-builder.yml', '--publish', 'never', `-c.electronDist=${fakeElectron}`, `-c.directories.output=${out}`, '-c.npmRebuild=false'],
    { cwd: project, encoding: 'utf8', timeout: 240_000, env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false', ELECTRON_BUILDER_OFFLINE: 'true' } },
  );
  if (r.status !== 0) throw new Error(`electron-builder failed:\n${r.stdout}\n${r.stderr}`);
  const resources = join(out, 'linux-unpacked', 'resources');
  const asar = require('@electron/asar') as { listPackage(p: string): string[] };
  asarFile = join(resources, 'app.asar');
  files = asar.listPackage(asarFile).map((f) => f.replace(/\\/g, '/'));
  unpacked = join(resources, 'app.asar.unpacked');
  const feed = join(resources, 'app-update.yml');
  updateFeed = existsSync(feed) ? readFileSync(feed, 'utf8') : null;
  binary = readFileSync(join(out, 'linux-unpacked', 'postwright'));
}, 300_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(strayMap, { force: true });
});

describe.skipIf(reason !== null)('the packed app', () => {
  it('holds the built shell and renderer and package.json', () => {
    for (const f of ['/package.json', '/dist/electron/main.cjs', '/dist/electron/preload.cjs', '/dist/renderer/index.html']) {
      expect(files, f).toContain(f);
    }
    expect(files.some((f) => /^\/dist\/renderer\/assets\/[^/]+\.js$/.test(f))).toBe(true);
  });

  it('holds no sources, tests, sample site, maps or build files', () => {
    const bad = files.filter(
      (f) =>
        /\.(map|tsx?|mts|cts)$/.test(f) ||
        /^\/(electron|renderer|shared|tests|content|build|src)(\/|$)/.test(f) ||
        /^\/(tsconfig\.json|vite\.config\.ts|electron-builder\.yml|package-lock\.json)$/.test(f),
    );
    expect(bad).toEqual([]);
  });

  it('holds no dev dependencies and none of what Vite already bundled', () => {
    const packages = new Set(files.filter((f) => f.startsWith('/node_modules/')).map((f) => f.split('/').slice(2, f.split('/')[2].startsWith('@') ? 4 : 3).join('/')));
    for (const dev of ['electron', 'electron-builder', 'vitest', 'vite', 'typescript', 'eslint', '@playwright/test', 'playwright', 'tsx', 'esbuild', 'jsdom', 'react', 'react-dom', '@milkdown/core', '@milkdown/kit', 'electron-store', 'gray-matter', 'isomorphic-git', 'zod', 'yaml']) {
      expect(packages.has(dev), dev).toBe(false);
    }
  });

  it('has every package main.cjs requires at run time', () => {
    const main = readFileSync(join(project, 'dist', 'electron', 'main.cjs'), 'utf8');
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    // Top-level requires only (ajv's generated-code strings mention require too).
    const required = [...main.matchAll(/^(?:const|var|let)\s+\S+\s*=\s*require\("([^"]+)"\)/gm)].map((m) => m[1]);
    const bare = [...new Set(required)].filter((id) => !builtins.has(id) && id !== 'electron');
    for (const id of bare) {
      const pkg = id.startsWith('@') ? id.split('/').slice(0, 2).join('/') : id.split('/')[0];
      const there = files.includes(`/node_modules/${pkg}/package.json`) || existsSync(join(unpacked, 'node_modules', pkg, 'package.json'));
      expect(there, pkg).toBe(true);
    }
    // package.json's "dependencies" are exactly what main loads at run time (electron-updater
    // lazily, see below); everything Vite bundles is a devDependency.
    const pkgJson = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const packages = new Set([...bare.map((id) => (id.startsWith('@') ? id.split('/').slice(0, 2).join('/') : id.split('/')[0])), 'electron-updater']);
    expect(Object.keys(pkgJson.dependencies).sort()).toEqual([...packages].sort());
  });

  it('has electron-updater and everything it requires, loaded only lazily by main', () => {
    // The shell requires electron-updater only once the writer turns update checks on, so the
    // top-level check above does not see it: walk its production dependencies instead.
    // electron-builder may hoist a package differently from the repo's node_modules (with fewer
    // production packages, a nested copy can move up), so each is looked up in the asar the way
    // Node will, from the package that requires it, and must be the version the repo resolves.
    const asar = require('@electron/asar') as { extractFile(archive: string, file: string): Buffer };
    const findInAsar = (pkg: string, fromDir: string): string | null => {
      for (let dir = fromDir; ; dir = dir.slice(0, dir.lastIndexOf('/')) || '/') {
        const candidate = `${dir === '/' ? '' : dir}/node_modules/${pkg}/package.json`;
        if (files.includes(candidate)) return candidate;
        if (dir === '/') return null;
      }
    };
    const seen = new Set<string>();
    const visit = (pkg: string, fromRepo: string, fromAsar: string) => {
      const manifest = findManifest(pkg, fromRepo);
      const inAsar = findInAsar(pkg, fromAsar);
      expect(inAsar, pkg).not.toBeNull();
      if (seen.has(inAsar!)) return;
      seen.add(inAsar!);
      const { version, dependencies = {} } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string; dependencies?: Record<string, string> };
      expect((JSON.parse(asar.extractFile(asarFile, inAsar!.slice(1)).toString('utf8')) as { version: string }).version, pkg).toBe(version);
      for (const dep of Object.keys(dependencies)) visit(dep, join(manifest, '..'), inAsar!.slice(0, -'/package.json'.length));
    };
    visit('electron-updater', repo, '/');
    // electron-builder writes the feed electron-updater reads from the publish config.
    expect(updateFeed).toMatch(/provider: github/);
    expect(updateFeed).toMatch(/owner: postwright/);
    expect(updateFeed).toMatch(/repo: postwright/);
    expect(seen.size).toBeGreaterThan(5);
    const main = readFileSync(join(project, 'dist', 'electron', 'main.cjs'), 'utf8');
    expect(main).toMatch(/require\("electron-updater"\)/);
    expect(main).not.toMatch(/^(?:const|var|let)\s+\S+\s*=\s*require\("electron-updater"\)/m);
  });

  it('unpacks sharp and its native libraries', () => {
    expect(existsSync(join(unpacked, 'node_modules', 'sharp', 'package.json'))).toBe(true);
    const img = readdirSync(join(unpacked, 'node_modules', '@img'));
    expect(img.some((d) => d.startsWith('sharp-'))).toBe(true);
  });

  it('flips the fuses in the Electron binary', () => {
    const at = binary.indexOf(SENTINEL) + SENTINEL.length;
    expect(binary[at]).toBe(1); // wire version
    const wire = Object.fromEntries(FUSES.map((name, i) => [name, String.fromCharCode(binary[at + 2 + i])]));
    expect(wire).toMatchObject({
      runAsNode: '0',
      enableCookieEncryption: '1',
      enableNodeOptionsEnvironmentVariable: '0',
      enableNodeCliInspectArguments: '0',
      enableEmbeddedAsarIntegrityValidation: '1',
      onlyLoadAppFromAsar: '1',
      grantFileProtocolExtraPrivileges: '0',
    });
  });
});
