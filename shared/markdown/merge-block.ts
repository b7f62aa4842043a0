// Minimal diffs inside a changed block: a three-way merge with
//   base   = the pristine block as the serializer writes it,
//   ours   = the block's original source,
//   theirs = the edited block as the serializer writes it.
// Lines the edit did not touch come from the original (keeping its formatting); lines it did
// touch come from the serializer. On conflict the edit wins: the writer's change must land.
import { diff3Merge } from 'node-diff3';

export function mergeBlock(base: string, ours: string, theirs: string): string {
  if (base === theirs) return ours;
  if (base === ours) return theirs;
  const chunks = diff3Merge(ours.split('\n'), base.split('\n'), theirs.split('\n'), {
    excludeFalseConflicts: true,
  });
  const out: string[] = [];
  for (const chunk of chunks) {
    if (chunk.ok) out.push(...chunk.ok);
    else if (chunk.conflict) out.push(...resolveConflict(chunk.conflict.a, chunk.conflict.o, chunk.conflict.b));
  }
  return out.join('\n');
}

/**
 * diff3 reports neighbouring changes (the edit on one line, a style difference on the next) as
 * one conflict. When the three sides have the same number of lines, resolve line by line.
 */
function resolveConflict(ours: string[], base: string[], theirs: string[]): string[] {
  if (ours.length !== base.length || base.length !== theirs.length) return theirs;
  return theirs.map((line, i) => (line === base[i] ? ours[i] : line));
}
