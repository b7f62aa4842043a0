// The scale bench's search index build, timed on a thread set up as the app's disk worker
// (site-disk-worker.ts DISK_WORKER_LIMITS): the app builds the index there, and the nursery
// size decides how its garbage collection grows with the site. Measured on the bench's own
// thread, the figure was of a heap the app never uses. Started by search-build-in-worker.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { SearchService } from '../../../electron/services/search/search-service';

const { contentDir, cacheFile } = workerData as { contentDir: string; cacheFile: string };

async function time(): Promise<{ buildMs: number; warmMs: number; warmFilesRead: number }> {
  let t0 = performance.now();
  const first = new SearchService({ contentDir }, { cacheFile });
  await first.ready;
  const buildMs = performance.now() - t0;
  await first.save();
  await first.shutdown();
  t0 = performance.now();
  const next = new SearchService({ contentDir }, { cacheFile });
  await next.ready;
  const warmMs = performance.now() - t0;
  await next.shutdown();
  return { buildMs, warmMs, warmFilesRead: next.filesRead };
}

time().then(
  (r) => parentPort!.postMessage({ ok: true, ...r }),
  (e: unknown) => parentPort!.postMessage({ ok: false, message: String(e) }),
);
