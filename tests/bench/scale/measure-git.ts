// The scale bench's git figures at one size: the first status of a launch, the warm status
// after one edit, Save version, and the git CLI doing the same. measure-git-in-worker.ts runs it
// on a thread with the app's disk worker heap, where the app runs git status. The bench takes
// these samples in rounds over every size (scale.bench.ts), then gitMetrics() makes the figures.
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchMetric } from '../types';
import { summarize, time } from '../types';
import { AUTHOR, git, postPath, resetToGenerated } from './generate-scale-site';
import { label } from './label';
import { timeStatusLaunches } from './timed-in-worker';
import { IsoGitService } from '../../../electron/services/git/git-service';

/** One round's samples at one size (ms). */
export interface GitSamples {
  /** The first status of a launch. */
  firsts: number[];
  /** Status after one post was edited; the git CLI's `status`; Save version; the CLI's add + commit. */
  warm: number[];
  cli: number[];
  save: number[];
  cliSave: number[];
}

/**
 * Git status and Save version, ours and the CLI's: `launches` first statuses and `runs` edits.
 * The site is put back as it was found at the end (the commits made here undone, the edits
 * too), so each round measures the same history.
 */
export async function measureGit(root: string, n: number, launches = 3, runs = 5): Promise<GitSamples> {
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
  // The first status after a launch, each on a thread of its own with the app's disk worker heap
  // (timeStatusLaunches): one sample on the bench's own thread moved with the machine's load and
  // the bench's heap enough to read as worse-than-linear growth.
  const firstLaunches = await timeStatusLaunches({ job: 'status', contentDir: join(root, 'content'), cacheFile: '', root }, launches);
  const short = firstLaunches.find((l) => l.count < n);
  if (short) throw new Error(`a first status saw ${short.count} posts of ${n}`);
  const out: GitSamples = { firsts: firstLaunches.map((l) => l.ms), warm: [], cli: [], save: [], cliSave: [] };
  const svc = launch();
  try {
    const first = await svc.status();
    if (Object.keys(first.posts).length < n) throw new Error(`status saw ${Object.keys(first.posts).length} posts of ${n}`);
    const stamp = Date.now();
    for (let r = 0; r < runs; r++) {
      const ours = postPath((r * 37 + stamp) % n);
      appendFileSync(join(root, 'content', ours), `\nEdited in run ${stamp}-${r}.\n`);
      const [ms, st] = await time(() => svc.status());
      out.warm.push(ms);
      if (st.posts[ours] !== 'changed') throw new Error(`status missed the edit of ${ours}`);
      out.cli.push((await time(() => git(root, 'status', '--porcelain')))[0]);
      out.save.push((await time(() => svc.saveVersion(ours)))[0]);
      const theirs = postPath((r * 37 + 11 + stamp) % n);
      appendFileSync(join(root, 'content', theirs), `\nEdited in run ${stamp}-${r}.\n`);
      out.cliSave.push(
        (
          await time(() => {
            git(root, 'add', join('content', theirs));
            git(root, 'commit', '-qm', `Update ${theirs}`);
          })
        )[0],
      );
    }
    return out;
  } finally {
    // Awaited: this runs on a worker thread, stopped as soon as the samples are sent.
    await svc.shutdown();
    resetToGenerated(root, start);
  }
}

/** The figures at one size from every round's samples. */
export function gitMetrics(n: number, rounds: readonly GitSamples[], at100k: boolean): BenchMetric[] {
  const L = label(n);
  const all = (k: keyof GitSamples) => rounds.flatMap((r) => r[k]);
  return [
    // A relaunch's: git's index and the caches an earlier launch left in .git (stat cache,
    // folder listings) are there, as at every launch but a site's very first.
    { name: `scale_git_status_first_${L}_ms`, ...summarize(all('firsts')), peer: `scale_peer_git_cli_status_${L}_ms`, unit: 'ms', note: `the first status after the site opened (lstat of every file and folder), median of ${all('firsts').length} launches` },
    {
      name: `scale_git_status_warm_${L}_ms`,
      ...summarize(all('warm')),
      peer: `scale_peer_git_cli_status_${L}_ms`,
      unit: 'ms',
      targets: at100k ? [{ kind: 'ratio', of: `scale_peer_git_cli_status_${L}_ms`, max: 1 }] : undefined,
      note: `status after one post was edited, median of ${all('warm').length}`,
    },
    { name: `scale_peer_git_cli_status_${L}_ms`, ...summarize(all('cli')), unit: 'ms', note: '`git status --porcelain`' },
    { name: `scale_save_version_${L}_ms`, ...summarize(all('save')), peer: `scale_peer_git_cli_commit_${L}_ms`, unit: 'ms', note: 'Save version of one edited post' },
    { name: `scale_peer_git_cli_commit_${L}_ms`, ...summarize(all('cliSave')), unit: 'ms', note: '`git add <post> && git commit`' },
  ];
}
