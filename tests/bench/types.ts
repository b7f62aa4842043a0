// The shape every bench module returns, so one runner can print one table.
export interface BenchMetric {
  /** e.g. "index_10k_ms" */
  name: string;
  /** Median of the runs. */
  value: number;
  min?: number;
  max?: number;
  /**
   * An absolute budget for a real laptop: printed beside the figure as a note, never a failure
   * (a shared 2-core VM cannot show it). Pass/fail is `targets` (and tests/bench/targets.ts).
   */
  budget?: number;
  /** What fails the bench when missed: ratios to a peer measured in the same run, or a bound. */
  targets?: BenchTarget[];
  /** Name of the peer metric measured in the same run, for the ratio column. */
  peer?: string;
  /**
   * Name of a metric measured in the same run for the same task with no editor code at all (the
   * browser alone): when it is itself over the budget, no editor can meet the budget on this
   * machine, and the runner says so beside the miss.
   */
  floor?: string;
  unit?: string;
  note?: string;
}

/**
 * A target the bench fails on. `ratio`: this metric ÷ metric `of` (same run) must be ≤ max.
 * `max`: the value itself must be ≤ max (only where the issue names an absolute target).
 */
export type BenchTarget = { kind: 'ratio'; of: string; max: number } | { kind: 'max'; max: number };

export interface BenchContext {
  /** Scratch folder for generated sites; removed after the run. */
  tmpDir: string;
  /** Absolute path of the repo root. */
  repoRoot: string;
  /** Path of the real-post corpus when available (../shared/corpus), else null. */
  corpusDir: string | null;
  /** Fewer repetitions (for smoke runs). */
  quick: boolean;
  log(message: string): void;
}

/** Median, min and max of a list of samples. */
export function summarize(samples: number[]): { value: number; min: number; max: number } {
  const s = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const value = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { value, min: s[0], max: s[s.length - 1] };
}

/** Runs `f` and returns how long it took (ms) with its result. */
export async function time<T>(f: () => Promise<T> | T): Promise<[number, T]> {
  const t0 = performance.now();
  const out = await f();
  return [performance.now() - t0, out];
}
