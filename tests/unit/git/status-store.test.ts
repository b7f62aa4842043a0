// The renderer's git status store: reads folded while one runs, answers from a previous site
// dropped, unchanged answers keep the old object (so list items do not re-render).
import { describe, expect, it } from 'vitest';
import type { GitStatus } from '../../../shared/ipc/channels/git';
import { createGitStatusStore } from '../../../renderer/history/git-status-store';

function status(unsaved: number): GitStatus {
  return {
    repository: true, branch: 'main', problem: null, author: null, remoteUrl: null, hasToken: false,
    posts: { 'blog/a/index.md': unsaved ? 'changed' : 'saved' }, unsaved, ahead: 0, behind: 0, conflicts: 0,
    sync: { state: 'idle', message: 'Not synced yet.', lastSyncedAt: null, nextRetryAt: null },
  };
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('git status store', () => {
  it('folds calls made during a read into one more read, and keeps equal answers as the same object', async () => {
    const answers = [deferred<GitStatus | null>(), deferred<GitStatus | null>()];
    let calls = 0;
    const store = createGitStatusStore(() => answers[calls++].promise);
    let notified = 0;
    store.subscribe(() => notified++);
    const first = store.refresh();
    void store.refresh();
    void store.refresh();
    answers[0].resolve(status(1));
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    const seen = store.get().status;
    answers[1].resolve(status(1));
    await first;
    expect(calls).toBe(2);
    expect(store.get().status).toBe(seen);
    expect(store.get().status?.posts['blog/a/index.md']).toBe('changed');
    expect(notified).toBe(2);
  });

  it('drops an answer that arrives after reset (another site was opened)', async () => {
    const answer = deferred<GitStatus | null>();
    const store = createGitStatusStore(() => answer.promise);
    const read = store.refresh();
    store.reset();
    answer.resolve(status(3));
    await read;
    expect(store.get().status).toBeNull();
  });

  it('keeps the status it has when a read fails (a read racing a sync), until another site is opened', async () => {
    let fail = false;
    const store = createGitStatusStore(() => (fail ? Promise.reject(new Error('index.lock exists')) : Promise.resolve(status(0))));
    await store.refresh();
    const shown = store.get().status;
    expect(shown).not.toBeNull();
    fail = true;
    await store.refresh();
    expect(store.get().status).toBe(shown);
    store.reset();
    expect(store.get().status).toBeNull();
  });

  it('treats a failed read as "no status" and counts version changes and the setup flag', async () => {
    const store = createGitStatusStore(() => Promise.reject(new Error('no site')));
    await store.refresh();
    expect(store.get().status).toBeNull();
    store.versionsChanged();
    store.setSetupOpen(true);
    expect(store.get()).toMatchObject({ versions: 1, setupOpen: true });
  });
});
