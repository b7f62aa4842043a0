// Row offsets of a windowed list whose rows differ in height (PostList.tsx): a Fenwick tree
// over the heights, so a row's top, the row at a scroll position and a height measured late
// each cost O(log n). Recomputing every offset after each measurement was O(n) per frame: at
// 100,000 posts, longer than the frame itself.
export class RowOffsets {
  private readonly tree: Float64Array;
  private readonly heights: Float64Array;
  private sum = 0;

  constructor(heights: Float64Array) {
    const n = heights.length;
    this.heights = heights;
    this.tree = new Float64Array(n + 1);
    for (let i = 0; i < n; i++) {
      this.tree[i + 1] += heights[i];
      const parent = i + 1 + ((i + 1) & -(i + 1));
      if (parent <= n) this.tree[parent] += this.tree[i + 1];
      this.sum += heights[i];
    }
  }

  get length(): number {
    return this.heights.length;
  }

  /** The height of all rows. */
  get total(): number {
    return this.sum;
  }

  height(i: number): number {
    return this.heights[i];
  }

  /** The top of row i: the heights of rows 0..i-1. */
  top(i: number): number {
    let s = 0;
    for (let k = i; k > 0; k -= k & -k) s += this.tree[k];
    return s;
  }

  setHeight(i: number, height: number): void {
    const delta = height - this.heights[i];
    if (!delta) return;
    this.heights[i] = height;
    this.sum += delta;
    for (let k = i + 1; k < this.tree.length; k += k & -k) this.tree[k] += delta;
  }

  /** The row at offset y (clamped to the first and last rows); -1 for an empty list. */
  rowAt(y: number): number {
    const n = this.heights.length;
    if (n === 0) return -1;
    // The largest count of leading rows whose heights add up to ≤ y: that many rows end above y.
    let pos = 0;
    let rest = y;
    for (let step = 1 << Math.floor(Math.log2(n)); step > 0; step >>= 1) {
      const next = pos + step;
      if (next <= n && this.tree[next] <= rest) {
        pos = next;
        rest -= this.tree[next];
      }
    }
    return Math.min(Math.max(pos, 0), n - 1);
  }
}
