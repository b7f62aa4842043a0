// Text with some ranges marked (<mark>), for search results. Ranges come from main and are
// applied to text as text: nothing is ever parsed as HTML.
import type { ReactNode } from 'react';

export function Highlighted({ text, ranges }: { text: string; ranges: ReadonlyArray<readonly [number, number]> }) {
  const parts: ReactNode[] = [];
  let pos = 0;
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  sorted.forEach(([s, e], i) => {
    if (s < pos || e > text.length) return;
    if (s > pos) parts.push(text.slice(pos, s));
    parts.push(<mark key={i}>{text.slice(s, e)}</mark>);
    pos = e;
  });
  if (pos < text.length) parts.push(text.slice(pos));
  return <>{parts}</>;
}
