// Temp files that interrupted saves left behind (`.<name>.postwright-<hex>.tmp`, see
// atomic-write.ts), removed when a site opens. Each holds a whole copy of a post or image, so
// after many crashes they add up (a probe measured 22.5 MB after 300 kills). Links are never
// followed (Dirent types come from lstat), so the sweep stays inside the site; Hugo's build
// output and the history folder are skipped.
import type { Dirent } from 'node:fs';
import { readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { isLeftover, TEMP_FILE_RE } from './atomic-write';

const SKIP = new Set(['.git', 'node_modules', 'public', 'resources']);

/** Removes leftover temp files under `root`; returns how many were removed. */
export async function removeLeftoverTempsUnder(root: string): Promise<number> {
  let removed = 0;
  const walk = async (dir: string, depth: number): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const abs = join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP.has(e.name) && depth < 64) await walk(abs, depth + 1);
      } else if (e.isFile() && TEMP_FILE_RE.test(e.name) && (await isLeftover(abs))) {
        await unlink(abs).then(() => removed++, () => {});
      }
    }
  };
  await walk(root, 0);
  return removed;
}
