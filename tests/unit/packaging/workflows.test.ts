// The GitHub workflows parse, test on the three OSes, and release on version tags.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const dir = resolve(__dirname, '..', '..', '..', '.github', 'workflows');
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, { env?: Record<string, string>; strategy: { matrix: { os?: string[]; include?: Array<{ os: string; args: string }> } }; steps: Array<{ run?: string; uses?: string; if?: string }> }>;
}
const load = (f: string) => parse(readFileSync(join(dir, f), 'utf8')) as Workflow;

describe('GitHub workflows', () => {
  it('CI runs npm test on Linux, macOS and Windows', () => {
    const ci = load('ci.yml');
    const job = ci.jobs.test;
    expect(job.strategy.matrix.os).toEqual(['ubuntu-latest', 'macos-latest', 'windows-latest']);
    expect(job.steps.some((s) => /\bnpm test\b/.test(s.run ?? ''))).toBe(true);
    expect(Object.keys(ci.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
  });

  it("CI fetches Electron's binary after npm ci and requires the Electron spec to run (under xvfb-run on Linux)", () => {
    const job = load('ci.yml').jobs.test;
    const runs = job.steps.map((s) => s.run ?? '');
    const install = runs.findIndex((r) => /npm ci\b/.test(r));
    const binary = runs.findIndex((r) => r.includes('node node_modules/electron/install.js'));
    expect(install).toBeGreaterThanOrEqual(0);
    expect(binary).toBeGreaterThan(install);
    expect(job.env?.POSTWRIGHT_REQUIRE_ELECTRON).toBe('1');
    const linux = job.steps.find((s) => s.if === "runner.os == 'Linux'" && /\bnpm test\b/.test(s.run ?? ''));
    expect(linux?.run).toMatch(/^xvfb-run -a npm test/);
    expect(job.steps.find((s) => s.if === "runner.os != 'Linux'" && /\bnpm test\b/.test(s.run ?? ''))).toBeDefined();
  });

  it('Release launches each built app once (--smoke-test) before uploading the installers', () => {
    const steps = load('release.yml').jobs.installers.steps;
    const build = steps.findIndex((s) => /electron-builder/.test(s.run ?? ''));
    const smoke = steps.findIndex((s) => /--smoke-test/.test(s.run ?? ''));
    const upload = steps.findIndex((s) => s.uses?.startsWith('actions/upload-artifact'));
    expect(build).toBeGreaterThanOrEqual(0);
    expect(smoke).toBeGreaterThan(build);
    expect(upload).toBeGreaterThan(smoke);
    for (const exe of ['linux-unpacked/postwright', 'Postwright.app/Contents/MacOS/Postwright', 'Postwright.exe']) expect(steps[smoke].run).toContain(exe);
  });

  it('Release builds each OS on a version tag and uploads the installers', () => {
    const rel = load('release.yml');
    expect(rel.on).toEqual({ push: { tags: ['v*.*.*'] } });
    const job = rel.jobs.installers;
    expect(job.strategy.matrix.include?.map((i) => i.args).sort()).toEqual(['--linux', '--mac', '--win']);
    const build = job.steps.find((s) => /electron-builder/.test(s.run ?? ''));
    expect(build?.run).toContain('--config electron-builder.yml');
    expect(job.steps.some((s) => s.uses?.startsWith('actions/upload-artifact'))).toBe(true);
  });
});
