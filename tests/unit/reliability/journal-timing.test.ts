// The recovery journal's timing promise, in the renderer's own timer: the text is taken after a
// pause, and never later than MAX_WAIT_MS after any edit however long the writer types without
// pausing (a plain debounce took it only at a pause, so a fast typist's words reached the
// journal only when they stopped). The kill test (tests/e2e/recovery-kill.spec.ts) holds the
// whole app to "words more than 1 s old survive a SIGKILL".
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PauseTimer } from '../../../renderer/app/pause-timer';
import { MAX_WAIT_MS } from '../../../renderer/app/use-live-post';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the journal takes the text while the writer types', () => {
  it('a writer who never pauses: every key is taken within MAX_WAIT_MS', () => {
    const runs: number[] = [];
    const timer = new PauseTimer(() => runs.push(Date.now()), 500, MAX_WAIT_MS, () => Date.now());
    const start = Date.now();
    const keys: number[] = [];
    for (let t = 0; t < 5_000; t += 80) {
      keys.push(Date.now());
      timer.poke();
      vi.advanceTimersByTime(80);
    }
    vi.advanceTimersByTime(2_000);
    expect(MAX_WAIT_MS).toBeLessThanOrEqual(800);
    expect(runs.length).toBeGreaterThan(5);
    for (const k of keys) {
      const taken = runs.find((r) => r >= k);
      expect(taken, `key at ${k - start} ms`).toBeDefined();
      expect(taken! - k).toBeLessThanOrEqual(MAX_WAIT_MS);
    }
  });

  it('a writer who pauses: taken once, one pause after the last key', () => {
    const runs: number[] = [];
    const timer = new PauseTimer(() => runs.push(Date.now()), 500, MAX_WAIT_MS, () => Date.now());
    const start = Date.now();
    timer.poke();
    vi.advanceTimersByTime(100);
    timer.poke();
    expect(timer.pending).toBe(true);
    vi.advanceTimersByTime(3_000);
    expect(runs.map((r) => r - start)).toEqual([Math.min(600, MAX_WAIT_MS)]);
    expect(timer.pending).toBe(false);
    timer.poke();
    timer.cancel();
    vi.advanceTimersByTime(3_000);
    expect(runs).toHaveLength(1);
  });
});
