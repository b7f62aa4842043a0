// The post list's cache file became binary in version 4 (list-cache-format.ts) and is named
// .bin; the .json file older versions left in the data folder is removed when the site opens,
// never read.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SiteDiskJobs, listCacheFile } from '../../../electron/services/worker/site-disk-jobs';

let root = '';
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('the post list cache file in the data folder', () => {
  it('is written as .bin, and the .json an older version left is removed', async () => {
    root = mkdtempSync(join(tmpdir(), 'pw-list-cache-name-'));
    const contentDir = join(root, 'content');
    const dataDir = join(root, 'data');
    mkdirSync(contentDir, { recursive: true });
    writeFileSync(join(contentDir, 'harbour-day.md'), '---\ntitle: Harbour day\n---\nBoats.\n');
    const file = listCacheFile(dataDir, contentDir);
    expect(file.endsWith('.bin')).toBe(true);
    const old = file.replace(/\.bin$/, '.json');
    mkdirSync(dirname(old), { recursive: true });
    writeFileSync(old, '{"version":3}');
    const jobs = new SiteDiskJobs({ site: { root, contentDir, name: 'test' } as never, dataDir });
    await vi.waitFor(() => expect(existsSync(old)).toBe(false), { interval: 5 });
    expect((await jobs.lister.list()).map((p) => p.title)).toEqual(['Harbour day']);
    await jobs.lister.save();
    expect(existsSync(file)).toBe(true);
    await jobs.shutdown();
  });
});
