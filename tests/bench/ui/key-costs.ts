// Turns a Chrome trace of a typing run into what each key cost the page's main thread in CPU
// time. Pure (no browser, no files) so it is unit-tested on hand-made traces.
//
// Why CPU time and not wall time: on this machine (2 cores shared by several sessions) the
// renderer's main thread is often descheduled by the OS in the middle of a key. One trace showed
// a 46.8 ms task that ran 1.9 ms on the CPU. Whether 5% of a run's keys are hit by that decides
// whether its wall-clock p95 lands on the ~5 ms body or on the ~15 ms "preempted" mode. That is
// why the same page measured 6 ms in one run and 15 ms in the next. A thread's CPU time (the
// trace's `tdur`) does not count time spent off the CPU, so it stays put under load. It is also
// free of the wait for a display frame, which has nothing to do with the page's code.

/** The fields of a Chrome trace event (JSON trace format) that are read here. */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  /** Start, µs (wall clock). */
  ts: number;
  /** Wall duration, µs (complete events, ph "X"). */
  dur?: number;
  /** Thread (CPU) duration, µs: present when the platform has thread clocks. */
  tdur?: number;
  args?: { data?: { type?: string } };
}

export interface KeyCost {
  /**
   * Main-thread CPU ms from the task that dispatched the keydown to the end of the task that
   * committed the next frame (the frame that paints the key): input handlers, the tasks and
   * microtasks they queued, and the frame's rAF, style, layout, paint and commit.
   */
  cpuMs: number;
  /** The same window in wall-clock ms (includes time off the CPU and the wait for the frame). */
  wallMs: number;
  /**
   * Main-thread CPU ms from this key's task to the next key's task (the last key: to the last
   * task in the trace): includes work the page defers until after the frame (debounces, idle
   * callbacks). Reported beside `cpuMs` so that moving work past the frame shows up somewhere.
   */
  cpuUntilNextKeyMs: number;
}

/** Top-level task events as DevTools records them (category disabled-by-default-devtools.timeline). */
const TASK = 'RunTask';
/** The main thread handing a frame's layers to the compositor: the end of that frame's main-thread work. */
const COMMIT = 'Commit';

const isComplete = (e: TraceEvent) => e.ph === 'X' && typeof e.dur === 'number';

/**
 * Per key typed during the trace (one per keydown dispatched on the page's main thread, in
 * order), its CPU cost. The page's main thread is the thread that dispatched the most keydowns
 * (other renderers in the trace, e.g. a previous page, are ignored). Throws when the trace has no
 * thread times (`tdur`): a figure silently made of zeros would flatter every page alike.
 */
export function keyCostsFromTrace(events: TraceEvent[]): KeyCost[] {
  const keydowns = events.filter((e) => e.name === 'EventDispatch' && isComplete(e) && e.args?.data?.type === 'keydown');
  if (!keydowns.length) return [];
  const perThread = new Map<string, number>();
  for (const k of keydowns) perThread.set(`${k.pid}:${k.tid}`, (perThread.get(`${k.pid}:${k.tid}`) ?? 0) + 1);
  const [thread] = [...perThread.entries()].sort((a, b) => b[1] - a[1])[0];
  const onThread = (e: TraceEvent) => `${e.pid}:${e.tid}` === thread;

  // Top-level tasks only: a task nested in another (a nested run loop) is already in its parent's times.
  const tasks: TraceEvent[] = [];
  for (const t of events.filter((e) => e.name === TASK && isComplete(e) && onThread(e)).sort((a, b) => a.ts - b.ts)) {
    const last = tasks[tasks.length - 1];
    if (last && t.ts < last.ts + last.dur!) continue;
    tasks.push(t);
  }
  if (tasks.length && tasks.every((t) => t.tdur === undefined)) throw new Error('the trace has no thread (CPU) times: cannot measure CPU per key');
  const commits = events.filter((e) => e.name === COMMIT && isComplete(e) && onThread(e)).sort((a, b) => a.ts - b.ts);
  const keys = keydowns.filter(onThread).sort((a, b) => a.ts - b.ts);

  /** Index of the task running at time `ts` (the last one starting at or before it). */
  const taskAt = (ts: number): number => {
    let lo = 0;
    let hi = tasks.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (tasks[mid].ts <= ts) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
  const cpu = (from: number, to: number) => {
    let us = 0;
    for (let i = from; i <= to; i++) us += tasks[i].tdur ?? 0;
    return us / 1000;
  };

  const firstTask = keys.map((k) => taskAt(k.ts));
  const out: KeyCost[] = [];
  keys.forEach((k, i) => {
    const first = firstTask[i];
    if (first < 0) throw new Error(`keydown at ${k.ts} µs is in no task of its thread`);
    // The frame that paints the key: the first commit after the keydown's handlers returned.
    const keyEnd = k.ts + k.dur!;
    const commit = commits.find((c) => c.ts >= keyEnd);
    if (!commit) throw new Error(`no frame was committed after the keydown at ${k.ts} µs: the trace ended too early`);
    const last = taskAt(commit.ts);
    const nextFirst = i + 1 < keys.length ? firstTask[i + 1] - 1 : tasks.length - 1;
    out.push({
      cpuMs: cpu(first, last),
      wallMs: (tasks[last].ts + tasks[last].dur! - tasks[first].ts) / 1000,
      cpuUntilNextKeyMs: cpu(first, Math.max(first, nextFirst)),
    });
  });
  return out;
}
