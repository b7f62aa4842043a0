// Guards for every write and delete that brings files from a git tree onto disk (sync, the
// choice after a conflict, restore). A tree comes from whoever can push to the shared
// repository, so it is hostile input:
// - entry names that git itself refuses ("..", ".git" and its Windows/macOS aliases, names
//   holding a slash) are refused before anything is written;
// - no folder between the repository root and the file may be a symbolic link, checked with
//   lstat right before each write or delete, so a link (made by another tool, an older
//   Postwright, or the writer) can never carry a write outside the site;
// - symbolic links are never created: a tree entry of mode 120000 becomes a regular file
//   holding the link's text (what git does with core.symlinks=false, e.g. on Windows), so a
//   remote cannot plant a link for a later change to write through.
import { lstatSync, readFileSync, readlinkSync } from 'node:fs';
import { PostwrightError } from '../../../shared/ipc/errors';
import type { Repo } from './repo';
import { absOf } from './repo';

/** Git's verify_path() rules for one tree entry name (as isomorphic-git's own tree parser). */
export function isSafeEntryName(name: string): boolean {
  const hfsClean = name.replace(/[\u200C-\u200F\u202A-\u202E\u206A-\u206F\uFEFF]/g, '');
  const normalized = hfsClean.split(':')[0].toLowerCase().replace(/[. ]+$/, '');
  return !(
    name === '' ||
    name.includes('/') ||
    name.includes('\\') ||
    name.includes('\0') ||
    hfsClean === '.' ||
    hfsClean === '..' ||
    normalized === '.git' ||
    /^\.?git~[1-9]$/.test(normalized)
  );
}

export function assertSafeEntryName(name: string, parentRepoPath: string): void {
  if (isSafeEntryName(name)) return;
  const where = parentRepoPath ? `in "${parentRepoPath}"` : 'at the top of the site';
  throw new PostwrightError(
    'git',
    `The online copy holds a file named "${name}" ${where}. That name could write outside the site or into its history folder, so Postwright refuses to bring it in. Nothing on this computer was changed; ask whoever added it to remove it.`,
    { problem: 'unsafe-path', path: parentRepoPath ? `${parentRepoPath}/${name}` : name },
  );
}

/** The first folder on the way to `repoPath` (inside the repository) that is a symbolic link, or null. */
export function linkedParent(repo: Repo, repoPath: string): string | null {
  const parts = repoPath.split('/');
  for (let i = 1; i < parts.length; i++) {
    const dir = parts.slice(0, i).join('/');
    let st;
    try {
      st = lstatSync(absOf(repo, dir));
    } catch {
      return null; // missing: nothing below it exists either, and mkdir makes real folders
    }
    if (st.isSymbolicLink()) return dir;
  }
  return null;
}

export function linkedParentError(repoPath: string, link: string): PostwrightError {
  return new PostwrightError(
    'git',
    `"${repoPath}" would be written inside "${link}", which is a link to another place on this computer. Postwright never writes through such links, so nothing was changed. Replace the link "${link}" with a real folder and try again.`,
    { problem: 'linked-folder', path: repoPath, link },
  );
}

/** Throws when a folder on the way to `repoPath` is a symbolic link. Call right before writing or deleting. */
export function assertNoLinkedParent(repo: Repo, repoPath: string): void {
  const link = linkedParent(repo, repoPath);
  if (link) throw linkedParentError(repoPath, link);
}

/** True when a regular file (not a link) at `repoPath` holds exactly `oid`. */
export function isRegularFileWith(repo: Repo, repoPath: string, oid: string, diskOid: (repo: Repo, p: string) => string | null): boolean {
  try {
    if (!lstatSync(absOf(repo, repoPath)).isFile()) return false;
  } catch {
    return false;
  }
  return diskOid(repo, repoPath) === oid;
}

/**
 * The bytes at a repository path as git would store them, without following links: a link's
 * own text, a file's bytes, or null when missing (or reached through a linked folder).
 */
export function readWorkBytes(repo: Repo, repoPath: string): Buffer | null {
  if (linkedParent(repo, repoPath)) return null;
  const abs = absOf(repo, repoPath);
  try {
    const st = lstatSync(abs);
    if (st.isSymbolicLink()) return Buffer.from(readlinkSync(abs), 'utf8');
    return st.isFile() ? readFileSync(abs) : null;
  } catch {
    return null;
  }
}
