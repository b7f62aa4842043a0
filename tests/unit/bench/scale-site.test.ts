// The scale bench keeps its generated sites between runs; its git figures (Save version makes
// commits) must leave each site as it found it, or every run measures a longer history than the
// last. A small site (12 posts) goes through the same measurement the bench makes at each size.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatedCommit, git, postPath, scaleSite } from '../../bench/scale/generate-scale-site';
import { measureGitInWorker } from '../../bench/scale/measure-git-in-worker';
import { gitMetrics } from '../../bench/scale/measure-git';

let cache: string;
const saved = process.env.BENCH_SCALE_CACHE;
beforeAll(() => {
  cache = mkdtempSync(join(tmpdir(), 'postwright-scale-test-'));
  process.env.BENCH_SCALE_CACHE = cache;
});
afterAll(() => {
  if (saved === undefined) delete process.env.BENCH_SCALE_CACHE;
  else process.env.BENCH_SCALE_CACHE = saved;
  rmSync(cache, { recursive: true, force: true });
});

const N = 12;
const history = (root: string) => git(root, 'rev-list', '--all').trim().split('\n');

describe('the scale bench on its cached sites', () => {
  it('leaves the site as it found it after measuring status and Save version', async () => {
    const { root } = scaleSite(N, () => {});
    const start = git(root, 'rev-parse', 'HEAD').trim();
    const metrics = gitMetrics(N, [await measureGitInWorker(root, N, 1, 2), await measureGitInWorker(root, N, 1, 2)], false);
    expect(metrics.find((m) => m.name === 'scale_save_version_12_ms')?.value).toBeGreaterThan(0);
    expect(git(root, 'rev-parse', 'HEAD').trim()).toBe(start);
    expect(history(root)).toEqual([start]);
    expect(git(root, 'status', '--porcelain')).toBe('');
  }, 60_000);

  it('puts back a cached site that an earlier run left with versions and edits', () => {
    const { root } = scaleSite(N, () => {});
    const start = generatedCommit(root);
    appendFileSync(join(root, 'content', postPath(1)), '\nAn edit.\n');
    git(root, 'commit', '-qam', 'A version left by an older bench');
    appendFileSync(join(root, 'content', postPath(2)), '\nAn edit not saved.\n');
    const again = scaleSite(N, () => {});
    expect(again.generatedMs).toBeNull();
    expect(git(root, 'rev-parse', 'HEAD').trim()).toBe(start);
    expect(git(root, 'status', '--porcelain')).toBe('');
  });
});
