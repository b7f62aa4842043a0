// One walk of the content folder that finds the posts (same rules as the post list: a folder
// with index.md is a leaf bundle whose other files are its resources; hidden folders skipped)
// and collects each post's unit files with their stat data. Folder listings are cached by the
// folder's own stat (adding, removing or renaming an entry changes a folder's mtime), so a
// repeated status costs one lstat per folder and per file instead of a readdir per folder:
// on 10,000 posts that walk is most of the cost of a status.
import { lstatSync, readdirSync, type Stats } from 'node:fs';
import { sep } from 'node:path';
import { LiteStat, type WorkFile } from './worktree-hash';
import type { PostUnit } from './repo';
import { TEMP_FILE_RE } from '../fs/atomic-write';
import { MD_RE, LEAF_RE } from '../../../shared/post/post-files';

const RACY_MS = 3000;

export interface ScannedPost {
  /** Content-relative POSIX path of the post's text file. */
  path: string;
  files: WorkFile[];
  /** The post's unit, filled in by the status that first needs it (kept while the object is reused). */
  unit?: PostUnit;
}

type Kind = 'dir' | 'file' | 'link' | 'other';
/** A folder entry: its name, kind and absolute path (joined once, when the folder is read). */
type Entry = [string, Kind, string];
interface Listing {
  mtimeMs: number;
  ino: number;
  entries: Entry[];
  /** The name of its leaf bundle text file (index.md), or null. */
  leaf: string | null;
  /** The scan that last reached this folder (a number, not a set of every folder per scan). */
  seen: number;
  /** For a leaf bundle: the post the last scan found here (reused while its files' stat data hold). */
  post?: ScannedPost;
}

export class PostScanner {
  private listings = new Map<string, Listing>();
  private generation = 0;

  scan(contentDir: string): ScannedPost[] {
    const out: ScannedPost[] = [];
    const gen = ++this.generation;
    // Paths below are joined by hand (path.join normalises, which at 100,000 posts costs more
    // than the lstat): the base must end without a separator, as join leaves it.
    const base = contentDir.length > 1 ? contentDir.replace(/[\\/]+$/, '') || contentDir : contentDir;
    // [folder, its parent's content-relative path, its name]: the folder's own path is joined
    // only when needed (not for a bundle the last scan already knows).
    const stack: Array<[string, string, string]> = [[base, '', '']];
    while (stack.length) {
      const [dir, parentRel, dirName] = stack.pop()!;
      const listing = this.list(dir, gen);
      if (!listing) continue;
      if (listing.leaf && dirName) {
        out.push(this.bundle(parentRel, dirName, listing, gen));
        continue;
      }
      const rel = parentRel ? `${parentRel}/${dirName}` : dirName;
      for (const [name, kind, abs] of listing.entries) {
        if (name.startsWith('.')) continue;
        if (kind === 'dir') stack.push([abs, rel, name]);
        else if (kind === 'file' && MD_RE.test(name)) {
          const st = lstatOrNull(abs);
          if (st?.isFile()) out.push({ path: rel ? `${rel}/${name}` : name, files: [{ rel: '', abs, stat: new LiteStat(st) }] });
        }
      }
    }
    // forEach, not for-of: no [key, value] pair built per folder (100,000 of them per status).
    this.listings.forEach((l, k) => {
      if (l.seen !== gen) this.listings.delete(k);
    });
    return out;
  }

  /**
   * A leaf bundle's post. When the folder is unchanged and each file's stat data match the last
   * scan's, the last scan's object is returned as it was: a warm status of 100,000 posts then
   * builds nothing per file but the lstat (and the status knows the post unchanged at a glance).
   */
  private bundle(parentRel: string, name: string, listing: Listing, gen: number): ScannedPost {
    const prev = listing.post;
    if (prev && sameFlatFiles(listing.entries, prev.files)) return prev;
    const files: WorkFile[] = [];
    this.collect('', listing.entries, files, gen);
    const post: ScannedPost = { path: `${parentRel ? `${parentRel}/` : ''}${name}/${listing.leaf}`, files };
    listing.post = post;
    return post;
  }

  /** Every file of a bundle folder (recursively, `.git` excluded) with its stat data. */
  private collect(prefix: string, entries: Entry[], out: WorkFile[], gen: number): void {
    for (const [name, kind, abs] of entries) {
      // Temp files of interrupted saves are never part of a post (as in listWorkFiles).
      if (name === '.git' || TEMP_FILE_RE.test(name)) continue;
      const rel = prefix ? `${prefix}/${name}` : name;
      if (kind === 'dir') {
        const sub = this.list(abs, gen);
        if (sub) this.collect(rel, sub.entries, out, gen);
      } else if (kind === 'file' || kind === 'link') {
        const st = lstatOrNull(abs);
        if (st && (st.isFile() || st.isSymbolicLink())) out.push({ rel, abs, stat: new LiteStat(st) });
      }
    }
  }

  private list(dir: string, gen: number): Listing | null {
    const st = lstatOrNull(dir);
    if (!st?.isDirectory()) return null;
    const hit = this.listings.get(dir);
    if (hit && hit.mtimeMs === st.mtimeMs && hit.ino === st.ino) {
      hit.seen = gen;
      return hit;
    }
    let entries: Entry[];
    try {
      entries = readdirSync(dir, { withFileTypes: true }).map((e) => [
        e.name,
        e.isDirectory() ? 'dir' : e.isFile() ? 'file' : e.isSymbolicLink() ? 'link' : 'other',
        `${dir}${sep}${e.name}`,
      ]);
    } catch {
      return null;
    }
    const leaf = entries.find(([name, kind]) => kind === 'file' && LEAF_RE.test(name))?.[0] ?? null;
    const listing: Listing = { mtimeMs: st.mtimeMs, ino: st.ino, entries, leaf, seen: gen };
    if (Date.now() - st.mtimeMs > RACY_MS) this.listings.set(dir, listing);
    else this.listings.delete(dir);
    return listing;
  }
}

/**
 * True when a folder without subfolders still holds exactly the files of `files` (same names in
 * the same order) with the same stat data. A bundle with subfolders answers false (collected anew).
 */
function sameFlatFiles(entries: Entry[], files: WorkFile[]): boolean {
  let k = 0;
  for (const [name, kind, abs] of entries) {
    if (name === '.git' || TEMP_FILE_RE.test(name)) continue;
    if (kind === 'dir') return false;
    if (kind !== 'file' && kind !== 'link') continue;
    const f = files[k++];
    if (!f || f.rel !== name) return false;
    const st = lstatOrNull(abs);
    if (!st || st.size !== f.stat.size || st.mtimeMs !== f.stat.mtimeMs || st.ino !== f.stat.ino || st.mode !== f.stat.mode) return false;
  }
  return k === files.length;
}

function lstatOrNull(abs: string): Stats | null {
  try {
    return lstatSync(abs, { throwIfNoEntry: false }) ?? null;
  } catch {
    return null;
  }
}
