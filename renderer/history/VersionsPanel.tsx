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
  /** The open post's version state, shown above the panel ("Not in a version yet: …"). */
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
  /** The open post's text now (Save version's note goes when it changes). */
  postText?: string;
}

// Beside the badge (PostStateBadge.tsx), which says "In a version" or "Not in a version yet".
const STATE_NOTES: Record<PostGitState, string> = {
  new: 'This post has no version yet.',
  changed: 'Its text on disk has changes since its last version.',
  saved: 'Its text on disk is its last version.',
};

export function VersionsPanel({ api, postPath, postState, refreshKey = 0, beforeWrite, onFilesChanged, onChanged, syncExtra, focusMessage, onMessageFocused, postText }: VersionsPanelProps) {
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
            postText={postText}
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
