// The lstat of every file a warm status looks at, done on two threads at once. A warm status of
// 100,000 posts is some 340,000 lstat calls and little else; one thread spends most of the status
// in them. Git does the same calls on several threads (its "preload index"), so we do too: the
// paths stay in a table (a slot number per path, kept by the scanner on its cached folder
// listings), and before a scan this thread and one helper thread take chunks of the table in
// turn and write each path's stat data into shared memory. The scan then reads them by slot.
//
// Taking chunks from a shared counter (not halves) means a helper thread that the OS does not
// schedule just takes fewer chunks: on a busy machine this costs what one thread would. A helper
// that stops answering (it should not) is given up after a few seconds and the table is stat'ed
// here alone from then on. A table too small to gain from a second thread is stat'ed here.
//
// Stat data are taken a moment before the scan reads them, as a one-thread scan takes them a
// moment before it compares them: the same window, so the same answers (the racy-git rules
// compare the file's mtime, which is what was read).
import { lstatSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

/** Paths per chunk: large enough that taking one costs nothing, small enough to share well. */
const CHUNK = 512;
/** Below this many paths a helper thread saves less than it costs to wake. */
export const PARALLEL_MIN_PATHS = 20_000;
/** How long this thread waits for the helper's last chunks before doing them itself. */
const HELPER_TIMEOUT_MS = 5000;
/** Numbers kept per slot: size, mtimeMs, ino, mode (mode 0: no such file, or not readable). */
const FIELDS = 4;

// Control words (Int32): the run number and next chunk packed as (run << 16) | chunk, so a
// helper still looping on an old run can never take a chunk of the next one; chunks done.
const NEXT = 0;
const DONE = 1;
/** Chunks the helper has done, all runs together (tests: that it did the work they check). */
const HELPER_DONE = 2;
const MAX_CHUNKS = 0x1_0000;

/**
 * The helper thread's code: plain JavaScript, no import, so it runs the same under tsx, vitest
 * and the built app without a bundle of its own.
 */
const HELPER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { lstatSync } = require('node:fs');
let paths = [];
let out = null;
let ctrl = null;
let doneFlags = null;
parentPort.on('message', (m) => {
  if (m.reset) paths = [];
  if (m.add) for (const p of m.add.split('\\0')) paths.push(p);
  out = new Float64Array(m.results);
  ctrl = new Int32Array(m.ctrl);
  doneFlags = new Int32Array(m.doneFlags);
  for (;;) {
    const v = Atomics.load(ctrl, ${NEXT});
    if (v >>> 16 !== m.run || (v & 0xffff) >= m.chunks) return;
    if (Atomics.compareExchange(ctrl, ${NEXT}, v, v + 1) !== v) continue;
    const c = v & 0xffff;
    const end = Math.min(m.size, (c + 1) * ${CHUNK});
    for (let i = c * ${CHUNK}; i < end; i++) {
      let s;
      try { s = lstatSync(paths[i], { throwIfNoEntry: false }); } catch { s = undefined; }
      const k = i * ${FIELDS};
      if (s) { out[k] = s.size; out[k + 1] = s.mtimeMs; out[k + 2] = s.ino; out[k + 3] = s.mode; } else out[k + 3] = 0;
    }
    Atomics.store(doneFlags, c, m.run);
    Atomics.add(ctrl, ${HELPER_DONE}, 1);
    Atomics.add(ctrl, ${DONE}, 1);
    Atomics.notify(ctrl, ${DONE});
  }
});
`;

export class StatTable {
  private paths: string[] = [];
  /** Slots no cached listing uses any more (the table is rebuilt when they outnumber the rest). */
  dead = 0;
  private results: Float64Array<ArrayBufferLike> = new Float64Array(0);
  private resultsBuf: SharedArrayBuffer | null = null;
  /** Slots below this hold stat data taken by the last prefetch (0: none). */
  private fetched = 0;
  private helper: Worker | null = null;
  private helperBroken = false;
  /** Paths the helper holds; a reset is sent when the table was rebuilt. */
  private helperHas = 0;
  private helperReset = false;
  private run = 0;
  private readonly ctrl = new Int32Array(new SharedArrayBuffer(12));
  private readonly doneFlags = new Int32Array(new SharedArrayBuffer(MAX_CHUNKS * 4));

  private readonly parallel: boolean;
  private readonly helperOnly: boolean;
  /** Tables smaller than this are stat'ed on this thread alone. */
  readonly minPaths: number;

  /**
   * `parallel: false`: no helper thread. Tests only: `minPaths` lowers the size from which one
   * is used, and `helperOnly` leaves every chunk to it, so that its results are what is checked.
   */
  constructor(options: { parallel?: boolean; minPaths?: number; helperOnly?: boolean } = {}) {
    this.parallel = options.parallel ?? true;
    this.minPaths = options.minPaths ?? PARALLEL_MIN_PATHS;
    this.helperOnly = options.helperOnly ?? false;
  }

  /** Chunks of paths the helper thread has stat'ed so far. */
  get helperChunks(): number {
    return Atomics.load(this.ctrl, HELPER_DONE);
  }

  get size(): number {
    return this.paths.length;
  }

  add(abs: string): number {
    this.paths.push(abs);
    return this.paths.length - 1;
  }

  /** Empties the table (the caller gives every live path a new slot right after). */
  clear(): void {
    this.paths = [];
    this.dead = 0;
    this.fetched = 0;
    this.helperHas = 0;
    this.helperReset = true;
  }

  /** Forgets the last prefetch: a slot's data are read only during the scan that took them. */
  endScan(): void {
    this.fetched = 0;
  }

  /** Whether a slot holds stat data taken for this scan. */
  has(slot: number): boolean {
    return slot >= 0 && slot < this.fetched;
  }
  sizeOf(slot: number): number {
    return this.results[slot * FIELDS];
  }
  mtimeMs(slot: number): number {
    return this.results[slot * FIELDS + 1];
  }
  ino(slot: number): number {
    return this.results[slot * FIELDS + 2];
  }
  /** 0 when the path was missing (or could not be read). */
  mode(slot: number): number {
    return this.results[slot * FIELDS + 3];
  }

  /** Takes the stat data of every slot now, on two threads when the table is large. */
  prefetch(): void {
    const size = this.paths.length;
    this.fetched = 0;
    if (size === 0) return;
    if (this.results.length < size * FIELDS) {
      // Grown by half again, so adding a few folders does not copy the buffer every scan.
      this.resultsBuf = new SharedArrayBuffer(Math.ceil(size * 1.5) * FIELDS * 8);
      this.results = new Float64Array(this.resultsBuf);
    }
    const chunks = Math.ceil(size / CHUNK);
    const useHelper = this.parallel && !this.helperBroken && size >= this.minPaths && chunks < MAX_CHUNKS;
    if (!useHelper) {
      this.statRange(0, size);
      this.fetched = size;
      return;
    }
    this.run = (this.run % 0x7fff) + 1;
    Atomics.store(this.ctrl, NEXT, this.run << 16);
    Atomics.store(this.ctrl, DONE, 0);
    const helper = this.startHelper();
    const add = this.paths.slice(this.helperHas).join('\0');
    helper.postMessage({ run: this.run, chunks, size, reset: this.helperReset, add: this.paths.length > this.helperHas ? add : '', results: this.resultsBuf, ctrl: this.ctrl.buffer, doneFlags: this.doneFlags.buffer });
    this.helperHas = size;
    this.helperReset = false;
    while (!this.helperOnly) {
      const v = Atomics.load(this.ctrl, NEXT);
      if ((v & 0xffff) >= chunks) break;
      if (Atomics.compareExchange(this.ctrl, NEXT, v, v + 1) !== v) continue;
      const c = v & 0xffff;
      this.statRange(c * CHUNK, Math.min(size, (c + 1) * CHUNK));
      Atomics.store(this.doneFlags, c, this.run);
      Atomics.add(this.ctrl, DONE, 1);
    }
    // The helper's last chunks: a few hundred lstat calls, unless the helper is stuck.
    const until = Date.now() + HELPER_TIMEOUT_MS;
    for (;;) {
      const done = Atomics.load(this.ctrl, DONE);
      if (done >= chunks) break;
      const left = until - Date.now();
      if (left <= 0 || Atomics.wait(this.ctrl, DONE, done, left) === 'timed-out') {
        // Stuck: its chunks are done here, and no helper is used again.
        for (let c = 0; c < chunks; c++) if (Atomics.load(this.doneFlags, c) !== this.run) this.statRange(c * CHUNK, Math.min(size, (c + 1) * CHUNK));
        this.close();
        this.helperBroken = true;
        break;
      }
    }
    this.fetched = size;
  }

  private statRange(from: number, to: number): void {
    const out = this.results;
    for (let i = from; i < to; i++) {
      let s;
      try {
        s = lstatSync(this.paths[i], { throwIfNoEntry: false });
      } catch {
        s = undefined;
      }
      const k = i * FIELDS;
      if (s) {
        out[k] = s.size;
        out[k + 1] = s.mtimeMs;
        out[k + 2] = s.ino;
        out[k + 3] = s.mode;
      } else out[k + 3] = 0;
    }
  }

  private startHelper(): Worker {
    if (this.helper) return this.helper;
    const w = new Worker(HELPER_SOURCE, { eval: true });
    // It holds nothing worth keeping the process alive for.
    w.unref();
    w.on('error', () => {
      this.helperBroken = true;
      this.helper = null;
    });
    w.on('exit', () => {
      if (this.helper !== w) return;
      this.helper = null;
      this.helperHas = 0;
      this.helperReset = true;
    });
    this.helper = w;
    this.helperHas = 0;
    this.helperReset = true;
    return w;
  }

  /** Stops the helper thread (the next large prefetch starts a new one). */
  close(): void {
    const w = this.helper;
    this.helper = null;
    this.helperHas = 0;
    this.helperReset = true;
    if (w) void w.terminate();
  }
}
