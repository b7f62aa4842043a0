// A short summary of how the journal's text differs from the file on disk, for the recovery
// dialog: lines added and removed and a few of them. Uses the `diff` package's line diff with a
// cap on the work, so a huge rewrite cannot freeze the app.
import { diffLines } from 'diff';

export interface DiffSummary {
  added: number;
  removed: number;
  preview: string;
}

const PREVIEW_LINES = 6;
const PREVIEW_LINE_CHARS = 120;

/** null when the texts differ too much to diff cheaply. */
export function summarizeDiff(onDisk: string, unsaved: string): DiffSummary | null {
  const changes = diffLines(onDisk, unsaved, { maxEditLength: 5000, timeout: 500 });
  if (!changes) return null;
  let added = 0;
  let removed = 0;
  const preview: string[] = [];
  for (const c of changes) {
    if (!c.added && !c.removed) continue;
    const n = c.count ?? 0;
    if (c.added) added += n;
    else removed += n;
    for (const line of c.value.split('\n')) {
      if (preview.length >= PREVIEW_LINES) break;
      if (!line.trim()) continue;
      const text = line.length > PREVIEW_LINE_CHARS ? `${line.slice(0, PREVIEW_LINE_CHARS)}…` : line;
      preview.push(`${c.added ? '+' : '-'} ${text.replace(/\r$/, '')}`);
    }
  }
  return { added, removed, preview: preview.join('\n') };
}
