// `postwright list <site> [--json]`: the posts of a site, newest first, as the app lists them.
import { openSiteFolder } from '../../services/site/open-site';
import { PostLister } from '../../services/site/list-posts';
import { isPostwrightError } from '../../../shared/ipc/errors';

export const summary = 'list the posts of a Hugo site';

export async function run(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const dir = argv.find((a) => !a.startsWith('--'));
  if (!dir) {
    process.stderr.write('Usage: postwright list <site> [--json]\n');
    return 2;
  }
  try {
    const site = await openSiteFolder(dir);
    const posts = await new PostLister(site.contentDir).list();
    if (json) {
      process.stdout.write(JSON.stringify(posts.map(({ path, title, date, draft, section, tags, frontMatterError }) => ({ path, title, date, draft, section, tags, frontMatterError })), null, 2) + '\n');
    } else {
      for (const p of posts) {
        const flags = [p.draft ? 'draft' : '', p.frontMatterError ? `broken front matter: ${p.frontMatterError}` : ''].filter(Boolean).join(', ');
        process.stdout.write(`${p.path}\t${p.title}\t${p.date ?? '-'}\t${p.draft ? 'draft' : 'published'}${flags && p.frontMatterError ? `\t(${flags})` : ''}\n`);
      }
    }
    return 0;
  } catch (e) {
    process.stderr.write(`postwright list: ${isPostwrightError(e) ? e.message : (e as Error).message}\n`);
    return 1;
  }
}
