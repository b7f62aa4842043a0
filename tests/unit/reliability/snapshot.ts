// Fingerprints of every entry under a folder (files by sha256, symlinks by target, others by
// type), without following symlinks, so a test can prove that nothing on disk changed.
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const abs = join(d, name);
      const st = lstatSync(abs);
      if (st.isSymbolicLink()) out.set(abs, `link:${readlinkSync(abs)}`);
      else if (st.isDirectory()) {
        out.set(abs, 'dir');
        walk(abs);
      } else if (st.isFile()) out.set(abs, `file:${st.mode & 0o777}:${createHash('sha256').update(readFileSync(abs)).digest('hex')}`);
      else out.set(abs, `other:${st.mode}`);
    }
  };
  walk(dir);
  return out;
}

/** Entries added, removed or changed between two snapshots. */
export function changes(before: Map<string, string>, after: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [k, v] of before) if (after.get(k) !== v) out.push(after.has(k) ? `changed ${k}` : `removed ${k}`);
  for (const k of after.keys()) if (!before.has(k)) out.push(`added ${k}`);
  return out;
}
