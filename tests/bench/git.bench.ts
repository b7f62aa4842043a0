// git_status_10k_ms and git_commit_10k_ms: Postwright's status of, and "Save version" of one post
// in, a repository of 10,000 posts, with the git command line doing the same in the same run as
// peers (`git status --porcelain`; `git add <post folder> && git commit`). Status is measured
// warm (the service stays alive while a site is open); the first, cold status is in the note.
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchContext, BenchMetric } from './types';
import { summarize } from './types';
import { generateSite } from './generate-site';
import { IsoGitService } from '../../electron/services/git/git-service';

const AUTHOR = { name: 'Bench Writer', email: 'bench@lanternfish.example' };

export async function run(ctx: BenchContext): Promise<BenchMetric[]> {
  const root = join(ctx.tmpDir, 'git-10k');
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', `user.name=${AUTHOR.name}`, '-c', `user.email=${AUTHOR.email}`, ...args], { cwd: root, stdio: 'ignore' });
  if (!existsSync(join(root, '.git'))) {
    generateSite(root, 10_000);
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-qm', 'Bench site');
    ctx.log('git bench: 10,000-post repository generated');
  }
  const settings = new Map<string, unknown>([['gitAuthor', AUTHOR]]);
  const svc = new IsoGitService(
    { root, contentDir: join(root, 'content') },
    {
      settings: { get: <T>(k: string) => settings.get(k) as T | undefined, set: (k, v) => void settings.set(k, v) },
      secrets: { get: async () => null, set: async () => {}, persistent: false },
      emit: () => {},
    },
  );
  const runs = ctx.quick ? 3 : 7;

  let t0 = performance.now();
  const first = await svc.status();
  const cold = performance.now() - t0;
  if (Object.keys(first.posts).length !== 10_000) throw new Error(`status saw ${Object.keys(first.posts).length} posts`);

  const status: number[] = [];
  const cliStatus: number[] = [];
  const commit: number[] = [];
  const cliCommit: number[] = [];
  for (let r = 0; r < runs; r++) {
    // Postwright saves one post…
    const ours = `blog/post-${String(100 + r).padStart(5, '0')}`;
    appendFileSync(join(root, 'content', ours, 'index.md'), `\nEdited in run ${r}.\n`);
    t0 = performance.now();
    const st = await svc.status();
    status.push(performance.now() - t0);
    if (st.posts[`${ours}/index.md`] !== 'changed') throw new Error('status missed the edit');
    t0 = performance.now();
    git('status', '--porcelain');
    cliStatus.push(performance.now() - t0);
    t0 = performance.now();
    await svc.saveVersion(`${ours}/index.md`);
    commit.push(performance.now() - t0);
    // …and the git command line saves another.
    const theirs = `blog/post-${String(200 + r).padStart(5, '0')}`;
    appendFileSync(join(root, 'content', theirs, 'index.md'), `\nEdited in run ${r}.\n`);
    t0 = performance.now();
    git('add', join('content', theirs));
    git('commit', '-qm', `Update ${theirs}`);
    cliCommit.push(performance.now() - t0);
  }
  svc.shutdown();
  return [
    { name: 'git_status_10k_ms', ...summarize(status), budget: 500, peer: 'peer_git_cli_status_10k_ms', unit: 'ms', note: `cold first status ${Math.round(cold)} ms` },
    { name: 'peer_git_cli_status_10k_ms', ...summarize(cliStatus), unit: 'ms' },
    { name: 'git_commit_10k_ms', ...summarize(commit), budget: 300, peer: 'peer_git_cli_commit_10k_ms', unit: 'ms' },
    { name: 'peer_git_cli_commit_10k_ms', ...summarize(cliCommit), unit: 'ms' },
  ];
}
