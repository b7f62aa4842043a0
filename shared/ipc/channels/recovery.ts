// Channels of the recovery journal: the unsaved text of every open post, kept in the app's data
// folder (never in the site) so that a crash or a kill loses nothing.
import { z } from 'zod';
import { defineChannels } from '../define';

/** How the journal's text compares with the file on disk now. */
export const JournalDiskState = z.enum([
  'unchanged', // the file still has the hash the writer started from
  'changed', // someone changed the file since the writer opened it
  'deleted', // the file is gone
]);
export type JournalDiskState = z.infer<typeof JournalDiskState>;

export const JournalEntry = z.object({
  /** Content-relative POSIX path of the post. */
  path: z.string(),
  /** When the text was last written to the journal (ms since epoch). */
  savedAt: z.number(),
  /** Hash of the file the editor had open when the writer started typing. */
  baseHash: z.string(),
  diskState: JournalDiskState,
  /** Lines in the journal's text that the file on disk lacks, and the other way round. */
  linesAdded: z.number().int().nonnegative(),
  linesRemoved: z.number().int().nonnegative(),
  /** A few changed lines, "+ " or "- " in front, for a quick look. */
  preview: z.string(),
});
export type JournalEntry = z.infer<typeof JournalEntry>;

export const JournalText = z.object({
  path: z.string(),
  raw: z.string(),
  baseHash: z.string(),
  savedAt: z.number(),
});
export type JournalText = z.infer<typeof JournalText>;

export const recoveryChannels = defineChannels({
  /** Keeps the editor's unsaved text (called debounced, ≤ 2 s after the last keystroke). */
  journalWrite: {
    request: z.object({ path: z.string().min(1), raw: z.string(), baseHash: z.string() }),
    response: z.object({ savedAt: z.number() }),
  },
  /** Forgets a post's unsaved text (after a save, or when the writer discards it). */
  journalDiscard: {
    request: z.object({ path: z.string().min(1) }),
    response: z.object({ discarded: z.boolean() }),
  },
  /** Unsaved posts of the open site, with what differs from the file on disk. */
  journalList: { request: z.object({}), response: z.array(JournalEntry) },
  journalRead: { request: z.object({ path: z.string().min(1) }), response: JournalText },
});
