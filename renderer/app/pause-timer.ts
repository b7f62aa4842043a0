// Runs a task when the writer pauses, but never later than `maxWaitMs` after the first change it
// has not run for: a writer who types on without a pause still gets it. The recovery journal's
// promise ("words more than 1 s old survive a kill") rests on that bound; a plain debounce would
// wait for a pause that a fast typist may not make for minutes.
//
// A poke sits on the keystroke path, so it only notes the new due time: the timer already set
// (for no later than that) re-arms itself for the rest when it fires. A clearTimeout and a
// setTimeout on every key cost more than the rest of the app's change handling together (a
// profile of the 12 KB post: three such pairs per key, about 0.2 ms).
//
// The pause timers of the app (the dirty check, the counts, the journal, the panels) share one
// browser timer (PauseClock): the first key after a pause poked four of them, and each set its
// own timer, which made that key the costliest of its burst (0.14 ms of setTimeout in a profile
// of the 12 KB post; the other keys of a burst set none).

type Now = () => number;

/** One browser timer for every pause timer that reads the same clock. */
class PauseClock {
  private waiting = new Set<PauseTimer>();
  private handle: ReturnType<typeof setTimeout> | null = null;
  /** When the browser timer set now fires (Infinity: none set). */
  private handleAt = Infinity;

  constructor(private now: Now) {}

  /** `timer` is due at `due` (read at `t`): the browser timer fires no later than that. */
  want(timer: PauseTimer, due: number, t: number): void {
    this.waiting.add(timer);
    if (this.handle !== null && this.handleAt <= due) return;
    if (this.handle !== null) clearTimeout(this.handle);
    this.arm(due, t);
  }

  drop(timer: PauseTimer): void {
    this.waiting.delete(timer);
    if (this.waiting.size || this.handle === null) return;
    clearTimeout(this.handle);
    this.handle = null;
    this.handleAt = Infinity;
  }

  has(timer: PauseTimer): boolean {
    return this.waiting.has(timer);
  }

  private arm(at: number, t: number): void {
    this.handleAt = at;
    this.handle = setTimeout(this.fire, Math.max(0, at - t));
  }

  private fire = (): void => {
    this.handle = null;
    this.handleAt = Infinity;
    const t = this.now();
    // Timers may run up to a millisecond early against performance.now(), which is not worth
    // another round.
    const ready = [...this.waiting].filter((w) => w.dueAt - t <= 1);
    for (const w of ready) this.waiting.delete(w);
    // Poked since the timer was set: wait for the rest. Armed before the tasks run, since a
    // task may poke again.
    let next = Infinity;
    for (const w of this.waiting) next = Math.min(next, w.dueAt);
    if (next < Infinity) this.arm(next, t);
    for (const w of ready) {
      try {
        w.run();
      } catch (error) {
        // One task failing does not keep the others from running; it is still reported.
        setTimeout(() => {
          throw error;
        });
      }
    }
  };
}

const defaultNow: Now = () => performance.now();
const clocks = new WeakMap<Now, PauseClock>();
function clockFor(now: Now): PauseClock {
  let clock = clocks.get(now);
  if (!clock) clocks.set(now, (clock = new PauseClock(now)));
  return clock;
}

export class PauseTimer {
  private due = 0;
  private firstAt = 0;
  private clock: PauseClock;

  constructor(
    private task: () => void,
    private pauseMs: number,
    private maxWaitMs: number = Infinity,
    private now: Now = defaultNow,
  ) {
    this.clock = clockFor(now);
  }

  /** Something changed: run the task after a pause, or at the latest maxWaitMs after the first change. */
  poke(): void {
    const t = this.now();
    if (!this.pending) this.firstAt = t;
    this.due = t + Math.max(0, Math.min(this.pauseMs, this.firstAt + this.maxWaitMs - t));
    this.clock.want(this, this.due, t);
  }

  /** True while a change waits for the task. */
  get pending(): boolean {
    return this.clock.has(this);
  }

  cancel(): void {
    this.clock.drop(this);
  }

  /** When the task is due (PauseClock). */
  get dueAt(): number {
    return this.due;
  }

  /** Runs the task (PauseClock, once due). */
  run(): void {
    this.task();
  }
}
