// The targets `npm run bench` fails on (issue 22): ratios to a peer measured in the same run,
// which hold on any machine, plus the one absolute target the issue names (one 60 Hz frame per
// key in a 1 MB post). Every other budget is a note for a real laptop. Modules may also carry
// their own `targets` on a metric (the scale bench does); these are added by metric name.
// The keystroke_p95_* figures are the page's main-thread CPU time per key (tests/bench/ui/
// key-costs.ts), not wall-clock time: on a shared machine the wall-clock p95 flips between runs
// with the OS's scheduling; it is reported beside them as keystroke_paint_p95_*.
import type { BenchTarget } from './types';

export const TARGETS: Record<string, BenchTarget[]> = {
  keystroke_p95_12kb_ms: [
    { kind: 'ratio', of: 'peer_milkdown_keystroke_p95_12kb_ms', max: 1 },
    { kind: 'ratio', of: 'browser_alone_keystroke_p95_12kb_ms', max: 1.25 },
  ],
  keystroke_p95_1mb_ms: [{ kind: 'max', max: 16 }],
};

export interface TargetResult {
  target: BenchTarget;
  /** The ratio (ratio targets) or the value (max targets); NaN when the peer is missing. */
  actual: number;
  met: boolean;
  text: string;
}

/** Judges one metric's targets against the figures of the same run. */
export function judge(name: string, value: number, targets: BenchTarget[], byName: Map<string, { value: number }>): TargetResult[] {
  return targets.map((target) => {
    if (target.kind === 'max') {
      const met = value <= target.max;
      return { target, actual: value, met, text: `${name} = ${fmt(value)} ≤ ${target.max}` };
    }
    const peer = byName.get(target.of);
    // A missing peer is a miss: a target that cannot be judged is not met silently.
    const actual = peer ? value / peer.value : Number.NaN;
    const met = actual <= target.max;
    return { target, actual, met, text: `${name} / ${target.of} = ${peer ? fmt(actual) : 'no peer measured'} ≤ ${target.max}` };
  });
}

function fmt(v: number): string {
  return Number.isFinite(v) ? String(Math.round(v * 100) / 100) : String(v);
}
