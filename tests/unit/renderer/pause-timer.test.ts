// The pause timer sits on the keystroke path: a poke must not clear and set a timer each time,
// and the task must still run one pause after the last poke (or at the max wait).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PauseTimer } from '../../../renderer/app/pause-timer';

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('PauseTimer', () => {
  it('sets one timer for many pokes, and runs the task one pause after the last', () => {
    vi.useFakeTimers();
    const runs: number[] = [];
    const timer = new PauseTimer(() => runs.push(Date.now()), 120, Infinity, () => Date.now());
    const set = vi.spyOn(globalThis, 'setTimeout');
    const clear = vi.spyOn(globalThis, 'clearTimeout');
    const start = Date.now();
    for (let i = 0; i < 50; i++) {
      timer.poke();
      vi.advanceTimersByTime(20);
    }
    // 50 keys, 20 ms apart: one timer set at the first, re-armed only when it fired early.
    expect(clear).not.toHaveBeenCalled();
    expect(set.mock.calls.length).toBeLessThanOrEqual(10);
    expect(runs).toEqual([]);
    vi.advanceTimersByTime(200);
    expect(runs).toEqual([start + 49 * 20 + 120]);
    expect(timer.pending).toBe(false);
  });

  it('still runs at the max wait for a writer who never pauses', () => {
    vi.useFakeTimers();
    const runs: number[] = [];
    const timer = new PauseTimer(() => runs.push(Date.now()), 500, 1000, () => Date.now());
    const start = Date.now();
    for (let i = 0; i < 100; i++) {
      timer.poke();
      vi.advanceTimersByTime(30);
    }
    expect(runs[0]).toBe(start + 1000);
  });

  it('moves an earlier due time forward at once (a shorter wait after a longer one)', () => {
    vi.useFakeTimers();
    const runs: number[] = [];
    let pause = 1000;
    const timer = new PauseTimer(() => runs.push(Date.now()), 1000, Infinity, () => Date.now());
    timer.poke();
    // The same timer asked for sooner: a new pause of 100 ms (pauseMs is read at each poke).
    (timer as unknown as { pauseMs: number }).pauseMs = pause = 100;
    const start = Date.now();
    timer.poke();
    vi.advanceTimersByTime(pause + 1);
    expect(runs).toEqual([start + 100]);
    timer.cancel();
  });

  it('shares one browser timer among the pause timers of a clock: the first key after a pause sets one', () => {
    vi.useFakeTimers();
    const now = () => Date.now();
    const runs: string[] = [];
    const start = Date.now();
    const at = (name: string) => () => runs.push(`${name}@${Date.now() - start}`);
    const timers = [new PauseTimer(at('check'), 120, Infinity, now), new PauseTimer(at('count'), 800, Infinity, now), new PauseTimer(at('journal'), 500, 600, now), new PauseTimer(at('panels'), 500, 3000, now)];
    const set = vi.spyOn(globalThis, 'setTimeout');
    const clear = vi.spyOn(globalThis, 'clearTimeout');
    for (const t of timers) t.poke();
    expect(set).toHaveBeenCalledTimes(1);
    // The rest of a burst sets none.
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(20);
      for (const t of timers) t.poke();
    }
    expect(set).toHaveBeenCalledTimes(1);
    expect(clear).not.toHaveBeenCalled();
    vi.advanceTimersByTime(2_000);
    // Each one pause after the last poke (at 100 ms), as with a timer of its own.
    expect(runs).toEqual(['check@220', 'journal@600', 'panels@600', 'count@900']);
    expect(timers.some((t) => t.pending)).toBe(false);
  });

  it('runs the other tasks due at once when one of them throws, and still reports it', () => {
    vi.useFakeTimers();
    const now = () => Date.now();
    const runs: string[] = [];
    const failing = new PauseTimer(() => {
      throw new Error('task failed');
    }, 100, Infinity, now);
    const fine = new PauseTimer(() => runs.push('fine'), 100, Infinity, now);
    failing.poke();
    fine.poke();
    expect(() => vi.advanceTimersByTime(150)).toThrow('task failed');
    expect(runs).toEqual(['fine']);
  });
});
