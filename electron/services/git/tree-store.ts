// Reads and writes git tree objects as raw bytes and keeps parsed trees by oid. Trees are
// immutable, so a cache keyed by oid never goes stale; this is what lets status, commit and
// history touch only the few trees on a post's path instead of the 10,000-entry tree walks
// isomorphic-git's statusMatrix and commit do.
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import * as git from 'isomorphic-git';

export const TREE_MODE = '40000';

export interface TreeEntry {
  /** Git mode as written in trees: 40000 (tree), 100644, 100755, 120000 (symlink), 160000. */
  mode: string;
  name: string;
  oid: string;
}

export interface Tree {
  entries: TreeEntry[];
  byName: Map<string, TreeEntry>;
}

export const EMPTY_TREE_OID = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

export function isTree(e: TreeEntry | undefined | null): boolean {
  return !!e && e.mode === TREE_MODE;
}

export function parseTree(buf: Uint8Array): TreeEntry[] {
  const out: TreeEntry[] = [];
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  let i = 0;
  while (i < b.length) {
    const sp = b.indexOf(0x20, i);
    const nul = b.indexOf(0, sp);
    const mode = b.toString('latin1', i, sp);
    const name = b.toString('utf8', sp + 1, nul);
    const oid = b.toString('hex', nul + 1, nul + 21);
    out.push({ mode: mode === '040000' ? TREE_MODE : mode, name, oid });
    i = nul + 21;
  }
  return out;
}

/** Git orders entries by name bytes, comparing a tree's name as if it ended with "/". */
function sortKey(e: TreeEntry): Buffer {
  return Buffer.from(e.mode === TREE_MODE ? `${e.name}/` : e.name, 'utf8');
}

export function serializeTree(entries: TreeEntry[]): Buffer {
  const sorted = entries.map((e) => ({ e, k: sortKey(e) })).sort((x, y) => Buffer.compare(x.k, y.k));
  const parts: Buffer[] = [];
  for (const { e } of sorted) {
    parts.push(Buffer.from(`${e.mode} ${e.name}\0`, 'utf8'), Buffer.from(e.oid, 'hex'));
  }
  return Buffer.concat(parts);
}

/** The oid git gives an object, without writing it. */
export function objectOid(type: 'blob' | 'tree', content: Uint8Array): string {
  return createHash('sha1').update(`${type} ${content.byteLength}\0`).update(content).digest('hex');
}

/** Bound on cached entries (a 10k-post folder tree counts 10k), so memory stays modest. */
const MAX_CACHED_ENTRIES = 400_000;

export class TreeStore {
  private cache = new Map<string, Tree>();
  private cachedEntries = 0;
  constructor(
    private readonly dir: string,
    private readonly gitdir: string,
    private readonly gitCache: object,
  ) {}

  async read(oid: string): Promise<Tree> {
    const hit = this.cache.get(oid);
    if (hit) {
      // refresh its place in insertion order (LRU)
      this.cache.delete(oid);
      this.cache.set(oid, hit);
      return hit;
    }
    if (oid === EMPTY_TREE_OID) return this.remember(oid, []);
    const { object, type } = await git.readObject({ fs, dir: this.dir, gitdir: this.gitdir, oid, format: 'content', cache: this.gitCache });
    if (type !== 'tree') throw new Error(`object ${oid} is a ${type}, not a tree`);
    return this.remember(oid, parseTree(object as Uint8Array));
  }

  async write(entries: TreeEntry[]): Promise<string> {
    const content = serializeTree(entries);
    const oid = objectOid('tree', content);
    if (!this.cache.has(oid)) {
      await git.writeObject({ fs, dir: this.dir, gitdir: this.gitdir, type: 'tree', object: content, format: 'content' });
      this.remember(oid, entries);
    }
    return oid;
  }

  /** The entry at a slash-separated path under tree `root`, or null. */
  async entryAt(root: string | null, path: string): Promise<TreeEntry | null> {
    if (!root) return null;
    if (path === '') return { mode: TREE_MODE, name: '', oid: root };
    const parts = path.split('/');
    let tree = root;
    for (let i = 0; i < parts.length; i++) {
      const e = (await this.read(tree)).byName.get(parts[i]);
      if (!e) return null;
      if (i === parts.length - 1) return e;
      if (!isTree(e)) return null;
      tree = e.oid;
    }
    return null;
  }

  /** Like entryAt from cached trees only; undefined when a tree on the path is not cached. */
  entryAtSync(root: string | null, path: string): TreeEntry | null | undefined {
    if (!root) return null;
    const parts = path.split('/');
    let tree = root;
    for (let i = 0; i < parts.length; i++) {
      const t = this.cache.get(tree);
      if (!t) return undefined;
      const e = t.byName.get(parts[i]);
      if (!e) return null;
      if (i === parts.length - 1) return e;
      if (!isTree(e)) return null;
      tree = e.oid;
    }
    return null;
  }

  /**
   * A new root tree equal to `root` with `path` set to `entry` (null removes it). Only the trees
   * along the path are rewritten; emptied folders disappear as in git.
   */
  async replaceAt(root: string | null, path: string, entry: Omit<TreeEntry, 'name'> | null): Promise<string> {
    const parts = path.split('/');
    const rec = async (treeOid: string | null, depth: number): Promise<string | null> => {
      const entries = treeOid ? [...(await this.read(treeOid)).entries] : [];
      const name = parts[depth];
      const idx = entries.findIndex((e) => e.name === name);
      let next: TreeEntry | null;
      if (depth === parts.length - 1) {
        next = entry ? { ...entry, name } : null;
      } else {
        const cur = idx >= 0 && isTree(entries[idx]) ? entries[idx].oid : null;
        const sub = await rec(cur, depth + 1);
        next = sub ? { mode: TREE_MODE, name, oid: sub } : null;
      }
      if (idx >= 0) entries.splice(idx, 1);
      if (next) entries.push(next);
      if (entries.length === 0) return null;
      return this.write(entries);
    };
    return (await rec(root, 0)) ?? (await this.write([]));
  }

  /** Every file under tree `oid`, as path (relative to it) → entry. */
  async listFiles(oid: string, prefix = '', out = new Map<string, TreeEntry>()): Promise<Map<string, TreeEntry>> {
    for (const e of (await this.read(oid)).entries) {
      const p = prefix ? `${prefix}/${e.name}` : e.name;
      if (isTree(e)) await this.listFiles(e.oid, p, out);
      else out.set(p, e);
    }
    return out;
  }

  private remember(oid: string, entries: TreeEntry[]): Tree {
    const tree: Tree = { entries, byName: new Map(entries.map((e) => [e.name, e])) };
    this.cache.set(oid, tree);
    this.cachedEntries += entries.length + 1;
    for (const [k, v] of this.cache) {
      if (this.cachedEntries <= MAX_CACHED_ENTRIES) break;
      this.cache.delete(k);
      this.cachedEntries -= v.entries.length + 1;
    }
    return tree;
  }
}
