// Everything about versions for one open post, in one panel the app shell can mount:
// Save version, History (with Restore) and Sync. Presentational: all data comes through `api`.
import { useState, type ReactNode } from 'react';
import type { Api } from '../../shared/ipc/client';
import type { PostGitState } from '../../shared/ipc/channels/git';
import { SaveVersion } from './SaveVersion';
import { HistoryPanel } from './HistoryPanel';
import { SyncPanel } from './SyncPanel';
import { PostStateBadge } from './PostStateBadge';

export interface VersionsPanelProps {
  api: Api;
  /** The open post (content-relative path), or null when none is open. */
  postPath: string | null;
  /** The open post's state, shown above the panel ("Changed: not saved as a version yet"). */
  postState?: PostGitState;
  /** Bump to reload the history and sync state (e.g. after a version saved from the menu). */
  refreshKey?: number;
  /**
   * Runs before anything that writes the post's file or commits it (save version, restore,
   * sync): the app shell saves the editor's unsaved text first. False stops the action.
   */
  beforeWrite?(): Promise<boolean>;
  /** Files on disk changed (restore, sync): the editor should reload the post. */
  onFilesChanged?(): void;
  /** Versions or the repository changed (status badges and counts should refresh). */
  onChanged?(): void;
  /** Extra controls beside the Sync button. */
  syncExtra?: ReactNode;
  /** Focus the version message field (the menu's "Save Version…"), then call onMessageFocused. */
  focusMessage?: boolean;
  onMessageFocused?(): void;
}

const STATE_NOTES: Record<PostGitState, string> = {
  new: 'This post has never been saved as a version.',
  changed: 'This post has changes that are not saved as a version yet.',
  saved: 'The text on disk is saved as a version.',
};

export function VersionsPanel({ api, postPath, postState, refreshKey = 0, beforeWrite, onFilesChanged, onChanged, syncExtra, focusMessage, onMessageFocused }: VersionsPanelProps) {
  const [localKey, setLocalKey] = useState(0);
  const key = localKey + refreshKey;
  const bump = () => {
    setLocalKey((k) => k + 1);
    onChanged?.();
  };
  return (
    <aside className="pw-hist" aria-label="Versions">
      {postPath && postState && (
        <p className="pw-hist-post-state">
          <PostStateBadge state={postState} /> <span>{STATE_NOTES[postState]}</span>
        </p>
      )}
      {postPath && (
        <>
          <SaveVersion
            key={`save:${postPath}`}
            api={api}
            postPath={postPath}
            beforeSave={beforeWrite}
            onSaved={bump}
            focus={focusMessage}
            onFocused={onMessageFocused}
          />
          <HistoryPanel
            key={`hist:${postPath}`}
            api={api}
            postPath={postPath}
            refreshKey={key}
            beforeRestore={beforeWrite}
            onRestored={() => {
              bump();
              onFilesChanged?.();
            }}
          />
        </>
      )}
      <SyncPanel
        api={api}
        refreshKey={key}
        beforeSync={beforeWrite}
        extra={syncExtra}
        onSynced={() => {
          bump();
          onFilesChanged?.();
        }}
      />
    </aside>
  );
}
