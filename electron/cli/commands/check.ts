// `postwright check <site> [--json]`: the pre-publish checklist for every post, so a team can
// run it in CI. Exit code 1 when any post has an error (a missing image, a broken ref, garbled
// characters...), 0 when there are only warnings or nothing.
import { openSiteFolder } from '../../services/site/open-site';
import { PostChecker } from '../../services/checks/post-checks';
import { isPostwrightError } from '../../../shared/ipc/errors';

export const summary = 'pre-publish checks for every post';

export async function run(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const dir = argv.find((a) => !a.startsWith('--'));
  if (!dir) {
    process.stderr.write('Usage: postwright check <site> [--json]\n');
    return 2;
  }
  try {
    const site = await openSiteFolder(dir);
    const results = await new PostChecker(site).checkAll();
    const count = (sev: string) => results.reduce((n, r) => n + r.problems.filter((p) => p.severity === sev).length, 0);
    const errors = count('error');
    const warnings = count('warning');
    if (json) {
      const posts = results.filter((r) => r.problems.length);
      process.stdout.write(JSON.stringify({ site: site.root, checked: results.length, errors, warnings, posts }, null, 2) + '\n');
    } else {
      for (const r of results) {
        if (!r.problems.length) continue;
        process.stdout.write(`${r.path}  (${r.title})\n`);
        for (const p of r.problems) {
          process.stdout.write(`  ${p.severity === 'error' ? 'error  ' : 'warning'}  ${p.line ? `line ${p.line}: ` : ''}${p.message}\n`);
        }
      }
      process.stdout.write(`${results.length} post${results.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}.\n`);
    }
    return errors ? 1 : 0;
  } catch (e) {
    process.stderr.write(`postwright check: ${isPostwrightError(e) ? e.message : (e as Error).message}\n`);
    return 1;
  }
}
