// Status of every post (new / changed / saved) and of the site (unsaved count, ahead/behind).
// Posts are found as the post list finds them; each post's state comes from post-state.ts,
// which answers from stat data alone for posts that did not change since the last call.
import type { Repo } from './repo';
import { postUnit, type PostUnit } from './repo';
import type { WorkFile } from './worktree-hash';
import { postState, rememberedState, type PostState } from './post-state';
import { headBranch, headCommit, repoProblem, type RepoProblem } from './guards';
import { remoteOf, resolveOrNull } from './remote';
import { aheadBehind } from './ahead-behind';
import { commitTree } from './commits';

/** Posts between two turns of the event loop during a status. */
const YIELD_EVERY = 2000;

export interface RepoStatus {
  branch: string | null;
  problem: RepoProblem | null;
  remoteUrl: string | null;
  posts: Record<string, PostState>;
  unsaved: number;
  ahead: number;
  behind: number;
}

/** States of the given posts, or of every post of the site when `paths` is absent. */
export async function postStates(repo: Repo, paths?: string[]): Promise<Record<string, PostState>> {
  const head = await headCommit(repo);
  const root = head ? await commitTree(repo, head) : null;
  const out: Record<string, PostState> = {};
  // The folder listings the last launch left: the first whole-site scan lstat's those folders instead of reading them.
  if (!paths) await repo.scanner.load(repo.contentDir);
  const todo: Array<{ path: string; files?: WorkFile[]; unit?: PostUnit }> = paths ? paths.map((path) => ({ path })) : repo.scanner.scan(repo.contentDir);
  for (let i = 0; i < todo.length; i++) {
    const p = todo[i];
    const unit = (p.unit ??= postUnit(repo, p.path));
    const known = p.files ? rememberedState(repo, unit, root, p.files) : undefined;
    const s = known !== undefined ? known : await postState(repo, unit, root, p.files);
    if (s) out[p.path] = s;
    // Unchanged posts are answered without awaiting anything: let the event loop turn now and then.
    if (i % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((r) => setImmediate(r));
  }
  return out;
}

export async function repoStatus(repo: Repo, paths?: string[]): Promise<RepoStatus> {
  const posts = await postStates(repo, paths);
  let unsaved = 0;
  for (const p in posts) if (posts[p] !== 'saved') unsaved++;
  const branch = await headBranch(repo);
  const problem = await repoProblem(repo);
  let ahead = 0;
  let behind = 0;
  let remoteUrl: string | null = null;
  if (branch) {
    const remote = await remoteOf(repo, branch);
    if (remote) {
      remoteUrl = remote.url;
      const tracking = await resolveOrNull(repo, remote.trackingRef);
      const local = await headCommit(repo);
      // A tracking ref naming a commit that is not here (left by an interrupted fetch, or another
      // tool) must not break the status: the counts are then unknown, shown as 0 until the next sync.
      ({ ahead, behind } = await aheadBehind(repo, local, tracking).catch(() => ({ ahead: 0, behind: 0 })));
    }
  }
  return { branch, problem, remoteUrl, posts, unsaved, ahead, behind };
}
