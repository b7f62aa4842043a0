// Versions and sync UI (React 19). Presentational components taking the typed Api as a prop;
// the app shell mounts <VersionsPanel> beside the editor and <PostStateBadge> in the post list.
import './history.css';

export { VersionsPanel, type VersionsPanelProps } from './VersionsPanel';
export { SaveVersion, type SaveVersionProps } from './SaveVersion';
export { HistoryPanel, type HistoryPanelProps } from './HistoryPanel';
export { VersionDiffView } from './VersionDiffView';
export { SyncPanel, type SyncPanelProps } from './SyncPanel';
export { ConflictView, type ConflictViewProps } from './ConflictView';
export { SetupPanel, type SetupPanelProps } from './SetupPanel';
export { PostStateBadge } from './PostStateBadge';
export { ConflictDialog, type ConflictDialogProps } from './ConflictDialog';
