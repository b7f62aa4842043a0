// The lstat of every file a warm status looks at, done on several threads at once. A warm status
// of 100,000 posts is some 340,000 lstat calls and little else; one thread spends most of the
// status in them. Git makes the same calls on up to 20 threads (its "preload index"), so we use
// a few too: the paths stay in a table (a slot number per path, kept by the scanner on its cached
// folder listings, and their bytes in shared memory that every helper thread reads), and before
// a scan this thread and the helpers take chunks of the table in turn and write each path's stat
// data into shared memory. The scan then reads them by slot.
//
// Taking chunks from a shared counter (not fixed shares) means a helper that the OS does not
// schedule just takes fewer chunks: on a busy machine this costs what one thread would. Helpers
// that stop answering (they should not) are given up after a few seconds and the table is
// stat'ed here alone from then on. A table too small to gain from helpers is stat'ed here.
//
// Stat data are taken a moment before the scan reads them, as a one-thread scan takes them a
// moment before it compares them: the same window, so the same answers (the racy-git rules
// compare the file's mtime, which is what was read).
import { isAscii } from 'node:buffer';
import { lstatSync } from 'node:fs';
import { HelperThreads } from '../worker/helper-threads';

/** Paths per chunk: large enough that taking one costs nothing, small enough to share well. */
const CHUNK = 512;
/** Below this many paths helper threads save less than they cost to wake. */
export const PARALLEL_MIN_PATHS = 20_000;
/**
 * Helper threads besides this one. More threads than cores still pays: an lstat that waits on
 * the disk leaves its core to another, and on a machine shared with other programs each thread
 * gets its share of the cores (git uses up to 20 for the same job).
 */
const HELPERS = 3;
/** How long this thread waits for the helpers' last chunks before doing them itself. */
const HELPER_TIMEOUT_MS = 5000;
/** Numbers kept per slot: size, mtimeMs, ino, mode (mode 0: no such file, or not readable). */
const FIELDS = 4;

// Control words (Int32): the run number and next chunk packed as (run << 16) | chunk, so a
// helper still looping on an old run can never take a chunk of the next one; chunks done.
const NEXT = 0;
const DONE = 1;
/** Chunks the helpers have done, all runs together (tests: that they did the work they check). */
const HELPER_DONE = 2;
const MAX_CHUNKS = 0x1_0000;

/**
 * A helper thread's code: plain JavaScript, no import, so it runs the same under tsx, vitest
 * and the built app without a bundle of its own. Path i is the job's base followed by the UTF-8
 * bytes from offsets[i] up to the 0 byte that ends it, just before offsets[i + 1].
 */
const HELPER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { lstatSync } = require('node:fs');
parentPort.on('message', (m) => {
  const bytes = Buffer.from(m.bytes);
  const offsets = new Float64Array(m.offsets);
  const out = new Float64Array(m.results);
  const ctrl = new Int32Array(m.ctrl);
  const doneFlags = new Int32Array(m.doneFlags);
  for (;;) {
    const v = Atomics.load(ctrl, ${NEXT});
    if (v >>> 16 !== m.run || (v & 0xffff) >= m.chunks) return;
    if (Atomics.compareExchange(ctrl, ${NEXT}, v, v + 1) !== v) continue;
    const c = v & 0xffff;
    const end = Math.min(m.size, (c + 1) * ${CHUNK});
    for (let i = c * ${CHUNK}; i < end; i++) {
      let s;
      try { s = lstatSync(m.base + bytes.toString('utf8', offsets[i], offsets[i + 1] - 1), { throwIfNoEntry: false }); } catch { s = undefined; }
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
  /** What every path of the table starts with (kept once, not in each path). */
  private base = '';
  /** The paths' UTF-8 bytes, end to end, and where each starts (shared with the helpers). */
  private bytes = Buffer.from(new SharedArrayBuffer(0));
  private bytesUsed = 0;
  private offsets: Float64Array<ArrayBufferLike> = new Float64Array(new SharedArrayBuffer(8));
  /** Slots no cached listing uses any more (the table is rebuilt when they outnumber the rest). */
  dead = 0;
  private results: Float64Array<ArrayBufferLike> = new Float64Array(0);
  /** Slots below this hold stat data taken by the last prefetch (0: none). */
  private fetched = 0;
  /** A prefetch started and not finished yet: its size, chunks and whether helpers have it. */
  private started: { size: number; chunks: number; helpers: boolean } | null = null;
  private readonly helpers: HelperThreads;
  private helpersBroken = false;
  private run = 0;
  private readonly ctrl = new Int32Array(new SharedArrayBuffer(12));
  private readonly doneFlags = new Int32Array(new SharedArrayBuffer(MAX_CHUNKS * 4));
  private readonly parallel: boolean;
  private readonly helperOnly: boolean;
  /** Tables smaller than this are stat'ed on this thread alone. */
  readonly minPaths: number;

  /**
   * `parallel: false`: no helper thread; `helpers`: how many. `minPaths` lowers the size from
   * which helpers are used (the search index's build stats a slice of a few thousand posts at a
   * time). Tests only: `helperOnly` leaves every chunk to them, so that their results are what
   * is checked.
   */
  constructor(options: { parallel?: boolean; helpers?: number; minPaths?: number; helperOnly?: boolean } = {}) {
    this.parallel = options.parallel ?? true;
    this.helpers = new HelperThreads(HELPER_SOURCE, Math.max(1, options.helpers ?? HELPERS));
    this.minPaths = options.minPaths ?? PARALLEL_MIN_PATHS;
    this.helperOnly = options.helperOnly ?? false;
  }

  /** Chunks of paths the helper threads have stat'ed so far. */
  get helperChunks(): number {
    return Atomics.load(this.ctrl, HELPER_DONE);
  }

  get size(): number {
    return this.paths.length;
  }

  add(abs: string): number {
    // Never change the table under helpers still reading it.
    if (this.started) this.finishPrefetch();
    const slot = this.paths.length;
    this.paths.push(abs);
    const len = Buffer.byteLength(abs) + 1;
    if (this.bytesUsed + len > this.bytes.length) {
      const next = Buffer.from(new SharedArrayBuffer(Math.max(1 << 16, Math.ceil((this.bytesUsed + len) * 1.5))));
      this.bytes.copy(next, 0, 0, this.bytesUsed);
      this.bytes = next;
    }
    if (this.offsets.length < slot + 2) {
      const next = new Float64Array(new SharedArrayBuffer(Math.ceil((slot + 2) * 1.5) * 8));
      next.set(this.offsets.subarray(0, slot + 1));
      this.offsets = next;
    }
    this.bytesUsed += this.bytes.write(abs, this.bytesUsed);
    this.bytes[this.bytesUsed++] = 0;
    this.offsets[slot + 1] = this.bytesUsed;
    return slot;
  }

  /**
   * Empties the table and fills it with `base` + each of `rels`, rel i in slot i, at once:
   * added one by one, 100,000 paths cost some 250 ms (a write each, and the shared buffers
   * grown and copied again and again). `block`, when the caller has it: the rels' UTF-8 bytes,
   * each followed by a 0 byte (as a cache file may keep them), copied as they are.
   */
  replaceAll(base: string, rels: readonly string[], block?: Buffer): void {
    this.clear();
    this.base = base;
    const bytes = block ?? Buffer.from(rels.length ? `${rels.join('\0')}\0` : '');
    if (bytes.length > this.bytes.length) this.bytes = Buffer.from(new SharedArrayBuffer(Math.ceil(bytes.length * 1.25)));
    if (this.offsets.length < rels.length + 1) this.offsets = new Float64Array(new SharedArrayBuffer(Math.ceil((rels.length + 1) * 1.25) * 8));
    bytes.copy(this.bytes, 0);
    this.bytesUsed = bytes.length;
    // Where each path ends: from the strings' lengths when every byte is ASCII (one byte per
    // character), else by finding each separator.
    const ascii = isAscii(bytes);
    let at = 0;
    this.offsets[0] = 0;
    for (let i = 0; i < rels.length; i++) {
      at = ascii ? at + rels[i].length + 1 : bytes.indexOf(0, at) + 1;
      this.offsets[i + 1] = at;
    }
    if (at !== bytes.length) throw new Error('The paths do not match their bytes.');
    this.paths = rels.slice();
  }

  /** Empties the table (the caller gives every live path a new slot right after). */
  clear(): void {
    if (this.started) this.finishPrefetch();
    this.paths = [];
    this.base = '';
    this.bytesUsed = 0;
    this.dead = 0;
    this.fetched = 0;
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

  /** Takes the stat data of every slot now, on several threads when the table is large. */
  prefetch(): void {
    this.startPrefetch();
    this.finishPrefetch();
  }

  /**
   * Sets the helper threads to stat the table and returns at once, so that this thread can do
   * other work meanwhile; finishPrefetch() must follow (it does what is left and waits), before
   * the table changes and before any other prefetch. Nothing is fetched until it has.
   */
  startPrefetch(): void {
    const size = this.paths.length;
    this.fetched = 0;
    this.started = null;
    if (size === 0) return;
    if (this.results.length < size * FIELDS) {
      // Grown by half again, so adding a few folders does not copy the buffer every scan.
      this.results = new Float64Array(new SharedArrayBuffer(Math.ceil(size * 1.5) * FIELDS * 8));
    }
    const chunks = Math.ceil(size / CHUNK);
    const useHelpers = this.parallel && !this.helpersBroken && size >= this.minPaths && chunks < MAX_CHUNKS;
    this.started = { size, chunks, helpers: useHelpers };
    if (!useHelpers) return;
    this.run = (this.run % 0x7fff) + 1;
    Atomics.store(this.ctrl, NEXT, this.run << 16);
    Atomics.store(this.ctrl, DONE, 0);
    const job = { run: this.run, base: this.base, chunks, size, bytes: this.bytes.buffer, offsets: this.offsets.buffer, results: this.results.buffer, ctrl: this.ctrl.buffer, doneFlags: this.doneFlags.buffer };
    for (const w of this.helpers.start()) w.postMessage(job);
  }

  /** Stats what the helpers have not taken yet, here, and waits for the chunks they have. */
  finishPrefetch(): void {
    const started = this.started;
    this.started = null;
    if (!started) return;
    const { size, chunks } = started;
    if (!started.helpers) {
      this.statRange(0, size);
      this.fetched = size;
      return;
    }
    while (!this.helperOnly) {
      const v = Atomics.load(this.ctrl, NEXT);
      if ((v & 0xffff) >= chunks) break;
      if (Atomics.compareExchange(this.ctrl, NEXT, v, v + 1) !== v) continue;
      const c = v & 0xffff;
      this.statRange(c * CHUNK, Math.min(size, (c + 1) * CHUNK));
      Atomics.store(this.doneFlags, c, this.run);
      Atomics.add(this.ctrl, DONE, 1);
    }
    // The helpers' last chunks: a few hundred lstat calls each, unless one is stuck.
    const until = Date.now() + HELPER_TIMEOUT_MS;
    for (;;) {
      const done = Atomics.load(this.ctrl, DONE);
      if (done >= chunks) break;
      const left = until - Date.now();
      if (left <= 0 || Atomics.wait(this.ctrl, DONE, done, left) === 'timed-out') {
        // Stuck: their chunks are done here, and no helper is used again.
        for (let c = 0; c < chunks; c++) if (Atomics.load(this.doneFlags, c) !== this.run) this.statRange(c * CHUNK, Math.min(size, (c + 1) * CHUNK));
        this.close();
        this.helpersBroken = true;
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
        s = lstatSync(this.base + this.paths[i], { throwIfNoEntry: false });
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

  /**
   * Starts the helper threads now, so that a prefetch soon after does not wait for them to
   * boot (some 100 ms each on a busy machine): a caller calls it before work of its own.
   */
  warmUp(): void {
    if (this.parallel && !this.helpersBroken) this.helpers.start();
  }

  /** Stops the helper threads (the next large prefetch starts new ones). */
  close(): void {
    this.helpers.close();
  }
}
