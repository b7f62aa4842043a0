// The windowed post list's offsets: tops, the row at a position and late measurements agree
// with plain sums of the heights.
import { describe, expect, it } from 'vitest';
import { RowOffsets } from '../../renderer/app/row-offsets';

const naiveTop = (h: number[], i: number) => h.slice(0, i).reduce((a, b) => a + b, 0);

describe('RowOffsets', () => {
  it('gives each row its top, the row at any offset, and follows heights measured later', () => {
    const heights = Array.from({ length: 1000 }, (_, i) => 40 + ((i * 7) % 30));
    const rows = new RowOffsets(Float64Array.from(heights));
    for (let r = 0; r < 300; r++) {
      const i = (r * 613) % 1000;
      heights[i] = 20 + ((r * 11) % 90);
      rows.setHeight(i, heights[i]);
    }
    expect(rows.total).toBe(naiveTop(heights, 1000));
    for (let i = 0; i <= 1000; i += 37) expect(rows.top(i)).toBe(naiveTop(heights, i));
    for (let i = 0; i < 1000; i += 13) {
      const top = naiveTop(heights, i);
      expect(rows.rowAt(top)).toBe(i);
      expect(rows.rowAt(top + heights[i] - 0.5)).toBe(i);
    }
    expect(rows.rowAt(-5)).toBe(0);
    expect(rows.rowAt(rows.total + 100)).toBe(999);
    expect(new RowOffsets(new Float64Array(0)).rowAt(10)).toBe(-1);
  });
});
