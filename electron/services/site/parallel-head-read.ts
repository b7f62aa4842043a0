// The first listing of a site with no list cache (a first launch, or a cache of another version)
// opens, reads and closes every post: at 100,000 posts some 1.5 s of file calls on one thread,
// besides 1 s of parsing front matter. Here helper threads make the file calls ahead of the
// listing, as parallel-lstat.ts does for stat calls, and this thread only parses: each helper
// takes chunks of the list in turn and reads each file's head (what the listing reads: up to
// HEAD_BYTES) into shared memory, with its size and time; the listing takes them in order.
//
// Memory stays bounded: a chunk's heads go into one of RING slots of ARENA bytes, and a helper
// waits before it takes a chunk whose slot the listing still reads. A head that does not fit in
// what is left of its slot is left to the listing, as is a chunk no helper took yet when the
// listing comes to it (this thread then reads it itself: a helper the OS does not schedule
// costs what one thread would). Helpers that stop answering are given up after a few seconds.
import { HelperThreads } from '../worker/helper-threads';

/** Files per chunk. */
const CHUNK = 128;
/** Bytes per chunk slot: 128 heads of a typical post (1 to 3 KB) with room to spare. */
const ARENA = 1 << 20;
/** Chunks a helper may read ahead of the listing. */
const RING = 8;
/** Below this many files to read, helper threads save less than they cost to start. */
const PARALLEL_READ_MIN = 2_000;
const HELPER_TIMEOUT_MS = 5000;
/** Numbers kept per file: size, mtimeMs, offset of its head in the arena, its length, state. */
const FIELDS = 5;
// A file's state: not read yet, read, could not be opened, left to the listing.
const READ = 1;
const GONE = 2;
const LEFT = 3;
// Control words (Int32): next chunk to take; chunks the listing is done with; stop.
const NEXT = 0;
const CONSUMED = 1;
const STOP = 2;

/**
 * A helper thread's code: plain JavaScript, no import, so it runs the same under tsx, vitest and
 * the built app. Path i is the job's base and the UTF-8 bytes from offsets[i] to the 0 byte that
 * ends it. Whatever goes wrong with one file leaves it to the listing, which reads it as before.
 */
const HELPER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { openSync, fstatSync, readSync, closeSync } = require('node:fs');
parentPort.on('message', (m) => {
  const paths = Buffer.from(m.paths);
  const offsets = new Float64Array(m.offsets);
  const out = new Float64Array(m.results);
  const arena = Buffer.from(m.arena);
  const ctrl = new Int32Array(m.ctrl);
  const done = new Int32Array(m.done);
  for (;;) {
    if (Atomics.load(ctrl, ${STOP}) !== 0) return;
    const c = Atomics.load(ctrl, ${NEXT});
    if (c >= m.chunks) return;
    const consumed = Atomics.load(ctrl, ${CONSUMED});
    if (c >= consumed + ${RING}) { Atomics.wait(ctrl, ${CONSUMED}, consumed, 200); continue; }
    if (Atomics.compareExchange(ctrl, ${NEXT}, c, c + 1) !== c) continue;
    const slot = (c % ${RING}) * ${ARENA};
    let used = 0;
    const end = Math.min(m.count, (c + 1) * ${CHUNK});
    for (let i = c * ${CHUNK}; i < end; i++) {
      const k = i * ${FIELDS};
      let fd;
      try { fd = openSync(m.base + paths.toString('utf8', offsets[i], offsets[i + 1] - 1), 'r'); } catch { out[k + 4] = ${GONE}; continue; }
      try {
        const st = fstatSync(fd);
        const want = Math.min(st.size, m.headBytes);
        if (used + want > ${ARENA}) { out[k + 4] = ${LEFT}; continue; }
        const len = readSync(fd, arena, slot + used, want, 0);
        out[k] = st.size; out[k + 1] = st.mtimeMs; out[k + 2] = slot + used; out[k + 3] = len; out[k + 4] = ${READ};
        used += len;
      } catch { out[k + 4] = ${LEFT}; } finally { closeSync(fd); }
    }
    Atomics.store(done, c, 1);
    Atomics.notify(done, c);
    Atomics.add(new Int32Array(m.tally), 0, 1);
  }
});
`;

/** One file's head as a helper read it. */
export interface ReadHead {
  /** The first min(size, headBytes) bytes: shared memory, read it before taking another chunk's file. */
  bytes: Buffer;
  size: number;
  mtimeMs: number;
}

/** What take() says of a file: its head, 'gone' (could not be opened), or null (read it yourself). */
export type TakenHead = ReadHead | 'gone' | null;

/** One listing's reads, taken in order with take(i); end() when done or given up. */
export interface HeadRun {
  take(i: number): TakenHead;
  end(): void;
}

export class HeadReader {
  private readonly helpers: HelperThreads;
  private broken = false;
  private readonly minFiles: number;
  private readonly helperOnly: boolean;
  /** Chunks the helpers have read, all runs together (tests: that they did the work checked). */
  private readonly tally = new Int32Array(new SharedArrayBuffer(4));
  /** Runs not ended yet: the helpers are stopped when the last one ends (listings after the first read few files). */
  private active = 0;

  /**
   * `helpers`: how many threads; tests only: `minFiles` lowers the count from which they are
   * used, and `helperOnly` leaves every chunk to them, so that what they read is what is checked.
   */
  constructor(options: { helpers?: number; minFiles?: number; helperOnly?: boolean } = {}) {
    this.helpers = new HelperThreads(HELPER_SOURCE, Math.max(1, options.helpers ?? 1));
    this.minFiles = options.minFiles ?? PARALLEL_READ_MIN;
    this.helperOnly = options.helperOnly ?? false;
  }

  get helperChunks(): number {
    return Atomics.load(this.tally, 0);
  }

  /** Starts the helper threads now, so that they have booted when the list of files is known. */
  warmUp(): void {
    if (!this.broken) this.helpers.start();
  }

  /**
   * Sets the helpers to read the heads of `base` + each of `rels`; null when there are too few to
   * gain from them (the caller reads every file itself).
   */
  start(base: string, rels: readonly string[], headBytes: number): HeadRun | null {
    const count = rels.length;
    if (this.broken || count < this.minFiles || count === 0) {
      if (this.active === 0) this.close(); // started by warmUp() for nothing
      return null;
    }
    const pathBytes = Buffer.from(`${rels.join('\0')}\0`);
    const paths = Buffer.from(new SharedArrayBuffer(pathBytes.length));
    pathBytes.copy(paths);
    const offsets = new Float64Array(new SharedArrayBuffer((count + 1) * 8));
    for (let i = 0, at = 0; i < count; i++) {
      at = paths.indexOf(0, at) + 1;
      offsets[i + 1] = at;
    }
    const chunks = Math.ceil(count / CHUNK);
    const results = new Float64Array(new SharedArrayBuffer(count * FIELDS * 8));
    const arena = Buffer.from(new SharedArrayBuffer(RING * ARENA));
    const ctrl = new Int32Array(new SharedArrayBuffer(12));
    const done = new Int32Array(new SharedArrayBuffer(chunks * 4));
    const job = { base, count, chunks, headBytes, paths: paths.buffer, offsets: offsets.buffer, results: results.buffer, arena: arena.buffer, ctrl: ctrl.buffer, done: done.buffer, tally: this.tally.buffer };
    for (const w of this.helpers.start()) w.postMessage(job);
    this.active++;

    /** The chunk this listing reads now, and whether a helper read it (else this thread does). */
    let current = -1;
    let fromHelper = false;
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      Atomics.store(ctrl, STOP, 1);
      Atomics.store(ctrl, CONSUMED, chunks);
      Atomics.notify(ctrl, CONSUMED);
      if (--this.active === 0) this.close();
    };
    /** Helpers that stop answering: this chunk and the rest are read here, and no helper is used again. */
    const giveUp = () => {
      this.broken = true;
      this.close();
      end();
      fromHelper = false;
    };
    const enter = (c: number) => {
      current = c;
      // The slots of the chunks before this one are free again.
      Atomics.store(ctrl, CONSUMED, c);
      Atomics.notify(ctrl, CONSUMED);
      const until = Date.now() + HELPER_TIMEOUT_MS;
      for (;;) {
        const next = Atomics.load(ctrl, NEXT);
        if (next <= c && !this.helperOnly) {
          // No helper took it yet: read here, and let the helpers go on with the next ones.
          if (Atomics.compareExchange(ctrl, NEXT, next, c + 1) !== next) continue;
          fromHelper = false;
          return;
        }
        if (next > c) break;
        // Tests (helperOnly): wait for a helper to take it.
        if (Date.now() > until) return giveUp();
        Atomics.wait(ctrl, NEXT, next, 50);
      }
      while (Atomics.load(done, c) === 0) {
        const left = until - Date.now();
        if (left <= 0 || Atomics.wait(done, c, 0, left) === 'timed-out') return giveUp();
      }
      fromHelper = true;
    };
    return {
      take: (i: number): TakenHead => {
        if (ended) return null;
        const c = Math.floor(i / CHUNK);
        if (c !== current) enter(c);
        if (!fromHelper) return null;
        const k = i * FIELDS;
        const state = results[k + 4];
        if (state === GONE) return 'gone';
        if (state !== READ) return null;
        const at = results[k + 2];
        return { bytes: arena.subarray(at, at + results[k + 3]), size: results[k], mtimeMs: results[k + 1] };
      },
      end,
    };
  }

  /** Stops the helper threads (a later large listing starts new ones). */
  close(): void {
    this.helpers.close();
  }
}
