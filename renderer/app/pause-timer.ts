// Runs a task when the writer pauses, but never later than `maxWaitMs` after the first change it
// has not run for: a writer who types on without a pause still gets it. The recovery journal's
// promise ("words more than 1 s old survive a kill") rests on that bound; a plain debounce would
// wait for a pause that a fast typist may not make for minutes.
//
// A poke sits on the keystroke path, so it only notes the new due time: the timer already set
// (for no later than that) re-arms itself for the rest when it fires. A clearTimeout and a
// setTimeout on every key cost more than the rest of the app's change handling together (a
// profile of the 12 KB post: three such pairs per key, about 0.2 ms).
export class PauseTimer {
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** When the timer set now fires, and when the task is due (never earlier). */
  private timerAt = 0;
  private due = 0;
  private firstAt = 0;

  constructor(
    private task: () => void,
    private pauseMs: number,
    private maxWaitMs: number = Infinity,
    private now: () => number = () => performance.now(),
  ) {}

  /** Something changed: run the task after a pause, or at the latest maxWaitMs after the first change. */
  poke(): void {
    const t = this.now();
    if (!this.timer) this.firstAt = t;
    this.due = t + Math.max(0, Math.min(this.pauseMs, this.firstAt + this.maxWaitMs - t));
    if (this.timer && this.timerAt <= this.due) return;
    if (this.timer) clearTimeout(this.timer);
    this.arm(t);
  }

  /** True while a change waits for the task. */
  get pending(): boolean {
    return this.timer !== null;
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private arm(t: number): void {
    this.timerAt = this.due;
    this.timer = setTimeout(this.fire, Math.max(0, this.due - t));
  }

  private fire = (): void => {
    const t = this.now();
    // Poked since the timer was set: wait for the rest (timers may run up to a millisecond
    // early against performance.now(), which is not worth another round).
    if (this.due - t > 1) return this.arm(t);
    this.timer = null;
    this.task();
  };
}
