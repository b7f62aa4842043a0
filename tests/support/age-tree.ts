// Sets a folder tree's times to the past: a site at rest, whose folders a cache that trusts
// folder times (the post list's, git's folder listings) may take as unchanged.
import { readdirSync, utimesSync } from 'node:fs';
import { join } from 'node:path';

/** Every folder and file under `dir`, and `dir` itself, set to `when` (a minute ago). */
export function ageTree(dir: string, when = new Date(Date.now() - 60_000)): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) ageTree(join(dir, e.name), when);
    else utimesSync(join(dir, e.name), when, when);
  }
  utimesSync(dir, when, when);
}
