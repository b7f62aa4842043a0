// Small helpers over commit objects: reading a commit (also an odd one), a commit's tree,
// writing a commit and moving a branch.
import fs from 'node:fs';
import * as git from 'isomorphic-git';
import { PostwrightError } from '../../../shared/ipc/errors';
import type { Repo } from './repo';
import { GitAuthor as GitAuthorSchema, type GitAuthor } from '../../../shared/ipc/channels/git';

export interface Person {
  name: string;
  email: string;
  /** Seconds since epoch; 0 when the version does not say. */
  timestamp: number;
}

export interface CommitInfo {
  tree: string;
  parent: string[];
  author: Person;
  committer: Person;
  message: string;
}

/**
 * A commit's fields. isomorphic-git's reader throws ("object null is not iterable") on a
 * version another tool wrote with an odd author line (a newline inside the name, no email);
 * such a version is read here by hand instead, so status, history and saving keep working and
 * the version is shown with what it does say.
 */
export async function readCommitInfo(repo: Repo, oid: string): Promise<CommitInfo> {
  try {
    const { commit } = await git.readCommit({ fs, dir: repo.dir, gitdir: repo.gitdir, oid, cache: repo.gitCache });
    return commit;
  } catch (e) {
    const { type, object } = await git.readObject({ fs, dir: repo.dir, gitdir: repo.gitdir, oid, format: 'content', cache: repo.gitCache }).catch(() => {
      throw e;
    });
    if (type !== 'commit') throw e;
    return parseCommitLeniently(Buffer.from(object as Uint8Array).toString('utf8'));
  }
}

export function parseCommitLeniently(text: string): CommitInfo {
  const split = text.indexOf('\n\n');
  const head = split < 0 ? text : text.slice(0, split);
  const message = split < 0 ? '' : text.slice(split + 2);
  let tree = '';
  const parent: string[] = [];
  let author: Person | null = null;
  let committer: Person | null = null;
  for (const line of head.split('\n')) {
    const sp = line.indexOf(' ');
    const key = sp < 0 ? line : line.slice(0, sp);
    const value = sp < 0 ? '' : line.slice(sp + 1);
    if (key === 'tree' && !tree) tree = value.trim();
    else if (key === 'parent' && /^[0-9a-f]{40}$/.test(value.trim())) parent.push(value.trim());
    else if (key === 'author' && !author) author = parsePerson(value);
    else if (key === 'committer' && !committer) committer = parsePerson(value);
  }
  if (!/^[0-9a-f]{40}$/.test(tree)) throw new PostwrightError('git', 'A version in this site\'s history is damaged (it names no files), so it cannot be read.');
  const who = author ?? committer ?? { name: '', email: '', timestamp: 0 };
  return { tree, parent, author: who, committer: committer ?? who, message };
}

function parsePerson(value: string): Person {
  const m = /^(.*?)\s*<([^>]*)>\s*(\d+)?/.exec(value);
  if (!m) return { name: value.trim(), email: '', timestamp: 0 };
  return { name: m[1].trim(), email: m[2].trim(), timestamp: m[3] ? Number(m[3]) : 0 };
}

const treeOfCommit = new Map<string, string>();

export async function commitTree(repo: Repo, oid: string): Promise<string> {
  const hit = treeOfCommit.get(oid);
  if (hit) return hit;
  const commit = await readCommitInfo(repo, oid);
  if (treeOfCommit.size > 50_000) treeOfCommit.clear();
  treeOfCommit.set(oid, commit.tree);
  return commit.tree;
}

export async function writeCommit(repo: Repo, tree: string, parents: string[], author: GitAuthor, message: string): Promise<string> {
  // Checked again here, whatever the caller did: a newline in a name would split the commit's
  // author line, and every later read of the history would fail.
  if (!GitAuthorSchema.safeParse(author).success) {
    throw new PostwrightError('invalid-request', 'Your name or email for versions holds a line break or another invisible character. Enter them again under Sync.', {
      problem: 'bad-author',
    });
  }
  const now = Math.floor(Date.now() / 1000);
  const who = { name: author.name, email: author.email, timestamp: now, timezoneOffset: new Date().getTimezoneOffset() };
  const text = message.endsWith('\n') ? message : `${message}\n`;
  return git.writeCommit({ fs, dir: repo.dir, gitdir: repo.gitdir, commit: { tree, parent: parents, author: who, committer: who, message: text } });
}

/** Moves `refs/heads/<branch>` to `oid`. */
export async function moveBranch(repo: Repo, branch: string, oid: string): Promise<void> {
  await git.writeRef({ fs, dir: repo.dir, gitdir: repo.gitdir, ref: `refs/heads/${branch}`, value: oid, force: true });
}
