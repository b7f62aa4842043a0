// Helper threads that run a script of plain JavaScript (no import, so it runs the same under tsx,
// vitest and the built app) and share memory with the thread that starts them: the stat calls
// of a status or a listing (git/parallel-lstat.ts) and the reads of a first listing
// (site/parallel-head-read.ts). They hold nothing worth keeping the process alive for; one that
// fails or ends is dropped, and the next start() starts another in its place.
import { Worker } from 'node:worker_threads';

export class HelperThreads {
  private workers: Worker[] = [];

  constructor(
    private readonly source: string,
    private readonly count: number,
  ) {}

  /** The helpers, started now when they are not all running. */
  start(): readonly Worker[] {
    while (this.workers.length < this.count) {
      const w = new Worker(this.source, { eval: true });
      w.unref();
      const drop = () => {
        this.workers = this.workers.filter((h) => h !== w);
      };
      w.on('error', drop);
      w.on('exit', drop);
      this.workers.push(w);
    }
    return this.workers;
  }

  /** Stops them (a later start() starts new ones). */
  close(): void {
    const ws = this.workers;
    this.workers = [];
    for (const w of ws) void w.terminate();
  }
}
