// The .md/.markdown files under the paths a command is given, in a stable (sorted) order;
// node_modules and .git are skipped.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isMarkdownFile } from '../../shared/post/post-files';

export async function collectPosts(path: string, out: string[]): Promise<void> {
  const st = await stat(path);
  if (st.isFile()) {
    out.push(path);
    return;
  }
  const entries = await readdir(path, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of entries) {
    if (e.name === 'node_modules' || e.name === '.git') continue;
    const full = join(path, e.name);
    if (e.isDirectory()) await collectPosts(full, out);
    else if (isMarkdownFile(e.name)) out.push(full);
  }
}
