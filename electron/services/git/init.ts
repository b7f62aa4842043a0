// Starts keeping versions of a site: git init (branch "main"), a .gitignore for Hugo's build
// output when there is none, and a first version holding every file of the site.
import fs from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as git from 'isomorphic-git';
import { PostwrightError } from '../../../shared/ipc/errors';
import type { GitAuthor } from '../../../shared/ipc/channels/git';
import { findRepo, type Repo } from './repo';

const HUGO_IGNORE =
  '# Built by Hugo; not part of the site\'s sources\n/public/\n/resources/_gen/\n.hugo_build.lock\n.DS_Store\n' +
  '# Left by a save a crash interrupted (Postwright removes them)\n.*.postwright-*.tmp\n';

export async function initRepository(siteRoot: string, contentDir: string, author: GitAuthor): Promise<Repo> {
  const existing = await findRepo(siteRoot, contentDir);
  if (existing) return existing;
  await git.init({ fs, dir: siteRoot, defaultBranch: 'main' });
  const ignore = join(siteRoot, '.gitignore');
  // 'wx': a site's own .gitignore is kept as it is.
  await writeFile(ignore, HUGO_IGNORE, { flag: 'wx' }).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'EEXIST') throw e;
  });
  await git.add({ fs, dir: siteRoot, filepath: '.' });
  await git.commit({
    fs,
    dir: siteRoot,
    message: 'Start keeping versions of this site\n',
    author: { name: author.name, email: author.email },
  });
  const repo = await findRepo(siteRoot, contentDir);
  if (!repo) throw new PostwrightError('git', 'The site\'s history could not be started. Check that the site folder can be written to.');
  return repo;
}
