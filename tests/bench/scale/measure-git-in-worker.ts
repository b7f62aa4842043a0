// Runs measure-git.ts on a worker thread with the disk worker's heap limits: the app runs git
// status on its disk worker (site-disk-jobs.ts), and on the bench's own thread (V8's default
// young generation, and the bench's heap after the list, search and earlier sizes) the warm
// status grew faster than the site between 50,000 and 100,000 posts (exponent 1.29 in one run)
// where the app's thread does not.
import { fileURLToPath } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { startWorker } from '../../../electron/services/worker/worker-entry';
import { DISK_WORKER_LIMITS } from '../../../electron/services/worker/site-disk-worker';
import { measureGit, type GitSamples } from './measure-git';

interface Job {
  root: string;
  n: number;
  launches: number;
  runs: number;
}

/** measureGit's samples (`launches` first statuses, `runs` edits), taken on a disk worker's thread. */
export function measureGitInWorker(root: string, n: number, launches: number, runs: number): Promise<GitSamples> {
  const w = startWorker({ file: fileURLToPath(import.meta.url), source: true }, { workerData: { root, n, launches, runs } satisfies Job, resourceLimits: DISK_WORKER_LIMITS });
  return new Promise<GitSamples>((resolve, reject) => {
    w.once('message', (m: { ok: true; samples: GitSamples } | { ok: false; message: string }) => (m.ok ? resolve(m.samples) : reject(new Error(m.message))));
    w.once('error', reject);
    w.once('exit', (code) => reject(new Error(`the git bench's worker stopped (exit code ${code})`)));
  }).finally(() => void w.terminate());
}

// On the worker thread: measure, and send the figures back.
if (parentPort && (workerData as Partial<Job> | undefined)?.root) {
  const job = workerData as Job;
  measureGit(job.root, job.n, job.launches, job.runs).then(
    (samples) => parentPort!.postMessage({ ok: true, samples }),
    (e: unknown) => parentPort!.postMessage({ ok: false, message: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
  );
}
