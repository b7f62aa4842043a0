// Turns two texts into the lines of a compare view (LineDiff.tsx): changed lines with a little
// context, long unchanged stretches folded, and a cap so a huge post cannot flood the dialog.
import { diffLines } from 'diff';

export type CompareLine = { kind: 'added' | 'removed' | 'same' | 'skipped'; text: string };

const CONTEXT = 2;
const MAX_LINES = 1500;

export function compareLines(onDisk: string, unsaved: string): CompareLine[] {
  const changes = diffLines(onDisk, unsaved, { timeout: 1000 });
  if (!changes) return [{ kind: 'skipped', text: 'the texts differ too much to compare line by line' }];
  const out: CompareLine[] = [];
  changes.forEach((c, idx) => {
    const lines = c.value.replace(/\n$/, '').split('\n');
    if (c.added || c.removed) {
      for (const text of lines) out.push({ kind: c.added ? 'added' : 'removed', text });
      return;
    }
    const head = idx === 0 ? [] : lines.slice(0, CONTEXT);
    const tail = idx === changes.length - 1 ? [] : lines.slice(-CONTEXT);
    if (head.length + tail.length >= lines.length) {
      for (const text of lines) out.push({ kind: 'same', text });
      return;
    }
    for (const text of head) out.push({ kind: 'same', text });
    out.push({ kind: 'skipped', text: `${lines.length - head.length - tail.length} unchanged lines` });
    for (const text of tail) out.push({ kind: 'same', text });
  });
  if (out.length > MAX_LINES) {
    return [...out.slice(0, MAX_LINES), { kind: 'skipped', text: `${out.length - MAX_LINES} more lines not shown` }];
  }
  return out;
}
