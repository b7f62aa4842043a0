// Git object ids of files in the work tree, cached by stat data (size, mtime, inode, mode) the
// way git's index does, so a status of 10,000 unchanged posts costs one lstat per file and no
// reads. Files modified in the last seconds are not cached ("racy git": an edit within the
// same clock tick would keep the same mtime).
import { lstatSync, readFileSync, readdirSync, readlinkSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { objectOid, serializeTree, TREE_MODE, type TreeEntry } from './tree-store';
import { TEMP_FILE_RE } from '../fs/atomic-write';

const RACY_MS = 3000;

interface HashEntry {
  size: number;
  mtimeMs: number;
  ino: number;
  mode: number;
  oid: string;
}

export interface WorkFile {
  /** Path relative to the unit's folder ('' for a single-file unit). */
  rel: string;
  abs: string;
  stat: Stats;
}

export class WorktreeHasher {
  private cache = new Map<string, HashEntry>();

  /** Git mode of a work-tree file. */
  static modeOf(st: Stats): string {
    if (st.isSymbolicLink()) return '120000';
    return st.mode & 0o111 ? '100755' : '100644';
  }

  blobOid(abs: string, st: Stats): string {
    const hit = this.cache.get(abs);
    if (hit && hit.size === st.size && hit.mtimeMs === st.mtimeMs && hit.ino === st.ino && hit.mode === st.mode) return hit.oid;
    const data = st.isSymbolicLink() ? Buffer.from(readlinkSync(abs), 'utf8') : readFileSync(abs);
    const oid = objectOid('blob', data);
    if (Date.now() - st.mtimeMs > RACY_MS) this.cache.set(abs, { size: st.size, mtimeMs: st.mtimeMs, ino: st.ino, mode: st.mode, oid });
    else this.cache.delete(abs);
    return oid;
  }

  /**
   * The oid git would give a folder's tree (recursively), without writing anything; null when
   * the folder holds no files (git keeps no empty folders).
   */
  folderOid(files: WorkFile[]): string | null {
    if (files.length === 0) return null;
    const root: Dir = new Map();
    for (const f of files) {
      const parts = f.rel.split('/');
      let d = root;
      for (let i = 0; i < parts.length - 1; i++) {
        let sub = d.get(parts[i]);
        if (!(sub instanceof Map)) {
          sub = new Map();
          d.set(parts[i], sub);
        }
        d = sub;
      }
      d.set(parts[parts.length - 1], { mode: WorktreeHasher.modeOf(f.stat), name: parts[parts.length - 1], oid: this.blobOid(f.abs, f.stat) });
    }
    return dirOid(root);
  }
}

type Dir = Map<string, Dir | TreeEntry>;

function dirOid(d: Dir): string {
  const entries: TreeEntry[] = [];
  for (const [name, v] of d) entries.push(v instanceof Map ? { mode: TREE_MODE, name, oid: dirOid(v) } : v);
  return objectOid('tree', serializeTree(entries));
}

/** Every file (and symlink) under a folder, skipping `.git`. Missing folder → []. */
export function listWorkFiles(folder: string, prefix = '', out: WorkFile[] = []): WorkFile[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return out;
  }
  for (const name of names) {
    // Temp files of interrupted saves are never part of a post (nor of a version).
    if (name === '.git' || TEMP_FILE_RE.test(name)) continue;
    const abs = join(folder, name);
    let st: Stats;
    try {
      st = lstatSync(abs);
    } catch {
      continue;
    }
    const rel = prefix ? `${prefix}/${name}` : name;
    if (st.isDirectory()) listWorkFiles(abs, rel, out);
    else if (st.isFile() || st.isSymbolicLink()) out.push({ rel, abs, stat: st });
  }
  return out;
}

/** A one-line fingerprint of a set of files' stat data, to cache per-post answers. */
export function fingerprint(files: WorkFile[]): string {
  return files.map((f) => `${f.rel}:${f.stat.size}:${f.stat.mtimeMs}:${f.stat.ino}:${f.stat.mode}`).join('|');
}
