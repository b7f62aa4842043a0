// Where a cache of one site's content folder is kept in the app's data folder: one file per
// folder and kind, named by a hash of the folder's path (the post list's and the search index's).
import { createHash } from 'node:crypto';
import { join } from 'node:path';

export function siteCacheFile(dataDir: string, kind: string, contentDir: string, ext: string): string {
  const id = createHash('sha1').update(contentDir).digest('hex').slice(0, 16);
  return join(dataDir, kind, `${id}.${ext}`);
}
