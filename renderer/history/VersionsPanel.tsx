// Everything about versions for one open post, in one panel the app shell can mount:
// Save version, History (with Restore) and Sync. Presentational: all data comes through `api`.
import { useState } from 'react';
import type { Api } from '../../shared/ipc/client';
import { SaveVersion } from './SaveVersion';
import { HistoryPanel } from './HistoryPanel';
import { SyncPanel } from './SyncPanel';

export interface VersionsPanelProps {
  api: Api;
  /** The open post (content-relative path), or null when none is open. */
  postPath: string | null;
  /** Files on disk changed (restore, sync): the editor should reload the post. */
  onFilesChanged?(): void;
}

export function VersionsPanel({ api, postPath, onFilesChanged }: VersionsPanelProps) {
  const [refreshKey, setRefreshKey] = useState(0);
  const bump = () => setRefreshKey((k) => k + 1);
  return (
    <aside className="pw-hist" aria-label="Versions">
      {postPath && (
        <>
          <SaveVersion key={`save:${postPath}`} api={api} postPath={postPath} onSaved={bump} />
          <HistoryPanel
            key={`hist:${postPath}`}
            api={api}
            postPath={postPath}
            refreshKey={refreshKey}
            onRestored={() => {
              bump();
              onFilesChanged?.();
            }}
          />
        </>
      )}
      <SyncPanel
        api={api}
        onSynced={() => {
          bump();
          onFilesChanged?.();
        }}
      />
    </aside>
  );
}
