// Channels of the git area: versions, history and sync, in the words a writer sees.
// Posts are named by their content-relative path (e.g. "blog/x/index.md"); a version of a post
// saves its bundle folder (index.md and images) or, for a single-file post, that file.
import { z } from 'zod';
import { defineChannels } from '../define';

export const PostGitState = z.enum(['new', 'changed', 'saved']);
export type PostGitState = z.infer<typeof PostGitState>;

// A version's author line is "name <email> time zone" on one line: a line break (or any other
// control character) or an angle bracket in either value would split or bend that line, and
// every later read of the history would fail. Refused here, and again before any commit.
// eslint-disable-next-line no-control-regex
export const ONE_LINE = /^[^\u0000-\u001f\u007f-\u009f\u2028\u2029<>]*$/;
export const NOT_ONE_LINE = 'must be one line of plain text, without line breaks, invisible characters or < >';
export const GitAuthor = z.object({
  name: z.string().trim().min(1).max(200).regex(ONE_LINE, `Name ${NOT_ONE_LINE}`),
  email: z.string().trim().min(3).max(320).regex(ONE_LINE, `Email ${NOT_ONE_LINE}`),
});
export type GitAuthor = z.infer<typeof GitAuthor>;

export const SyncState = z.enum(['idle', 'syncing', 'synced', 'offline', 'conflicts', 'error']);
export type SyncState = z.infer<typeof SyncState>;

export const SyncInfo = z.object({
  state: SyncState,
  /** Plain words for the state, e.g. "No connection. Postwright will sync by itself when you are online…". */
  message: z.string(),
  lastSyncedAt: z.number().nullable(),
  /** When Postwright will try again by itself (offline), ms since epoch. */
  nextRetryAt: z.number().nullable(),
});
export type SyncInfo = z.infer<typeof SyncInfo>;

export const GitStatus = z.object({
  /** False when the site folder is not in a git repository (offer initRepository). */
  repository: z.boolean(),
  branch: z.string().nullable(),
  /** Something that stops saving versions (another tool mid-merge, locked index…), in plain words. */
  problem: z.object({ code: z.string(), message: z.string() }).nullable(),
  author: GitAuthor.nullable(),
  remoteUrl: z.string().nullable(),
  hasToken: z.boolean(),
  /** Post path → state, for every post found in the content folder (or those asked for). */
  posts: z.record(z.string(), PostGitState),
  /** Number of posts with unsaved versions (new or changed). */
  unsaved: z.number().int(),
  ahead: z.number().int(),
  behind: z.number().int(),
  /** Files waiting for the writer to choose between two versions after a sync. */
  conflicts: z.number().int(),
  sync: SyncInfo,
});
export type GitStatus = z.infer<typeof GitStatus>;

export const SavedVersion = z.object({
  path: z.string(),
  /** The new version's id (commit), or null when there was nothing to save. */
  version: z.string().nullable(),
  message: z.string(),
});
export type SavedVersion = z.infer<typeof SavedVersion>;

export const Version = z.object({
  id: z.string(),
  /** ms since epoch */
  date: z.number(),
  author: z.string(),
  email: z.string(),
  message: z.string(),
});
export type Version = z.infer<typeof Version>;

export const FieldChange = z.object({
  field: z.string(),
  kind: z.enum(['added', 'removed', 'changed']),
  old: z.string().nullable(),
  new: z.string().nullable(),
  /** "field: old → new" */
  text: z.string(),
});
export type FieldChange = z.infer<typeof FieldChange>;

export const WordChange = z.object({ kind: z.enum(['same', 'added', 'removed']), text: z.string() });
export type WordChange = z.infer<typeof WordChange>;

export const VersionDiff = z.object({
  version: z.string(),
  /** True when the version's text equals the current text. */
  identical: z.boolean(),
  fields: z.array(FieldChange),
  /** Rendered words of the body: removed ones were in the version, added ones are in the current text. */
  words: z.array(WordChange),
  wordsAdded: z.number().int(),
  wordsRemoved: z.number().int(),
  /** Why the front matter could not be compared field by field, if it could not. */
  fieldsError: z.string().nullable(),
});
export type VersionDiff = z.infer<typeof VersionDiff>;

export const SyncResult = z.object({
  state: SyncState,
  message: z.string(),
  /** Versions received from and sent to the remote. */
  received: z.number().int(),
  sent: z.number().int(),
  conflicts: z.number().int(),
  /** Backup ref holding the local state from before the merge, if one was made. */
  backupRef: z.string().nullable(),
});
export type SyncResult = z.infer<typeof SyncResult>;

export const Conflict = z.object({
  /** Content-relative path of the file both sides changed. */
  path: z.string(),
  /** The post the file belongs to. */
  post: z.string(),
  binary: z.boolean(),
  /** Texts: mine (this computer), theirs (the remote), base (the last common version). null = absent/deleted. */
  ours: z.string().nullable(),
  theirs: z.string().nullable(),
  base: z.string().nullable(),
  resolved: z.boolean(),
});
export type Conflict = z.infer<typeof Conflict>;

const PostPath = z.object({ path: z.string().min(1).max(4096) });
const Empty = z.object({});

export const gitChannels = defineChannels({
  gitStatus: { request: z.object({ paths: z.array(z.string()).optional() }), response: GitStatus },
  /** Starts keeping versions of a site that has none yet (git init + a first version of everything). */
  initRepository: { request: z.object({ author: GitAuthor.optional() }), response: GitStatus },
  setGitAuthor: { request: GitAuthor, response: GitAuthor },
  /** Stores (or with null forgets) the personal access token used to sync. */
  setGitToken: { request: z.object({ token: z.string().min(1).max(4096).nullable() }), response: z.object({ persistent: z.boolean() }) },
  setRemote: { request: z.object({ url: z.string().min(1).max(2048) }), response: z.object({ url: z.string() }) },
  /** "Update <title>": the default message of the Save version field. */
  suggestVersionMessage: { request: PostPath, response: z.object({ message: z.string() }) },
  saveVersion: { request: PostPath.extend({ message: z.string().max(10_000).optional() }), response: SavedVersion },
  saveAllVersions: { request: Empty, response: z.array(SavedVersion) },
  postHistory: { request: PostPath.extend({ limit: z.number().int().min(1).max(1000).optional() }), response: z.array(Version) },
  versionDiff: { request: PostPath.extend({ version: z.string().regex(/^[0-9a-f]{40}$/) }), response: VersionDiff },
  readPostAtVersion: { request: PostPath.extend({ version: z.string().regex(/^[0-9a-f]{40}$/) }), response: z.object({ text: z.string() }) },
  /** Makes a version the current text (a new, unsaved change); unsaved text is saved as a version first. */
  restoreVersion: {
    request: PostPath.extend({ version: z.string().regex(/^[0-9a-f]{40}$/) }),
    response: z.object({ restored: z.array(z.string()), savedFirst: z.string().nullable() }),
  },
  syncNow: { request: Empty, response: SyncResult },
  listConflicts: { request: Empty, response: z.array(Conflict) },
  /** Chooses a text for one conflicted file; once every file has one, the merge is saved. */
  resolveConflict: {
    request: z.object({
      path: z.string().min(1).max(4096),
      choice: z.enum(['ours', 'theirs', 'merged']),
      /** The edited text, for choice "merged". */
      text: z.string().optional(),
    }),
    response: z.object({ remaining: z.number().int(), version: z.string().nullable() }),
  },
  /** Gives up a pending merge: local files stay as they are; the next sync brings the changes again. */
  cancelMerge: { request: Empty, response: z.object({ cancelled: z.boolean() }) },
});
