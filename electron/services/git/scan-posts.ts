// One walk of the content folder that finds the posts (same rules as the post list: a folder
// with index.md is a leaf bundle whose other files are its resources; hidden folders skipped)
// and collects each post's unit files with their stat data. One readdir per folder and one
// lstat per file: on 10,000 posts this walk is most of the cost of a status.
import { lstatSync, readdirSync, type Dirent, type Stats } from 'node:fs';
import { join } from 'node:path';
import { listWorkFiles, type WorkFile } from './worktree-hash';

const MD_RE = /\.(md|markdown)$/i;
const LEAF_RE = /^index(\.[a-z-]+)?\.(md|markdown)$/i;

export interface ScannedPost {
  /** Content-relative POSIX path of the post's text file. */
  path: string;
  files: WorkFile[];
}

export function scanPosts(contentDir: string): ScannedPost[] {
  const out: ScannedPost[] = [];
  const stack: Array<[string, string]> = [[contentDir, '']];
  while (stack.length) {
    const [dir, rel] = stack.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    const leaf = entries.find((e) => e.isFile() && LEAF_RE.test(e.name));
    if (leaf && rel) {
      const files: WorkFile[] = [];
      for (const e of entries) {
        if (e.name === '.git') continue;
        const abs = join(dir, e.name);
        if (e.isDirectory()) listWorkFiles(abs, e.name, files);
        else if (e.isFile() || e.isSymbolicLink()) {
          const st = lstatOrNull(abs);
          if (st) files.push({ rel: e.name, abs, stat: st });
        }
      }
      out.push({ path: `${rel}/${leaf.name}`, files });
      continue;
    }
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const childRel = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) stack.push([join(dir, e.name), childRel]);
      else if (e.isFile() && MD_RE.test(e.name)) {
        const abs = join(dir, e.name);
        const st = lstatOrNull(abs);
        if (st) out.push({ path: childRel, files: [{ rel: '', abs, stat: st }] });
      }
    }
  }
  return out;
}

function lstatOrNull(abs: string): Stats | null {
  try {
    return lstatSync(abs);
  } catch {
    return null;
  }
}
