// The git service: what the app asks of a site's history, in a writer's words. Implemented with
// isomorphic-git (pure JavaScript, so installers carry no git binary); each verb lives in its own
// file (status.ts, commit.ts, log.ts, readable-diff.ts, restore.ts, sync.ts, conflicts.ts,
// init.ts). One instance per open site (app.perSite('git', …)); writes run one at a time.
import fs from 'node:fs';
import { readFile } from 'node:fs/promises';
import * as git from 'isomorphic-git';
import { PostwrightError } from '../../../shared/ipc/errors';
import type { Conflict, GitAuthor, GitStatus, SavedVersion, SyncInfo, SyncResult, Version, VersionDiff } from '../../../shared/ipc/channels/git';
import type { HostContext, SiteInfo } from '../context';
import { resolveInside } from '../fs/safe-path';
import { findRepo, postUnit, type Repo } from './repo';
import { repoStatus, postStates, type RepoStatus } from './status';
import { saveVersion as saveVersionOf, defaultMessage, commitUnit } from './commit';
import { assertWritable, withIndexLock } from './guards';
import { postHistory } from './log';
import { readPostAtVersion } from './read-version';
import { readableDiff } from './readable-diff';
import { restoreVersion } from './restore';
import { sync as syncRepo, NEEDS_AUTHOR, OFFLINE_MESSAGE } from './sync';
import { cancelMerge, listConflicts, resolveConflict } from './conflicts';
import { loadPending } from './pending-merge';
import { initRepository } from './init';
import { readAuthor, writeAuthor } from './author';
import { assertRemoteUrl } from './remote-http';

export interface GitService {
  status(paths?: string[]): Promise<GitStatus>;
  initRepository(author?: GitAuthor): Promise<GitStatus>;
  setAuthor(author: GitAuthor): GitAuthor;
  setToken(token: string | null): Promise<{ persistent: boolean }>;
  setRemote(url: string): Promise<{ url: string }>;
  suggestMessage(path: string): Promise<string>;
  saveVersion(path: string, message?: string): Promise<SavedVersion>;
  saveAll(): Promise<SavedVersion[]>;
  history(path: string, limit?: number): Promise<Version[]>;
  diff(path: string, version: string): Promise<VersionDiff>;
  readAtVersion(path: string, version: string): Promise<string>;
  restore(path: string, version: string): Promise<{ restored: string[]; savedFirst: string | null }>;
  sync(signal?: AbortSignal): Promise<SyncResult>;
  conflicts(): Promise<Conflict[]>;
  resolve(path: string, choice: 'ours' | 'theirs' | 'merged', text?: string): Promise<{ remaining: number; version: string | null }>;
  cancelMerge(): Promise<boolean>;
  /** Stops; resolves once the status caches are on disk (never rejects). */
  shutdown(): Promise<void>;
}

export { AUTHOR_KEY } from './author';
export const TOKEN_KEY = 'gitToken';
export const USERNAME_KEY = 'gitUsername';

const RETRY_MS = [30_000, 60_000, 120_000, 300_000, 600_000];

export interface GitServiceOptions {
  /** Overrides the offline retry delays (tests). */
  retryMs?: number[];
  /**
   * Computes the repository status elsewhere (the app: in the disk worker thread, off the main
   * process's event loop); null when it found no repository. Default: here, in this thread.
   */
  statusOf?: (paths?: string[]) => Promise<RepoStatus | null>;
}

export class IsoGitService implements GitService {
  private repoP: Promise<Repo | null> | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private syncInfo: SyncInfo = { state: 'idle', message: 'Not synced yet.', lastSyncedAt: null, nextRetryAt: null };
  private retryTimer: NodeJS.Timeout | null = null;
  private retries = 0;
  private closed = false;

  constructor(
    private readonly site: Pick<SiteInfo, 'root' | 'contentDir'>,
    private readonly host: Pick<HostContext, 'settings' | 'secrets' | 'emit'>,
    private readonly options: GitServiceOptions = {},
  ) {}

  private repo(): Promise<Repo | null> {
    if (!this.repoP) this.repoP = findRepo(this.site.root, this.site.contentDir);
    return this.repoP.then((r) => {
      if (!r) this.repoP = null; // look again next time (the writer may have run git init)
      return r;
    });
  }

  private async needRepo(): Promise<Repo> {
    const repo = await this.repo();
    if (!repo) {
      throw new PostwrightError('git', 'This site does not keep versions yet. Choose "Start keeping versions" to begin.', { problem: 'no-repository' });
    }
    return repo;
  }

  private author(): GitAuthor {
    const a = readAuthor(this.host.settings);
    if (!a) throw new PostwrightError('git', NEEDS_AUTHOR, { problem: 'no-author' });
    return a;
  }

  /** Runs writes one after another, so two clicks never interleave commits. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => {});
    return run;
  }

  /** A post path from the renderer, checked to stay inside the content folder. */
  private async checkPost(path: string): Promise<string> {
    await resolveInside(this.site.root, this.site.contentDir, path);
    return path.replace(/\\/g, '/').replace(/^\.\//, '');
  }

  private async assertNoPending(repo: Repo): Promise<void> {
    if (await loadPending(repo)) {
      throw new PostwrightError('conflict', 'A sync is waiting for you to choose between two versions of some posts. Finish that first (Sync), then save.', {
        problem: 'pending-merge',
      });
    }
  }

  async status(paths?: string[]): Promise<GitStatus> {
    const repo = await this.repo();
    const author = readAuthor(this.host.settings);
    const hasToken = !!(await this.host.secrets.get(TOKEN_KEY));
    if (!repo) {
      return {
        repository: false, branch: null, problem: null, author, remoteUrl: null, hasToken,
        posts: {}, unsaved: 0, ahead: 0, behind: 0, conflicts: 0, sync: this.syncInfo,
      };
    }
    const checked = paths ? await Promise.all(paths.map((p) => this.checkPost(p))) : undefined;
    const s = (this.options.statusOf ? await this.options.statusOf(checked) : null) ?? (await repoStatus(repo, checked));
    const pending = await loadPending(repo);
    return {
      repository: true,
      branch: s.branch,
      problem: s.problem,
      author,
      remoteUrl: s.remoteUrl,
      hasToken,
      posts: s.posts,
      unsaved: s.unsaved,
      ahead: s.ahead,
      behind: s.behind,
      conflicts: pending ? pending.conflicts.filter((c) => c.resolution === undefined).length : 0,
      sync: pending ? { ...this.syncInfo, state: 'conflicts', message: 'Choose between the versions to finish syncing.' } : this.syncInfo,
    };
  }

  initRepository(author?: GitAuthor): Promise<GitStatus> {
    return this.exclusive(async () => {
      if (author) this.setAuthor(author);
      await initRepository(this.site.root, this.site.contentDir, this.author());
      this.repoP = null;
      return this.status();
    });
  }

  setAuthor(author: GitAuthor): GitAuthor {
    return writeAuthor(this.host.settings, author);
  }

  async setToken(token: string | null): Promise<{ persistent: boolean }> {
    await this.host.secrets.set(TOKEN_KEY, token);
    return { persistent: this.host.secrets.persistent };
  }

  setRemote(url: string): Promise<{ url: string }> {
    return this.exclusive(async () => {
      const repo = await this.needRepo();
      assertRemoteUrl(url, 'invalid-request');
      await git.addRemote({ fs, dir: repo.dir, gitdir: repo.gitdir, remote: 'origin', url, force: true });
      return { url };
    });
  }

  async suggestMessage(path: string): Promise<string> {
    const repo = await this.needRepo();
    return defaultMessage(repo, await this.checkPost(path));
  }

  saveVersion(path: string, message?: string): Promise<SavedVersion> {
    return this.exclusive(async () => {
      const repo = await this.needRepo();
      await this.assertNoPending(repo);
      return saveVersionOf(repo, await this.checkPost(path), this.author(), message);
    });
  }

  saveAll(): Promise<SavedVersion[]> {
    return this.exclusive(async () => {
      const repo = await this.needRepo();
      await this.assertNoPending(repo);
      const author = this.author();
      const branch = await assertWritable(repo);
      const states = await postStates(repo);
      const out: SavedVersion[] = [];
      await withIndexLock(repo, async () => {
        for (const [path, state] of Object.entries(states)) {
          if (state === 'saved') continue;
          const message = await defaultMessage(repo, path);
          const version = await commitUnit(repo, branch, postUnit(repo, path), author, message);
          out.push({ path, version, message });
        }
      });
      return out;
    });
  }

  async history(path: string, limit?: number): Promise<Version[]> {
    const repo = await this.repo();
    if (!repo) return [];
    return postHistory(repo, await this.checkPost(path), limit);
  }

  async diff(path: string, version: string): Promise<VersionDiff> {
    const repo = await this.needRepo();
    const post = await this.checkPost(path);
    const old = await readPostAtVersion(repo, post, version);
    let current = '';
    try {
      current = await readFile(await resolveInside(this.site.root, this.site.contentDir, post), 'utf8');
      if (current.charCodeAt(0) === 0xfeff) current = current.slice(1);
    } catch {}
    return readableDiff(version, old, current);
  }

  async readAtVersion(path: string, version: string): Promise<string> {
    return readPostAtVersion(await this.needRepo(), await this.checkPost(path), version);
  }

  restore(path: string, version: string): Promise<{ restored: string[]; savedFirst: string | null }> {
    return this.exclusive(async () => {
      const repo = await this.needRepo();
      await this.assertNoPending(repo);
      return restoreVersion(repo, await this.checkPost(path), version, this.author());
    });
  }

  sync(signal?: AbortSignal): Promise<SyncResult> {
    return this.exclusive(() => this.syncOnce(signal));
  }

  private async syncOnce(signal?: AbortSignal): Promise<SyncResult> {
    this.clearRetry();
    const repo = await this.needRepo();
    const author = readAuthor(this.host.settings);
    this.syncInfo = { ...this.syncInfo, state: 'syncing', message: 'Syncing…', nextRetryAt: null };
    try {
      const result = await syncRepo(repo, {
        author,
        token: await this.host.secrets.get(TOKEN_KEY),
        username: this.host.settings.get<string>(USERNAME_KEY) ?? 'x-access-token',
        progress: (done, total, label) => this.host.emit('progress', { task: 'sync', done, total, label }),
        signal,
      });
      if (result.state === 'offline') this.scheduleRetry();
      else this.retries = 0;
      this.syncInfo = {
        state: result.state,
        message: result.message,
        lastSyncedAt: result.state === 'synced' ? Date.now() : this.syncInfo.lastSyncedAt,
        nextRetryAt: this.syncInfo.nextRetryAt,
      };
      return result;
    } catch (e) {
      const stopped = e instanceof PostwrightError && e.code === 'cancelled';
      this.syncInfo = stopped ? { ...this.syncInfo, state: 'idle', message: 'Sync stopped.' } : { ...this.syncInfo, state: 'error', message: e instanceof Error ? e.message : String(e) };
      throw e;
    } finally {
      this.host.emit('progress', { task: 'sync', done: 1, total: 1, label: this.syncInfo.message });
    }
  }

  private scheduleRetry(): void {
    if (this.closed) return;
    const delays = this.options.retryMs ?? RETRY_MS;
    const delay = delays[Math.min(this.retries, delays.length - 1)];
    this.retries++;
    this.syncInfo = { ...this.syncInfo, state: 'offline', message: OFFLINE_MESSAGE, nextRetryAt: Date.now() + delay };
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.sync().catch(() => {}); // the state records the failure; the writer sees it in the status
    }, delay);
    this.retryTimer.unref?.();
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  async conflicts(): Promise<Conflict[]> {
    const repo = await this.repo();
    return repo ? listConflicts(repo) : [];
  }

  resolve(path: string, choice: 'ours' | 'theirs' | 'merged', text?: string): Promise<{ remaining: number; version: string | null }> {
    return this.exclusive(async () => {
      const repo = await this.needRepo();
      const r = await resolveConflict(repo, path, choice, text, this.author());
      if (r.version) this.syncInfo = { ...this.syncInfo, state: 'idle', message: 'Versions combined. Press Sync to send them.' };
      return r;
    });
  }

  cancelMerge(): Promise<boolean> {
    return this.exclusive(async () => {
      const repo = await this.needRepo();
      const done = await cancelMerge(repo);
      if (done) this.syncInfo = { ...this.syncInfo, state: 'idle', message: 'Sync cancelled. Your files are as they were.' };
      return done;
    });
  }

  shutdown(): Promise<void> {
    this.closed = true;
    this.clearRetry();
    // The stat cache and the folder listings go to disk now, so the next launch's first status
    // reads no file and no folder that did not change.
    // And the helper threads of the status's lstat calls (parallel-lstat.ts) stop.
    // Returned for a caller on a worker thread: a thread stopped while a write of it was opening
    // a file aborted the whole process (Node 20: "Assertion failed: (argc) == (5)" in
    // OpenFileHandle), as the scale bench's git thread did once.
    return (
      this.repoP
        ?.then(async (r) => {
          r?.scanner.close();
          await Promise.all([r?.hasher.flush(), r?.scanner.flush()]);
        })
        .catch(() => {}) ?? Promise.resolve()
    );
  }
}
