// Runs search-build-worker.ts on a worker thread with the disk worker's heap limits and
// returns its timings: the index built from the posts (empty cache), then read from the cache
// that build wrote (the next launch).
import { fileURLToPath } from 'node:url';
import { startWorker } from '../../../electron/services/worker/worker-entry';
import { DISK_WORKER_LIMITS } from '../../../electron/services/worker/site-disk-worker';

export interface SearchBuildTimes {
  buildMs: number;
  warmMs: number;
  warmFilesRead: number;
}

export function timeSearchBuildInWorker(contentDir: string, cacheFile: string): Promise<SearchBuildTimes> {
  const w = startWorker({ file: fileURLToPath(new URL('./search-build-worker.ts', import.meta.url)), source: true }, { workerData: { contentDir, cacheFile }, resourceLimits: DISK_WORKER_LIMITS });
  return new Promise<SearchBuildTimes>((resolve, reject) => {
    w.once('message', (m: ({ ok: true } & SearchBuildTimes) | { ok: false; message: string }) => (m.ok ? resolve({ buildMs: m.buildMs, warmMs: m.warmMs, warmFilesRead: m.warmFilesRead }) : reject(new Error(m.message))));
    w.once('error', reject);
    w.once('exit', (code) => reject(new Error(`the search build worker stopped (exit code ${code})`)));
  }).finally(() => void w.terminate());
}
