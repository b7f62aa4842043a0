// What the list should show, computed from the files as Hugo sees them: every index.md and
// _index.md, plus every other .md file that is not a resource inside a leaf bundle.
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export function expectedPostPaths(contentDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    const entries = readdirSync(dir, { withFileTypes: true });
    const leafBundle = existsSync(join(dir, 'index.md'));
    for (const e of entries) {
      const abs = join(dir, e.name);
      if (e.isDirectory()) {
        if (!leafBundle) walk(abs);
      } else if (e.name === 'index.md' || e.name === '_index.md' || (!leafBundle && e.name.endsWith('.md'))) {
        out.push(relative(contentDir, abs).split(sep).join('/'));
      }
    }
  };
  walk(contentDir);
  return out.sort();
}
