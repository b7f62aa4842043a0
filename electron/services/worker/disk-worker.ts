// The disk worker thread's entry: it owns one site's disk-heavy services (site-disk-jobs.ts)
// and answers the main process's calls, so walking, stat-ing and reading tens of thousands of
// files never blocks the main process's event loop (every window and IPC call waits on it).
// Built to its own file for both hosts (vite.electron.config.ts, vite.web.config.ts); under
// tsx and vitest, site-disk-worker.ts starts it from source.
//
// The services here may use *Sync file calls (eslint.config.js allows them in this folder
// only through the services this thread runs): blocking this thread blocks nobody, and for
// thousands of small files one synchronous call each is several times faster than a promise
// each on libuv's four threads.
import { getPriority } from 'node:os';
import { parentPort, resourceLimits, workerData } from 'node:worker_threads';
import { isPostwrightError } from '../../../shared/ipc/errors';
import { SiteDiskJobs, type DiskJobsConfig } from './site-disk-jobs';
import { isSignalArg, type FromWorker, type ToWorker, type WorkerError } from './disk-protocol';
import { lowerThisThreadPriority } from './thread-priority';

if (!parentPort) throw new Error('disk-worker.ts runs only as a worker thread.');
const port = parentPort;
const config = workerData as DiskJobsConfig;
const jobs = new SiteDiskJobs(config);
const running = new Map<number, AbortController>();
/** Whether this thread already runs at background priority (thread-priority.ts). */
let background = false;
/** The search thread: post listings under way on the disk thread (by number), each ended by its resolve. */
const listings = new Map<number, () => void>();

/** The search thread hears of the disk thread's listings: its index build waits while one runs. */
function listingStarted(token: number): void {
  if (listings.has(token)) return;
  void jobs.noteListing(new Promise<void>((resolve) => listings.set(token, resolve)));
}

function listingEnded(token: number): void {
  listings.get(token)?.();
  listings.delete(token);
}

function reply(msg: FromWorker): void {
  port.postMessage(msg);
}

function errorShape(e: unknown): WorkerError {
  if (isPostwrightError(e)) return { kind: 'postwright', shape: e.toShape() };
  const err = e as (Error & { code?: unknown }) | null;
  return { kind: 'error', name: err?.name ?? 'Error', message: err?.message ?? String(e), code: typeof err?.code === 'string' ? err.code : undefined, stack: err?.stack };
}

async function call(msg: Extract<ToWorker, { type: 'call' }>): Promise<void> {
  const ac = new AbortController();
  running.set(msg.id, ac);
  try {
    // The thread's own state: how many calls are in flight (tests wait for 0 to see a cancel land).
    if (msg.target === 'worker' && msg.method === 'running') return reply({ type: 'result', id: msg.id, ok: true, value: running.size });
    if (msg.target === 'worker' && msg.method === 'heapLimits') return reply({ type: 'result', id: msg.id, ok: true, value: { ...resourceLimits } });
    // Linux: this thread's own nice value (tests: which thread runs below normal priority).
    if (msg.target === 'worker' && msg.method === 'priority') return reply({ type: 'result', id: msg.id, ok: true, value: getPriority(0) });
    if (msg.target === 'worker' && (msg.method === 'listingStarted' || msg.method === 'listingEnded')) {
      (msg.method === 'listingStarted' ? listingStarted : listingEnded)(Number(msg.args[0]));
      return reply({ type: 'result', id: msg.id, ok: true, value: null });
    }
    // The post list first: other calls wait while one is read (site-disk-jobs.ts noteListing;
    // on the search thread, the listings the disk thread told of).
    const listing = msg.target === 'lister' && msg.method === 'list';
    if (msg.target !== 'lister') {
      await jobs.listingsDone();
      // The search index (its own thread): its build reads and indexes every post, background
      // work that must not take the CPU the window needs to scroll and paint. Only this thread
      // is lowered (the priority cannot be raised again): git status after a save and later
      // listings run on the disk thread, at normal priority.
      if (config.role === 'search' && msg.target === 'search' && !background) {
        background = true;
        lowerThisThreadPriority();
      }
    }
    const target = (await jobs.target(msg.target)) as Record<string, unknown> | null;
    if (!target || !(msg.method in target)) throw new Error(`The disk worker has no ${msg.target}.${msg.method}.`);
    const member = target[msg.method];
    const args = msg.args.map((a) => (isSignalArg(a) ? ac.signal : a));
    // A method is called; a property (a count, a promise such as the index's `ready`) is read.
    const result: unknown = typeof member === 'function' ? (member as (...a: unknown[]) => unknown).apply(target, args) : member;
    const value: unknown = await (listing ? jobs.noteListing(Promise.resolve(result)) : result);
    reply({ type: 'result', id: msg.id, ok: true, value });
  } catch (e) {
    reply({ type: 'result', id: msg.id, ok: false, error: errorShape(e) });
  } finally {
    running.delete(msg.id);
  }
}

port.on('message', (msg: ToWorker) => {
  if (msg.type === 'call') void call(msg);
  else if (msg.type === 'cancel') running.get(msg.id)?.abort();
  else if (msg.type === 'shutdown') {
    for (const ac of running.values()) ac.abort();
    void jobs.shutdown().finally(() => reply({ type: 'result', id: msg.id, ok: true, value: null }));
  }
});
