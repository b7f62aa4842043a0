// The scale bench's post listing and search index build, timed on a thread set up as the app's
// disk worker (site-disk-worker.ts DISK_WORKER_LIMITS): the app lists posts and builds the index
// there, and the nursery size decides how their garbage collection grows with the site. Timed
// on the bench's own thread, the figures were of a heap the app never uses. Started by
// timed-in-worker.ts, once per launch: the first (no cache) writes the cache the next one reads.
import { rmSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { PostLister } from '../../../electron/services/site/list-posts';
import { SearchService } from '../../../electron/services/search/search-service';
import { StatusJob } from '../../../electron/services/worker/site-disk-jobs';
import type { JobRequest, LaunchTimes } from './timed-in-worker';

const req = workerData as JobRequest & { launch: 'first' | 'next' };

async function run(): Promise<LaunchTimes> {
  if (req.launch === 'first' && req.cacheFile) rmSync(req.cacheFile, { force: true });
  if (req.job === 'status') {
    // As the app's disk worker does it; its caches are written on shutdown, as when a site closes.
    const t0 = performance.now();
    const job = new StatusJob({ root: req.root!, contentDir: req.contentDir });
    const status = await job.repoStatus();
    const ms = performance.now() - t0;
    await job.shutdown();
    return { ms, count: Object.keys(status?.posts ?? {}).length, filesRead: 0 };
  }
  if (req.job === 'list') {
    const t0 = performance.now();
    const lister = new PostLister(req.contentDir, req.cacheFile);
    const posts = await lister.list();
    const ms = performance.now() - t0;
    await lister.save();
    return { ms, count: posts.length, filesRead: lister.filesRead };
  }
  const t0 = performance.now();
  const service = new SearchService({ contentDir: req.contentDir }, { cacheFile: req.cacheFile });
  await service.ready;
  const ms = performance.now() - t0;
  await service.save();
  await service.shutdown();
  return { ms, count: service.size, filesRead: service.filesRead };
}

run().then(
  (r) => parentPort!.postMessage({ ok: true, times: r }),
  (e: unknown) => parentPort!.postMessage({ ok: false, message: String(e) }),
);
