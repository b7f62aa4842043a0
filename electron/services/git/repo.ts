// The repository a site lives in: where its work tree and .git folder are, and how a post's
// content-relative path maps to the repository path of its "unit" (what a version saves):
// the bundle folder for index.md bundles, else the single file.
import fs from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import * as git from 'isomorphic-git';
import { TreeStore } from './tree-store';
import { STAT_CACHE_FILE, WorktreeHasher } from './worktree-hash';
import { FOLDER_CACHE_FILE, PostScanner } from './scan-posts';
import { IndexStats } from './index-stats';
import { LEAF_PATH_RE, LEAF_TEXT_NAMES, isMarkdownFile } from '../../../shared/post/post-files';

export interface Repo {
  /** Work tree root (may be the site root or a folder above it). */
  dir: string;
  gitdir: string;
  /** Repository path of the content folder, POSIX, '' when it is the work tree root. */
  contentPrefix: string;
  contentDir: string;
  /** isomorphic-git's cache object (pack indexes, parsed index), reused across calls. */
  gitCache: object;
  trees: TreeStore;
  hasher: WorktreeHasher;
  scanner: PostScanner;
}

export async function findRepo(siteRoot: string, contentDir: string): Promise<Repo | null> {
  let dir: string;
  try {
    dir = await git.findRoot({ fs, filepath: siteRoot });
  } catch {
    return null;
  }
  return makeRepo(dir, contentDir);
}

export async function makeRepo(dir: string, contentDir: string): Promise<Repo> {
  const gitdir = await resolveGitdir(dir);
  const gitCache = {};
  const hasher = new WorktreeHasher(join(gitdir, STAT_CACHE_FILE), new IndexStats(dir, join(gitdir, 'index')));
  await hasher.load();
  return {
    dir,
    gitdir,
    contentPrefix: toPosix(relative(dir, contentDir)),
    contentDir,
    gitCache,
    trees: new TreeStore(dir, gitdir, gitCache),
    hasher,
    // Its folder listings kept beside the stat cache, for the same reason (see scan-posts.ts).
    scanner: new PostScanner({}, join(gitdir, FOLDER_CACHE_FILE)),
  };
}

/** `.git` is usually a folder; in linked work trees and submodules it is a file naming one. */
async function resolveGitdir(dir: string): Promise<string> {
  const dotgit = join(dir, '.git');
  const st = await stat(dotgit);
  if (st.isDirectory()) return dotgit;
  const m = /^gitdir:\s*(.+?)\s*$/m.exec(await readFile(dotgit, 'utf8'));
  if (!m) return dotgit;
  return isAbsolute(m[1]) ? m[1] : resolve(dir, m[1]);
}

export function toPosix(p: string): string {
  return p.split(sep).join('/');
}

export interface PostUnit {
  /** 'folder' for a leaf bundle (index.md with its images), else 'file'. */
  kind: 'folder' | 'file';
  /** Content-relative POSIX path of the folder or file. */
  rel: string;
  /** Repository path of the folder or file. */
  repoPath: string;
  /** Repository path of the post's text file. */
  textRepoPath: string;
}

export function postUnit(repo: Repo, postPath: string): PostUnit {
  const post = postPath.replace(/\\/g, '/');
  const leaf = LEAF_PATH_RE.test(post) && post.includes('/');
  const rel = leaf ? post.slice(0, post.lastIndexOf('/')) : post;
  return { kind: leaf ? 'folder' : 'file', rel, repoPath: repoPathOf(repo, rel), textRepoPath: repoPathOf(repo, post) };
}

export function repoPathOf(repo: Repo, contentRel: string): string {
  return repo.contentPrefix ? `${repo.contentPrefix}/${contentRel}` : contentRel;
}

/** Content-relative path of a repository path, or null when it lies outside the content folder. */
export function contentRelOf(repo: Repo, repoPath: string): string | null {
  if (!repo.contentPrefix) return repoPath;
  return repoPath.startsWith(`${repo.contentPrefix}/`) ? repoPath.slice(repo.contentPrefix.length + 1) : null;
}

export function absOf(repo: Repo, repoPath: string): string {
  return join(repo.dir, ...repoPath.split('/'));
}

/** The post whose unit holds a repository file (a bundle's image belongs to its index.md). */
export async function postOfRepoFile(repo: Repo, repoPath: string): Promise<string> {
  const rel = contentRelOf(repo, repoPath) ?? repoPath;
  if (isMarkdownFile(rel)) return rel;
  for (let d = dirname(rel); d !== '.' && d !== ''; d = dirname(d)) {
    for (const text of LEAF_TEXT_NAMES) {
      if (await stat(join(repo.contentDir, d, text)).then(() => true, () => false)) return `${d}/${text}`;
    }
  }
  return rel;
}
