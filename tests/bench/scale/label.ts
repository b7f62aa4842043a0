/** A site size as the metric names spell it: 1000 → '1k', 12 → '12'. */
export function label(n: number): string {
  return n % 1000 === 0 ? `${n / 1000}k` : String(n);
}
