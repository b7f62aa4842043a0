// The GitHub workflows parse, test on the three OSes, and release on version tags.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const dir = resolve(__dirname, '..', '..', '..', '.github', 'workflows');
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, { strategy: { matrix: { os?: string[]; include?: Array<{ os: string; args: string }> } }; steps: Array<{ run?: string; uses?: string }> }>;
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
