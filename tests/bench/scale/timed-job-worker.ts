// The scale bench's post listing and search index build, timed on a thread set up as the app's
// disk worker (site-disk-worker.ts DISK_WORKER_LIMITS): the app lists posts and builds the index
// there, and the nursery size decides how their garbage collection grows with the site. Timed
// on the bench's own thread, the figures were of a heap the app never uses. Started by
// timed-in-worker.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { PostLister } from '../../../electron/services/site/list-posts';
import { SearchService } from '../../../electron/services/search/search-service';
import type { JobRequest, JobTimes } from './timed-in-worker';

const req = workerData as JobRequest;

/** First (empty cache) and next launch (the cache the first one wrote). */
async function run(): Promise<JobTimes> {
  if (req.job === 'list') {
    let t0 = performance.now();
    const first = new PostLister(req.contentDir, req.cacheFile);
    const posts = await first.list();
    const firstMs = performance.now() - t0;
    await first.save();
    t0 = performance.now();
    const next = new PostLister(req.contentDir, req.cacheFile);
    const again = await next.list();
    return { firstMs, nextMs: performance.now() - t0, firstCount: posts.length, nextCount: again.length, nextFilesRead: next.filesRead };
  }
  let t0 = performance.now();
  const first = new SearchService({ contentDir: req.contentDir }, { cacheFile: req.cacheFile });
  await first.ready;
  const firstMs = performance.now() - t0;
  await first.save();
  await first.shutdown();
  t0 = performance.now();
  const next = new SearchService({ contentDir: req.contentDir }, { cacheFile: req.cacheFile });
  await next.ready;
  const nextMs = performance.now() - t0;
  await next.shutdown();
  return { firstMs, nextMs, firstCount: first.size, nextCount: next.size, nextFilesRead: next.filesRead };
}

run().then(
  (r) => parentPort!.postMessage({ ok: true, times: r }),
  (e: unknown) => parentPort!.postMessage({ ok: false, message: String(e) }),
);
