// Runs timed-job-worker.ts on a worker thread with the disk worker's heap limits and returns
// its timings: a first launch (no cache: every post read) and the next (from the cache the
// first one wrote).
import { fileURLToPath } from 'node:url';
import { startWorker } from '../../../electron/services/worker/worker-entry';
import { DISK_WORKER_LIMITS } from '../../../electron/services/worker/site-disk-worker';

export interface JobRequest {
  job: 'list' | 'search';
  contentDir: string;
  cacheFile: string;
}

export interface JobTimes {
  firstMs: number;
  nextMs: number;
  /** Posts listed or indexed by each. */
  firstCount: number;
  nextCount: number;
  /** Files the next launch read (0: all came from the cache). */
  nextFilesRead: number;
}

export function timeInDiskWorkerHeap(req: JobRequest): Promise<JobTimes> {
  const w = startWorker({ file: fileURLToPath(new URL('./timed-job-worker.ts', import.meta.url)), source: true }, { workerData: req, resourceLimits: DISK_WORKER_LIMITS });
  return new Promise<JobTimes>((resolve, reject) => {
    w.once('message', (m: { ok: true; times: JobTimes } | { ok: false; message: string }) => (m.ok ? resolve(m.times) : reject(new Error(m.message))));
    w.once('error', reject);
    w.once('exit', (code) => reject(new Error(`the timed job's worker stopped (exit code ${code})`)));
  }).finally(() => void w.terminate());
}
