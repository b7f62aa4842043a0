// The bench's per-key CPU figure (tests/bench/ui/key-costs.ts) on hand-made traces: it must count
// the page's main-thread CPU from the keydown's task to the task that commits the next frame, and
// nothing of the time the thread spent off the CPU or waiting for the frame.
import { describe, expect, it } from 'vitest';
import { keyCostsFromTrace, type TraceEvent } from '../../bench/ui/key-costs';

const PID = 10;
const MAIN = 1;
const task = (ts: number, dur: number, tdur: number, tid = MAIN): TraceEvent => ({ name: 'RunTask', ph: 'X', pid: PID, tid, ts, dur, tdur });
const keydown = (ts: number, dur = 100, tid = MAIN): TraceEvent => ({ name: 'EventDispatch', ph: 'X', pid: PID, tid, ts, dur, tdur: dur, args: { data: { type: 'keydown' } } });
const commit = (ts: number, tid = MAIN): TraceEvent => ({ name: 'Commit', ph: 'X', pid: PID, tid, ts, dur: 50, tdur: 50 });

describe('keyCostsFromTrace', () => {
  it('counts CPU from the keydown task to the task committing the next frame, not the time off the CPU', () => {
    const events: TraceEvent[] = [
      task(0, 500, 400), // before the key: not counted
      // Key 1: a 46.8 ms task that ran 1.9 ms (the thread descheduled), a queued task, then the frame.
      task(1_000, 46_800, 1_900),
      keydown(1_050),
      task(48_000, 1_500, 1_400),
      task(50_000, 2_500, 2_000),
      commit(52_000),
      task(60_000, 3_000, 2_500), // deferred work after the frame: only in cpuUntilNextKeyMs
      // Key 2: the frame waits for vsync (idle gap), then commits.
      task(100_000, 3_000, 2_900),
      keydown(100_100),
      task(115_000, 2_000, 1_800),
      commit(116_000),
    ];
    const costs = keyCostsFromTrace(events);
    expect(costs).toHaveLength(2);
    expect(costs[0].cpuMs).toBeCloseTo(1.9 + 1.4 + 2.0, 6);
    expect(costs[0].wallMs).toBeCloseTo(51.5, 6);
    expect(costs[0].cpuUntilNextKeyMs).toBeCloseTo(1.9 + 1.4 + 2.0 + 2.5, 6);
    expect(costs[1].cpuMs).toBeCloseTo(2.9 + 1.8, 6);
    expect(costs[1].wallMs).toBeCloseTo(17, 6);
    expect(costs[1].cpuUntilNextKeyMs).toBeCloseTo(2.9 + 1.8, 6);
  });

  it('reads only the thread that dispatched the keys, counts nested tasks once, and ignores a commit inside the key handler', () => {
    const OTHER = 2;
    const events: TraceEvent[] = [
      // Another renderer's thread with one keydown and costly tasks.
      task(900, 10_000, 9_000, OTHER),
      keydown(950, 100, OTHER),
      commit(5_000, OTHER),
      task(1_000, 4_000, 3_000),
      task(1_500, 1_000, 900), // nested in the task above: already in its times
      keydown(1_100, 2_000),
      commit(1_200), // a commit before the key's handlers returned (a frame for earlier work)
      keydown(3_500, 100), // a second key handled in the same task
      task(6_000, 1_000, 700),
      commit(6_500),
    ];
    const costs = keyCostsFromTrace(events);
    expect(costs).toHaveLength(2);
    expect(costs[0].cpuMs).toBeCloseTo(3.0 + 0.7, 6);
    expect(costs[1].cpuMs).toBeCloseTo(3.0 + 0.7, 6);
    expect(costs[0].cpuUntilNextKeyMs).toBeCloseTo(3.0, 6);
  });

  it('refuses a trace without thread times rather than reporting zeros', () => {
    const noThreadTime = (e: TraceEvent): TraceEvent => ({ ...e, tdur: undefined });
    expect(() => keyCostsFromTrace([task(0, 1_000, 0), keydown(10), task(2_000, 1_000, 0), commit(2_100)].map(noThreadTime))).toThrow(/no thread \(CPU\) times/);
  });

  it('says so when the trace ended before the key was painted', () => {
    expect(() => keyCostsFromTrace([task(0, 1_000, 800), keydown(10)])).toThrow(/no frame was committed/);
  });
});
