// The walk of a site's content folder that finds its post files: leaf bundles (a folder with an
// index file; everything else in it is a resource of that page), branch bundles and single
// Markdown files; hidden folders and symbolic links are skipped. Content-relative POSIX paths
// throughout: Node accepts '/' on every system, and at 100,000 posts resolving paths per post
// cost more than the file calls.
//
// A walk given folder records (FolderWalk) does not read a folder whose modification time is the
// one it had when last read: a folder's time changes whenever a name in it is added, removed or
// renamed (on every system and file system we support), so its names are the ones recorded.
// Only folders read well after their last change are recorded (RACY_MS), as git does with its
// index: a change in the same tick of a coarse clock as the read would leave the time unchanged.
import { lstatSync, readdirSync, statSync, type Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { MD_RE, LEAF_RE } from '../../../shared/post/post-files';

/** What a walk found in one folder it read: its time then, its post files, the folders under it to walk. */
export interface FolderRecord {
  mtimeMs: number;
  posts: readonly string[];
  subs: readonly string[];
}

/** A folder changed less than this before it was read is not recorded (FAT keeps times to 2 s). */
export const RACY_MS = 3000;

/** The records a walk trusts (`known`) and the ones it leaves for the next walk (`next`, filled by it). */
export interface FolderWalk {
  known: ReadonlyMap<string, FolderRecord>;
  next: Map<string, FolderRecord>;
  /** Folders the walk read (the others were taken from their records). */
  read: number;
}

/**
 * The leaf bundles among known post paths (content-relative): folder → its index file's name,
 * for findPostRelsSync's `knownLeaves`. A caller that finds such an index file gone walks its
 * folder again (findPostRelsSync(dir, undefined, folder)): it may hold posts of its own now.
 */
export function knownLeavesOf(rels: Iterable<string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const rel of rels) {
    const slash = rel.lastIndexOf('/');
    if (slash > 0 && LEAF_RE.test(rel.slice(slash + 1))) out.set(rel.slice(0, slash), rel.slice(slash + 1));
  }
  return out;
}

/** Walks the content folder; skips hidden folders and the resources of leaf bundles. */
export function findPostFilesSync(dir: string): string[] {
  return findPostRelsSync(dir).map((rel) => join(dir, ...rel.split('/')));
}

/**
 * The same walk in content-relative POSIX paths (`knownLeaves` keyed by relative folder), from
 * `startRel` ('' for the whole content folder). `folders`: the records to trust and to fill (see
 * the top of this file); none: every folder is read.
 */
export function findPostRelsSync(contentDir: string, knownLeaves?: { get(folder: string): string | undefined }, startRel = '', folders?: FolderWalk): string[] {
  const out: string[] = [];
  const probe = caseSensitive(contentDir);
  const stack = [startRel];
  const now = Date.now();
  // A folder holding a plain file index.md is a leaf bundle whatever else it holds: one lstat
  // tells, where reading the folder cost 4x more (most of a first listing of a 100,000-post
  // site). Only where names are exact: elsewhere 'index.md' would also find 'Index.md' and the
  // post's path would be spelt wrong.
  const leafOf = (sub: string) => knownLeaves?.get(sub) ?? (probe && isPlainFile(`${contentDir}/${sub}/index.md`) ? 'index.md' : undefined);
  while (stack.length) {
    const rel = stack.pop()!;
    const abs = rel ? `${contentDir}/${rel}` : contentDir;
    if (!folders) {
      let entries: Dirent[];
      try {
        entries = readdirSync(abs, { withFileTypes: true });
      } catch {
        continue;
      }
      sortFolder(rel, entries, out, stack, leafOf);
      continue;
    }
    // Its time before its names: a change between the two makes the record older than the
    // folder, so the next walk reads it again. The content folder itself may be a link.
    let mtimeMs: number;
    try {
      const st = rel ? lstatSync(abs, { throwIfNoEntry: false }) : statSync(abs, { throwIfNoEntry: false });
      if (!st?.isDirectory()) continue;
      mtimeMs = st.mtimeMs;
    } catch {
      continue;
    }
    let record = folders.known.get(rel);
    if (record?.mtimeMs !== mtimeMs) {
      let entries: Dirent[];
      try {
        entries = readdirSync(abs, { withFileTypes: true });
      } catch {
        continue;
      }
      folders.read++;
      const posts: string[] = [];
      const subs: string[] = [];
      sortFolder(rel, entries, posts, subs, leafOf);
      record = { mtimeMs, posts, subs };
      if (mtimeMs + RACY_MS >= now) record = undefined; // read again next time
      pushAll(out, posts);
      pushAll(stack, subs);
      if (record) folders.next.set(rel, record);
      continue;
    }
    folders.next.set(rel, record);
    pushAll(out, record.posts);
    pushAll(stack, record.subs);
  }
  return out;
}

/** push(...items) without the limit on a call's arguments (a flat site's folder may hold 100,000 posts). */
function pushAll<T>(to: T[], items: readonly T[]): void {
  for (const item of items) to.push(item);
}

/** findPostFilesSync without blocking the event loop (main process): one folder read at a time. */
export async function findPostFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const stack = [''];
  while (stack.length) {
    const rel = stack.pop()!;
    let entries: Dirent[];
    try {
      entries = await readdir(rel ? `${dir}/${rel}` : dir, { withFileTypes: true });
    } catch {
      continue;
    }
    sortFolder(rel, entries, out, stack, () => undefined);
  }
  return out.map((r) => join(dir, ...r.split('/')));
}

/**
 * One folder of the walk (`rel`, content-relative POSIX): pushes its post files to `out` and the
 * folders to walk next to `next`. `leafOf(sub)` names a subfolder's bundle file when it is
 * known without reading the folder.
 */
function sortFolder(rel: string, entries: Dirent[], out: string[], next: string[], leafOf: (sub: string) => string | undefined): void {
  const prefix = rel ? `${rel}/` : '';
  const leaf = entries.find((e) => e.isFile() && LEAF_RE.test(e.name));
  if (leaf) {
    out.push(prefix + leaf.name); // everything else in a leaf bundle is a resource of that page
    return;
  }
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    if (e.isDirectory()) {
      const sub = prefix + e.name;
      const leafName = leafOf(sub);
      if (leafName) out.push(`${sub}/${leafName}`);
      else next.push(sub);
    } else if (e.isFile() && MD_RE.test(e.name)) out.push(prefix + e.name);
  }
}

function isPlainFile(abs: string): boolean {
  try {
    return lstatSync(abs, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

const caseSensitiveDirs = new Map<string, boolean>();

/** Whether file names under `dir` are told apart by case (the folder's name spelt in the other case is not the same folder). */
function caseSensitive(dir: string): boolean {
  let known = caseSensitiveDirs.get(dir);
  if (known === undefined) {
    const name = basename(dir);
    const other = name === name.toLowerCase() ? name.toUpperCase() : name.toLowerCase();
    try {
      const here = lstatSync(dir, { throwIfNoEntry: false });
      const there = other === name ? here : lstatSync(join(dirname(dir), other), { throwIfNoEntry: false });
      // No letter in the name: nothing tells; take the safe answer (names may not be exact).
      known = !!here && other !== name && (!there || there.ino !== here.ino || there.dev !== here.dev);
    } catch {
      known = false;
    }
    caseSensitiveDirs.set(dir, known);
  }
  return known;
}

