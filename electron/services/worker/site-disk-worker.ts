// The main process's side of the disk worker: per open site, one worker thread, started on the
// first call, which lists posts, computes git status and infers the front-matter schema, and a
// second one, started on the first search call, which keeps the search index (both run
// site-disk-jobs.ts). The index's build is the one background job that must give the window
// the CPU (it lowers its thread's priority, which cannot be raised again): on a thread of its
// own it no longer slows the git status after a save or the later listings. The handlers call
// the facades below, which have the same methods as the services they stand for. A cancelled
// call (its AbortSignal fired) is cancelled inside the worker too; a worker that dies answers
// every waiting call with a plain error (never a hang) and is started again on the next call.
import type { Worker } from 'node:worker_threads';
import { cancelledError, PostwrightError } from '../../../shared/ipc/errors';
import type { PostSummary } from '../../../shared/ipc/channels/site';
import type { SearchRequest, SearchResponse } from '../../../shared/ipc/channels/search';
import type { LinkForm } from '../../../shared/links/post-address';
import type { SectionSchema } from '../../../shared/frontmatter/schema';
import type { RepoStatus } from '../git/status';
import type { SitePost, ValueCount } from '../frontmatter/site-fields';
import { SIGNAL_ARG, type FromWorker, type ToWorker, type WorkerError } from './disk-protocol';
import type { DiskJobsConfig, DiskTarget } from './site-disk-jobs';
import { findDiskWorkerEntry, startWorker, type WorkerEntry } from './worker-entry';

/**
 * The thread's young generation (V8's nursery, 3 × its semi-space): 192 MB where Node's default
 * is 48. Building a 100,000-post search index allocates gigabytes of short-lived strings while
 * its index grows; with the default nursery the scavenges that copy survivors grew faster than
 * the site (0.55 s at 50,000 posts, 1.3-2.4 s at 100,000), with this one they do not (0.56 s,
 * 0.69 s) and the build is 10-40% faster. The nursery grows to this only under such load.
 */
export const DISK_WORKER_LIMITS = { maxYoungGenerationSizeMb: 192 } as const;

/** How long a closing site waits for the worker to write its caches before stopping it. */
const SHUTDOWN_WAIT_MS = 5000;
const CRASHED = 'Reading the site\'s files stopped unexpectedly. Try again; if it keeps happening, restart Postwright.';

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
  done: () => void;
}

/** One worker thread (started on its first call, again after it died) and the calls waiting on it. */
class WorkerLane {
  private worker: Promise<Worker> | null = null;
  private pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly config: DiskJobsConfig,
    private readonly entry: () => Promise<WorkerEntry>,
    private readonly name: string,
  ) {}

  /** Whether the thread was started (or is starting) and not closed. */
  get started(): boolean {
    return this.worker !== null && !this.closed;
  }

  private start(): Promise<Worker> {
    this.worker ??= this.entry().then((entry) => {
      const w = startWorker(entry, { workerData: this.config, name: this.name, resourceLimits: DISK_WORKER_LIMITS });
      w.unref(); // an idle worker never keeps the process alive
      w.on('message', (msg: FromWorker) => this.settle(msg));
      w.on('error', (e) => this.crashed(w, e));
      w.on('exit', (code) => this.crashed(w, new Error(`exit code ${code}`)));
      return w;
    });
    return this.worker;
  }

  /** Every call waiting on a dead worker fails now; the next call starts a new one. */
  private async crashed(w: Worker, cause: Error): Promise<void> {
    if ((await this.worker?.catch(() => null)) === w) this.worker = null;
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      p.done();
      p.reject(new PostwrightError('internal', CRASHED, { cause: cause.message }));
    }
  }

  private settle(msg: FromWorker): void {
    const p = this.pending.get(msg.id);
    if (!p) return;
    this.pending.delete(msg.id);
    p.done();
    if (msg.ok) p.resolve(msg.value);
    else p.reject(revive(msg.error));
  }

  /** Calls `target.method(...args)` in the worker; an AbortSignal argument is forwarded. */
  call<T>(target: DiskTarget, method: string, args: unknown[]): Promise<T> {
    if (this.closed) return Promise.reject(new PostwrightError('no-site', 'This site was closed.'));
    const signal = args.find((a): a is AbortSignal => a instanceof AbortSignal);
    if (signal?.aborted) return Promise.reject(cancelledError());
    const id = this.nextId++;
    const sent = args.map((a) => (a instanceof AbortSignal ? SIGNAL_ARG : a));
    return new Promise<T>((resolve, reject) => {
      let w: Worker | null = null;
      const onAbort = () => {
        w?.postMessage({ type: 'cancel', id } satisfies ToWorker);
        // The caller stops waiting now; the worker's answer, when it comes, is dropped.
        this.settle({ type: 'result', id, ok: false, error: { kind: 'postwright', shape: cancelledError().toShape() } });
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => signal?.removeEventListener('abort', onAbort);
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, done });
      this.start().then(
        (worker) => {
          w = worker;
          if (this.pending.has(id)) worker.postMessage({ type: 'call', id, target, method, args: sent } satisfies ToWorker);
        },
        (e: unknown) => {
          this.worker = null;
          this.pending.delete(id);
          done();
          reject(new PostwrightError('internal', CRASHED, { cause: (e as Error).message }));
        },
      );
    });
  }

  /** Writes the thread's caches and stops it. */
  async shutdown(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const worker = await this.worker?.catch(() => null);
    if (!worker) return;
    const id = this.nextId++;
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, SHUTDOWN_WAIT_MS);
      this.pending.set(id, { resolve: () => resolve(), reject: () => resolve(), done: () => clearTimeout(t) });
      worker.postMessage({ type: 'shutdown', id } satisfies ToWorker);
    });
    worker.removeAllListeners('exit');
    await worker.terminate();
    for (const [pid, p] of this.pending) {
      this.pending.delete(pid);
      p.done();
      p.reject(new PostwrightError('no-site', 'This site was closed.'));
    }
  }
}

export class SiteDiskWorker {
  /** The post list, git status and the schema: always at normal priority. */
  private readonly disk: WorkerLane;
  /** The search index: below normal priority from its first call (its build reads every post). */
  private readonly searchLane: WorkerLane;
  /** Post listings under way on the disk thread (a number each), told to the search thread. */
  private listings = new Set<number>();
  private nextListing = 1;
  private closed = false;

  constructor(config: DiskJobsConfig, entry: () => Promise<WorkerEntry> = findDiskWorkerEntry) {
    this.disk = new WorkerLane({ ...config, role: 'disk' }, entry, 'postwright-disk');
    this.searchLane = new WorkerLane({ ...config, role: 'search' }, entry, 'postwright-search');
  }

  /** The facades the handlers use in place of the services. */
  readonly lister = {
    list: (signal?: AbortSignal) => this.list(signal),
    one: (path: string) => this.call<PostSummary | null>('lister', 'one', [path]),
    /** How many posts' summaries the worker's lister knows. */
    known: () => this.call<number>('lister', 'known', []),
  };

  readonly fields = {
    posts: () => this.call<SitePost[]>('fields', 'posts', []),
    schema: (section: string) => this.call<SectionSchema>('fields', 'schema', [section]),
    suggestions: () => this.call<{ taxonomies: Record<string, ValueCount[]>; contributors: ValueCount[] }>('fields', 'suggestions', []),
    slugs: (exceptPath?: string) => this.call<Map<string, string>>('fields', 'slugs', [exceptPath]),
    sections: () => this.call<string[]>('fields', 'sections', []),
  };

  readonly search = {
    search: (req: SearchRequest, signal?: AbortSignal) => this.call<SearchResponse>('search', 'search', [req, signal]),
    linkForm: () => this.call<LinkForm>('search', 'linkForm', []),
    updateFile: (path: string) => this.call<void>('search', 'updateFile', [path]),
    removeFile: (path: string) => this.call<void>('search', 'removeFile', [path]),
    refreshChanged: () => this.call<void>('search', 'refreshChanged', []),
    /** Resolves once the index is built (starting the build if it had not started). */
    ready: () => this.call<void>('search', 'ready', []),
    /** Number of posts indexed so far. */
    size: () => this.call<number>('search', 'size', []),
    isClosed: false,
  };

  /** Starts the thread now (when a site opens), so the first post list does not wait for it. */
  warm(): void {
    void this.running().catch(() => {});
  }

  /** The limits the thread's heap runs with (as the thread itself sees them). */
  heapLimits(): Promise<Record<string, number>> {
    return this.call<Record<string, number>>('worker', 'heapLimits', []);
  }

  /** How many calls the worker is running (this one included). */
  running(): Promise<number> {
    return this.call<number>('worker', 'running', []);
  }

  /**
   * The nice value each thread runs at (Linux: per thread; the search thread's is null until
   * it started). Tests: that only the search index's thread is lowered.
   */
  async priorities(): Promise<{ disk: number; search: number | null }> {
    const disk = await this.disk.call<number>('worker', 'priority', []);
    const search = this.searchLane.started ? await this.searchLane.call<number>('worker', 'priority', []) : null;
    return { disk, search };
  }

  /** Git status of the site (null when it keeps no versions). */
  repoStatus(paths?: string[]): Promise<RepoStatus | null> {
    return this.call<RepoStatus | null>('status', 'repoStatus', [paths]);
  }

  /**
   * A post listing, told to the search thread while it runs: its index build waits between
   * slices (site-disk-jobs.ts noteListing) as it did when both shared a thread, so the list a
   * writer waits for does not share the disk with reading every post for the index.
   */
  private async list(signal?: AbortSignal): Promise<PostSummary[]> {
    const token = this.nextListing++;
    this.listings.add(token);
    if (this.searchLane.started) this.tellSearch('listingStarted', token);
    try {
      return await this.call<PostSummary[]>('lister', 'list', [signal]);
    } finally {
      this.listings.delete(token);
      if (this.searchLane.started) this.tellSearch('listingEnded', token);
    }
  }

  private tellSearch(method: 'listingStarted' | 'listingEnded', token: number): void {
    void this.searchLane.call('worker', method, [token]).catch(() => {});
  }

  /** Calls `target.method(...args)` on the thread that runs it; an AbortSignal argument is forwarded. */
  call<T>(target: DiskTarget, method: string, args: unknown[]): Promise<T> {
    if (this.closed) return Promise.reject(new PostwrightError('no-site', 'This site was closed.'));
    if (target !== 'search') return this.disk.call<T>(target, method, args);
    // A search thread starting now first hears of the listings already under way (messages
    // arrive in the order sent: these before the call).
    if (!this.searchLane.started) for (const token of this.listings) this.tellSearch('listingStarted', token);
    return this.searchLane.call<T>(target, method, args);
  }

  /** Writes the caches (post list, git stat cache, search index) and stops the threads. */
  async shutdown(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.search.isClosed = true;
    await Promise.all([this.disk.shutdown(), this.searchLane.shutdown()]);
  }
}

/** The error as the service threw it in the worker, for the dispatch to word and log. */
function revive(e: WorkerError): Error {
  if (e.kind === 'postwright') return new PostwrightError(e.shape.code, e.shape.message, e.shape.details);
  const err = Object.assign(new Error(e.message), { name: e.name, code: e.code });
  if (e.stack) err.stack = e.stack;
  return err;
}
