// Runs a task when the writer pauses, but never later than `maxWaitMs` after the first change it
// has not run for: a writer who types on without a pause still gets it. The recovery journal's
// promise ("words more than 1 s old survive a kill") rests on that bound; a plain debounce would
// wait for a pause that a fast typist may not make for minutes. A poke costs one clearTimeout
// and one setTimeout, so it can sit on the keystroke path.
export class PauseTimer {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private firstAt = 0;

  constructor(
    private task: () => void,
    private pauseMs: number,
    private maxWaitMs: number,
    private now: () => number = () => performance.now(),
  ) {}

  /** Something changed: run the task after a pause, or at the latest maxWaitMs after the first change. */
  poke(): void {
    const t = this.now();
    if (this.timer) clearTimeout(this.timer);
    else this.firstAt = t;
    const wait = Math.max(0, Math.min(this.pauseMs, this.firstAt + this.maxWaitMs - t));
    this.timer = setTimeout(this.fire, wait);
  }

  /** True while a change waits for the task. */
  get pending(): boolean {
    return this.timer !== null;
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private fire = (): void => {
    this.timer = null;
    this.task();
  };
}
