// The scale bench's growth exponent: taken within each round, where both sizes met the same
// machine, so that a machine slower in one round than another does not read as growth.
import { describe, expect, it } from 'vitest';
import { growth } from '../../bench/scale/growth';

describe('growth between two sizes', () => {
  it('is 1 for a figure that doubles with the site, and 2 for one that quadruples', () => {
    expect(growth({ n: 50, value: 100 }, { n: 100, value: 200 }).value).toBeCloseTo(1, 10);
    expect(growth({ n: 50, value: 100 }, { n: 100, value: 400 }).value).toBeCloseTo(2, 10);
  });

  it('pairs the rounds: how fast the machine ran in a round is the same for both sizes there', () => {
    // The machine ran 1.5x slower in the second round and 1.1x in the third, for both sizes;
    // each round also has a little noise of its own. Each round reads about linear; the
    // sizes' medians (110 at 50 posts, 230 at 100) mix the rounds and read 1.06.
    const a = { n: 50, value: 110, rounds: [100, 150, 110] };
    const b = { n: 100, value: 230, rounds: [230, 300, 200] };
    const g = growth(a, b);
    expect(g.value).toBeCloseTo(1, 10); // the second round's: log2(300 / 150)
    expect(g.pairs).toBe(3);
    expect(g.fromMedians).toBeCloseTo(Math.log2(230 / 110), 10);
  });

  it('takes the median of the rounds: one slow sample at the larger size does not decide', () => {
    const g = growth({ n: 50, value: 100, rounds: [100, 100, 100] }, { n: 100, value: 210, rounds: [200, 210, 400] });
    expect(g.value).toBeCloseTo(Math.log2(2.1), 10);
  });

  it('still reads growth worse than linear when every round shows it', () => {
    const g = growth({ n: 50, value: 100, rounds: [100, 140, 90] }, { n: 100, value: 250, rounds: [250, 350, 225] });
    expect(g.value).toBeCloseTo(Math.log2(2.5), 10);
  });

  it('falls back to the medians when the sizes were not measured in the same rounds', () => {
    expect(growth({ n: 50, value: 100, rounds: [100] }, { n: 100, value: 300, rounds: [300] })).toEqual({ value: Math.log2(3), fromMedians: Math.log2(3), pairs: 0 });
    expect(growth({ n: 50, value: 100, rounds: [100, 100] }, { n: 100, value: 300, rounds: [300] }).pairs).toBe(0);
    expect(growth({ n: 50, value: 100 }, { n: 100, value: 300 }).pairs).toBe(0);
  });
});
