// package.json tells the truth about what the project needs: the Node it runs on (Vite 7 and
// Electron 45's tooling), the same Node in GitHub's workflows and in @types/node, every package
// of the design card present, and every install script reviewed (npm 11 skips unreviewed ones
// with a warning at each `npm ci`). Which packages are run-time dependencies is checked on the
// packed app (pack.test.ts).
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const repo = resolve(__dirname, '..', '..', '..');
interface Pkg {
  engines: { node: string };
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  allowScripts: Record<string, boolean>;
}
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as Pkg;
const lock = JSON.parse(readFileSync(join(repo, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version: string; hasInstallScript?: boolean; dev?: boolean }> };
const all = { ...pkg.dependencies, ...pkg.devDependencies };

describe('package.json', () => {
  it('keeps every package of the design card', () => {
    for (const name of ['electron', 'react', 'react-dom', '@milkdown/core', 'gray-matter', 'electron-store', 'vite', 'playwright']) {
      expect(all, name).toHaveProperty([name]);
    }
    expect(all).not.toHaveProperty(['remark-stringify']);
  });

  it('asks for the Node that Vite 7 and Electron 45 need, and the workflows and types use Node 22', () => {
    expect(pkg.engines.node).toBe('^20.19.0 || >=22.12.0');
    expect(pkg.devDependencies['@types/node']).toMatch(/^\^22\./);
    const dir = join(repo, '.github', 'workflows');
    for (const file of readdirSync(dir)) {
      const wf = parse(readFileSync(join(dir, file), 'utf8')) as { jobs: Record<string, { steps: Array<{ uses?: string; with?: { 'node-version'?: unknown } }> }> };
      for (const job of Object.values(wf.jobs)) {
        for (const step of job.steps.filter((s) => s.uses?.startsWith('actions/setup-node'))) {
          expect(String(step.with?.['node-version']), `${file}`).toBe('22');
        }
      }
    }
  });

  it('has reviewed every install script in the lock file (approved or denied in allowScripts)', () => {
    const withScripts = new Set(
      Object.entries(lock.packages)
        .filter(([path, p]) => path && p.hasInstallScript)
        .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)),
    );
    const reviewed = new Set(Object.keys(pkg.allowScripts).map((k) => k.replace(/(?<=.)@.*$/, '')));
    expect([...withScripts].filter((name) => !reviewed.has(name))).toEqual([]);
    // Denied: only Squirrel.Windows needs electron-winstaller's 7-Zip copy (we build NSIS), and
    // es5-ext's prints a message in some time zones and does nothing else.
    expect(pkg.allowScripts).toMatchObject({ 'electron-winstaller': false, 'es5-ext': false });
  });
});
