// The scale bench's git figures at one size: the first status of a launch, the warm status
// after one edit, Save version, and the git CLI doing the same. measure-git-in-worker.ts runs it
// on a thread with the app's disk worker heap, where the app runs git status.
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchMetric } from '../types';
import { summarize, time } from '../types';
import { AUTHOR, git, postPath, resetToGenerated } from './generate-scale-site';
import { label } from './label';
import { timeStatusLaunches } from './timed-in-worker';
import { IsoGitService } from '../../../electron/services/git/git-service';

/**
 * Git status and Save version, ours and the CLI's. The site is put back as it was found at the
 * end (the commits made here undone, the edits too), so each run measures the same history.
 */
export async function measureGit(root: string, n: number, at100k: boolean): Promise<BenchMetric[]> {
  const L = label(n);
  const start = git(root, 'rev-parse', 'HEAD').trim();
  const settings = new Map<string, unknown>([['gitAuthor', AUTHOR]]);
  const launch = () =>
    new IsoGitService(
      { root, contentDir: join(root, 'content') },
      {
        settings: { get: <T>(k: string) => settings.get(k) as T | undefined, set: (k, v) => void settings.set(k, v) },
        secrets: { get: async () => null, set: async () => {}, persistent: false },
        emit: () => {},
      },
    );
  // The first status after a launch, at three launches (the median), each on a thread of its
  // own with the app's disk worker heap (timeStatusLaunches): one sample on the bench's own
  // thread moved with the machine's load and the bench's heap enough to read as worse-than-
  // linear growth.
  const launches = await timeStatusLaunches({ job: 'status', contentDir: join(root, 'content'), cacheFile: '', root }, 3);
  const short = launches.find((l) => l.count < n);
  if (short) throw new Error(`a first status saw ${short.count} posts of ${n}`);
  const firsts = launches.map((l) => l.ms);
  const svc = launch();
  try {
    const first = await svc.status();
    if (Object.keys(first.posts).length < n) throw new Error(`status saw ${Object.keys(first.posts).length} posts of ${n}`);
    // Five at every size: with three, two slow samples of one run (a cache written at a pause,
    // a busy machine) once moved the 100k median enough to read as worse-than-linear growth.
    const runs = 5;
    const warm: number[] = [];
    const cli: number[] = [];
    const save: number[] = [];
    const cliSave: number[] = [];
    const stamp = Date.now();
    for (let r = 0; r < runs; r++) {
      const ours = postPath((r * 37) % n);
      appendFileSync(join(root, 'content', ours), `\nEdited in run ${stamp}-${r}.\n`);
      const [ms, st] = await time(() => svc.status());
      warm.push(ms);
      if (st.posts[ours] !== 'changed') throw new Error(`status missed the edit of ${ours}`);
      cli.push((await time(() => git(root, 'status', '--porcelain')))[0]);
      save.push((await time(() => svc.saveVersion(ours)))[0]);
      const theirs = postPath((r * 37 + 11) % n);
      appendFileSync(join(root, 'content', theirs), `\nEdited in run ${stamp}-${r}.\n`);
      cliSave.push(
        (
          await time(() => {
            git(root, 'add', join('content', theirs));
            git(root, 'commit', '-qm', `Update ${theirs}`);
          })
        )[0],
      );
    }
    return [
      // A relaunch's: git's index and the caches an earlier launch left in .git (stat cache,
      // folder listings) are there, as at every launch but a site's very first.
      { name: `scale_git_status_first_${L}_ms`, ...summarize(firsts), peer: `scale_peer_git_cli_status_${L}_ms`, unit: 'ms', note: 'the first status after the site opened (lstat of every file and folder), median of three launches' },
      {
        name: `scale_git_status_warm_${L}_ms`,
        ...summarize(warm),
        peer: `scale_peer_git_cli_status_${L}_ms`,
        unit: 'ms',
        targets: at100k ? [{ kind: 'ratio', of: `scale_peer_git_cli_status_${L}_ms`, max: 1 }] : undefined,
        note: 'status after one post was edited',
      },
      { name: `scale_peer_git_cli_status_${L}_ms`, ...summarize(cli), unit: 'ms', note: '`git status --porcelain`' },
      { name: `scale_save_version_${L}_ms`, ...summarize(save), peer: `scale_peer_git_cli_commit_${L}_ms`, unit: 'ms', note: 'Save version of one edited post' },
      { name: `scale_peer_git_cli_commit_${L}_ms`, ...summarize(cliSave), unit: 'ms', note: '`git add <post> && git commit`' },
    ];
  } finally {
    svc.shutdown();
    resetToGenerated(root, start);
  }
}
