// Assertions on the bytes on disk: which lines a save changed, compared with the diff package.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffLines } from 'diff';

export function readPostBytes(contentDir: string, path: string): Buffer {
  return readFileSync(join(contentDir, path));
}

export interface LineChange {
  removed: string[];
  added: string[];
}

/** The changed lines between two texts, as removed/added groups. */
export function changedLines(before: string, after: string): LineChange {
  const change: LineChange = { removed: [], added: [] };
  for (const part of diffLines(before, after)) {
    const lines = part.value.replace(/\n$/, '').split('\n');
    if (part.removed) change.removed.push(...lines);
    else if (part.added) change.added.push(...lines);
  }
  return change;
}
