// The two texts of a conflict as lines, each marked when the other side does not have it, so
// the writer finds the difference in a long post at a glance. Whole texts, not a folded diff:
// the writer is choosing one of them and should see all of it.
import { diffLines } from 'diff';

export interface SideLine {
  text: string;
  /** True when this line is not in the other version. */
  differs: boolean;
}

export function conflictSides(mine: string | null, theirs: string | null): { mine: SideLine[]; theirs: SideLine[] } {
  if (mine === null || theirs === null) {
    const plain = (t: string | null) => (t === null ? [] : linesOf(t).map((text) => ({ text, differs: true })));
    return { mine: plain(mine), theirs: plain(theirs) };
  }
  const parts = diffLines(mine, theirs, { timeout: 1000 });
  if (!parts) return { mine: linesOf(mine).map((text) => ({ text, differs: false })), theirs: linesOf(theirs).map((text) => ({ text, differs: false })) };
  const out = { mine: [] as SideLine[], theirs: [] as SideLine[] };
  for (const p of parts) {
    const lines = linesOf(p.value);
    if (!p.added) out.mine.push(...lines.map((text) => ({ text, differs: !!p.removed })));
    if (!p.removed) out.theirs.push(...lines.map((text) => ({ text, differs: !!p.added })));
  }
  return out;
}

function linesOf(text: string): string[] {
  return text.replace(/\n$/, '').split('\n');
}
