// How fast a figure grows between two sizes of site: the exponent k in t ∝ n^k (1 = linear).
// The bench takes its service figures in rounds, each round measuring every size back to back
// (scale.bench.ts run()). This machine's speed drifts by tens of percent over minutes (a fixed
// loop of arithmetic ran 10% slower ten minutes later; a search index build at 100,000 posts
// took 7.8 to 11.9 s within five minutes), so the growth is taken within each round, where both
// sizes met the same machine, and the median of the rounds' exponents is the figure. A ratio
// of the two sizes' medians mixes samples taken minutes apart; it is kept for the note.
import { summarize } from '../types';

export interface SizedFigure {
  /** Posts in the site. */
  n: number;
  /** The figure at this size (the median of all its samples). */
  value: number;
  /** Each round's figure at this size (the median of that round's samples), in round order. */
  rounds?: readonly number[];
}

export interface Growth {
  /** The exponent judged: the median of the rounds' own exponents, or fromMedians without rounds. */
  value: number;
  /** log(b.value / a.value) / log(b.n / a.n). */
  fromMedians: number;
  /** Rounds paired (0: the figures had no rounds to pair). */
  pairs: number;
}

const exponent = (ta: number, tb: number, na: number, nb: number) => Math.log(tb / ta) / Math.log(nb / na);

export function growth(a: SizedFigure, b: SizedFigure): Growth {
  const fromMedians = exponent(a.value, b.value, a.n, b.n);
  const ra = a.rounds;
  const rb = b.rounds;
  // Two rounds at least, and the same rounds at both sizes (a peer measured in the first round only is not paired).
  if (!ra || !rb || ra.length !== rb.length || ra.length < 2) return { value: fromMedians, fromMedians, pairs: 0 };
  const each = ra.map((ta, i) => exponent(ta, rb[i], a.n, b.n));
  return { value: summarize(each).value, fromMedians, pairs: each.length };
}
