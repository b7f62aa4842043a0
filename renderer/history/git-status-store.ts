// The open site's git status (each post's new / changed / saved, unsaved count, ahead/behind),
// kept outside React so any part of the shell can read it without props threaded through
// panes other areas own: the post list reads one post's state (and re-renders only when that
// state changes), the top bar the counts, the History tab the open post. Also the "versions
// changed" counter (history lists reload on it) and whether the setup dialog is open.
// Plain data and functions; React reads it through useSyncExternalStore (git-status-hooks.ts).
import type { GitStatus } from '../../shared/ipc/channels/git';

export interface GitStatusSnapshot {
  status: GitStatus | null;
  /** Bumped whenever versions were made outside the History tab (menu command). */
  versions: number;
  setupOpen: boolean;
  /** Set by the menu's "Save Version…": the History tab focuses the message field, then clears it. */
  focusMessage: boolean;
}

export interface GitStatusStore {
  get(): GitStatusSnapshot;
  subscribe(listener: () => void): () => void;
  /** Reads the status now; calls made while one runs are folded into one more read. */
  refresh(): Promise<void>;
  /** Reads the status after a short pause, so a burst of file events reads it once. */
  refreshSoon(delayMs?: number): void;
  /** Forgets the status (another site was opened); answers of older reads are dropped. */
  reset(): void;
  versionsChanged(): void;
  setSetupOpen(open: boolean): void;
  setFocusMessage(focus: boolean): void;
}

export function createGitStatusStore(fetchStatus: () => Promise<GitStatus | null>): GitStatusStore {
  let snap: GitStatusSnapshot = { status: null, versions: 0, setupOpen: false, focusMessage: false };
  const listeners = new Set<() => void>();
  let generation = 0;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const set = (next: Partial<GitStatusSnapshot>) => {
    snap = { ...snap, ...next };
    listeners.forEach((l) => l());
  };

  const readOnce = async () => {
    const gen = generation;
    let status: GitStatus | null;
    try {
      status = await fetchStatus();
    } catch {
      // No site open yet (nothing to show), or a read that raced a sync or a commit writing the
      // repository: keep what was shown. Blanking it unmounted the History tab, and with it the
      // sync's "choose between the versions" dialog (a browser test caught it once). Another
      // site being opened clears it (reset).
      status = snap.status;
    }
    if (gen === generation) set({ status: sameStatus(snap.status, status) ? snap.status : status });
  };

  const refresh = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await readOnce();
        } while (again);
      } finally {
        running = null;
      }
    })();
    return running;
  };

  return {
    get: () => snap,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    refresh,
    refreshSoon(delayMs = 250) {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        void refresh();
      }, delayMs);
    },
    reset() {
      generation++;
      if (timer) clearTimeout(timer);
      timer = null;
      set({ status: null });
    },
    versionsChanged: () => set({ versions: snap.versions + 1 }),
    setSetupOpen: (open) => set({ setupOpen: open }),
    setFocusMessage: (focus) => set({ focusMessage: focus }),
  };
}

/** Keeps the old object when nothing changed, so readers of it do not re-render. */
function sameStatus(a: GitStatus | null, b: GitStatus | null): boolean {
  return a === b || (a !== null && b !== null && JSON.stringify(a) === JSON.stringify(b));
}
