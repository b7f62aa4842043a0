// The renderer's one git status store (git-status-store.ts) and the hooks that read it.
import { useSyncExternalStore } from 'react';
import type { GitStatus, PostGitState } from '../../shared/ipc/channels/git';
import { api } from '../api';
import { createGitStatusStore } from './git-status-store';

export const gitStatus = createGitStatusStore(() => api.gitStatus({}));

export function useGitStatus(): GitStatus | null {
  return useSyncExternalStore(gitStatus.subscribe, () => gitStatus.get().status);
}

/** One post's state; a list item re-renders only when its own state changes. */
export function usePostGitState(path: string): PostGitState | undefined {
  return useSyncExternalStore(gitStatus.subscribe, () => gitStatus.get().status?.posts[path]);
}

export function useVersionsCounter(): number {
  return useSyncExternalStore(gitStatus.subscribe, () => gitStatus.get().versions);
}

export function useFocusMessage(): boolean {
  return useSyncExternalStore(gitStatus.subscribe, () => gitStatus.get().focusMessage);
}

export function useSetupOpen(): boolean {
  return useSyncExternalStore(gitStatus.subscribe, () => gitStatus.get().setupOpen);
}
