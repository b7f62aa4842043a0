// One walk of the content folder that finds the posts (same rules as the post list: a folder
// with index.md is a leaf bundle whose other files are its resources; hidden folders skipped)
// and collects each post's unit files with their stat data. Folder listings are cached by the
// folder's own stat (adding, removing or renaming an entry changes a folder's mtime), so a
// repeated status costs one lstat per folder and per file instead of a readdir per folder:
// on 10,000 posts that walk is most of the cost of a status.
import { lstatSync, readdirSync, type Stats } from 'node:fs';
import { sep } from 'node:path';
import { LiteStat, type WorkFile } from './worktree-hash';
import { TEMP_FILE_RE } from '../fs/atomic-write';
import { MD_RE, LEAF_RE } from '../../../shared/post/post-files';

const RACY_MS = 3000;

export interface ScannedPost {
  /** Content-relative POSIX path of the post's text file. */
  path: string;
  files: WorkFile[];
}

type Kind = 'dir' | 'file' | 'link' | 'other';
interface Listing {
  mtimeMs: number;
  ino: number;
  entries: Array<[string, Kind]>;
}

export class PostScanner {
  private listings = new Map<string, Listing>();

  scan(contentDir: string): ScannedPost[] {
    const out: ScannedPost[] = [];
    const seen = new Set<string>();
    // Paths below are joined by hand: the base must end without a separator, as join leaves it.
    const base = contentDir.length > 1 ? contentDir.replace(/[\\/]+$/, '') || contentDir : contentDir;
    const stack: Array<[string, string]> = [[base, '']];
    while (stack.length) {
      const [dir, rel] = stack.pop()!;
      const entries = this.list(dir, seen);
      if (!entries) continue;
      const leaf = entries.find(([name, kind]) => kind === 'file' && LEAF_RE.test(name));
      if (leaf && rel) {
        const files: WorkFile[] = [];
        this.collect(dir, '', entries, files, seen);
        out.push({ path: `${rel}/${leaf[0]}`, files });
        continue;
      }
      for (const [name, kind] of entries) {
        if (name.startsWith('.')) continue;
        const childRel = rel ? `${rel}/${name}` : name;
        if (kind === 'dir') stack.push([`${dir}${sep}${name}`, childRel]);
        else if (kind === 'file' && MD_RE.test(name)) {
          const abs = `${dir}${sep}${name}`;
          const st = lstatOrNull(abs);
          if (st?.isFile()) out.push({ path: childRel, files: [{ rel: '', abs, stat: new LiteStat(st) }] });
        }
      }
    }
    for (const k of this.listings.keys()) if (!seen.has(k)) this.listings.delete(k);
    return out;
  }

  /** Every file of a bundle folder (recursively, `.git` excluded) with its stat data. */
  private collect(dir: string, prefix: string, entries: Array<[string, Kind]>, out: WorkFile[], seen: Set<string>): void {
    for (const [name, kind] of entries) {
      // Temp files of interrupted saves are never part of a post (as in listWorkFiles).
      if (name === '.git' || TEMP_FILE_RE.test(name)) continue;
      // Joined by hand: path.join normalises, which costs more than the lstat at 100,000 posts.
      const abs = `${dir}${sep}${name}`;
      const rel = prefix ? `${prefix}/${name}` : name;
      if (kind === 'dir') {
        const sub = this.list(abs, seen);
        if (sub) this.collect(abs, rel, sub, out, seen);
      } else if (kind === 'file' || kind === 'link') {
        const st = lstatOrNull(abs);
        if (st && (st.isFile() || st.isSymbolicLink())) out.push({ rel, abs, stat: new LiteStat(st) });
      }
    }
  }

  private list(dir: string, seen: Set<string>): Array<[string, Kind]> | null {
    const st = lstatOrNull(dir);
    if (!st?.isDirectory()) return null;
    seen.add(dir);
    const hit = this.listings.get(dir);
    if (hit && hit.mtimeMs === st.mtimeMs && hit.ino === st.ino) return hit.entries;
    let entries: Array<[string, Kind]>;
    try {
      entries = readdirSync(dir, { withFileTypes: true }).map((e) => [
        e.name,
        e.isDirectory() ? 'dir' : e.isFile() ? 'file' : e.isSymbolicLink() ? 'link' : 'other',
      ]);
    } catch {
      return null;
    }
    if (Date.now() - st.mtimeMs > RACY_MS) this.listings.set(dir, { mtimeMs: st.mtimeMs, ino: st.ino, entries });
    else this.listings.delete(dir);
    return entries;
  }
}

function lstatOrNull(abs: string): Stats | null {
  try {
    return lstatSync(abs, { throwIfNoEntry: false }) ?? null;
  } catch {
    return null;
  }
}
