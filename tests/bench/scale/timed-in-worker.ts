// Runs timed-job-worker.ts on worker threads with the disk worker's heap limits and returns its
// timings: a first launch (no cache: every post read) and the next (from the cache the first
// one wrote), each on a thread of its own, as each launch of the app starts its own disk worker.
// Both on one thread, the next launch ran with code the first had already compiled and with the
// first one's 100,000 summaries still in its heap: at 50,000 posts the first made it faster, at
// 100,000 the second slower, and its growth looked steeper than the app's (exponent 1.14-1.30
// against 0.86-0.90 with a thread per launch, on the same machine in the same hour).
import { fileURLToPath } from 'node:url';
import { startWorker } from '../../../electron/services/worker/worker-entry';
import { DISK_WORKER_LIMITS } from '../../../electron/services/worker/site-disk-worker';

export interface JobRequest {
  /** 'status': the first git status of a launch (the repository's own caches as the last left them). */
  job: 'list' | 'search' | 'status';
  contentDir: string;
  /** The list's or the search index's cache ('' for status: its caches are in the repository). */
  cacheFile: string;
  /** The site's folder (status only: where its repository is found). */
  root?: string;
}

export interface JobTimes {
  firstMs: number;
  /** The first of the next launches (nextEachMs: all of them). */
  nextMs: number;
  nextEachMs: number[];
  /** Posts listed or indexed by each. */
  firstCount: number;
  nextCount: number;
  /** Files the next launch read (0: all came from the cache). */
  nextFilesRead: number;
}

/** One launch's job: its time, what it listed or indexed, and how many files it read. */
export interface LaunchTimes {
  ms: number;
  count: number;
  filesRead: number;
}

/** `nextLaunches`: how many launches after the first are timed (each with the cache as the first left it). */
export async function timeInDiskWorkerHeap(req: JobRequest, nextLaunches = 1): Promise<JobTimes> {
  const first = await timeOneLaunch(req, 'first');
  const next: LaunchTimes[] = [];
  for (let i = 0; i < Math.max(1, nextLaunches); i++) next.push(await timeOneLaunch(req, 'next'));
  // The checks a caller makes hold for every next launch: a count that differs, most files read.
  const nextCount = next.find((l) => l.count !== first.count)?.count ?? first.count;
  const nextFilesRead = Math.max(...next.map((l) => l.filesRead));
  return { firstMs: first.ms, nextMs: next[0].ms, nextEachMs: next.map((l) => l.ms), firstCount: first.count, nextCount, nextFilesRead };
}

/**
 * The first git status of `launches` launches, each on a thread of its own with the disk
 * worker's heap, where the app runs it (site-disk-jobs.ts StatusJob). On the bench's own
 * thread (V8's default young generation, and whatever the bench had left in its heap) it grew
 * faster than the site: exponent 1.19 to 1.64 between 50,000 and 100,000 posts.
 */
export async function timeStatusLaunches(req: JobRequest, launches: number): Promise<LaunchTimes[]> {
  const out: LaunchTimes[] = [];
  for (let i = 0; i < launches; i++) out.push(await timeOneLaunch(req, 'next'));
  return out;
}

/** `first`: the cache file is removed first (a first launch); `next`: the one left is used. */
function timeOneLaunch(req: JobRequest, launch: 'first' | 'next'): Promise<LaunchTimes> {
  const w = startWorker({ file: fileURLToPath(new URL('./timed-job-worker.ts', import.meta.url)), source: true }, { workerData: { ...req, launch }, resourceLimits: DISK_WORKER_LIMITS });
  return new Promise<LaunchTimes>((resolve, reject) => {
    w.once('message', (m: { ok: true; times: LaunchTimes } | { ok: false; message: string }) => (m.ok ? resolve(m.times) : reject(new Error(m.message))));
    w.once('error', reject);
    w.once('exit', (code) => reject(new Error(`the timed job's worker stopped (exit code ${code})`)));
  }).finally(() => void w.terminate());
}
