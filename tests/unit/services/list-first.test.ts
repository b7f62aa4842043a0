// The post list goes first on the disk worker's thread (site-disk-jobs.ts): while a listing is
// under way the search index's build waits between slices, so a large site's list is not slowed
// by reading every post for the index at the same time.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SiteDiskJobs } from '../../../electron/services/worker/site-disk-jobs';

let root = '';
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
};

describe('the post list goes first', () => {
  it('the search index build waits while a listing is under way, and goes on after it', async () => {
    root = mkdtempSync(join(tmpdir(), 'pw-list-first-'));
    const contentDir = join(root, 'content');
    mkdirSync(join(contentDir, 'blog'), { recursive: true });
    for (let i = 0; i < 1200; i++) writeFileSync(join(contentDir, 'blog', `post-${i}.md`), `---\ntitle: Post ${i}\n---\nHarbor ${i}.\n`);
    const jobs = new SiteDiskJobs({ site: { root, contentDir, name: 'test' } as never, dataDir: null });
    let release!: () => void;
    void jobs.noteListing(new Promise<void>((r) => (release = r)));
    const search = await jobs.search();
    // One slice (500 posts) is read, then the build waits for the listing.
    await vi.waitFor(() => expect(search.size).toBe(500), { interval: 5 });
    await turns(50);
    expect(search.size).toBe(500);
    release();
    await search.ready;
    expect(search.size).toBe(1200);
    await jobs.listingsDone();
    await jobs.shutdown();
  });
});
