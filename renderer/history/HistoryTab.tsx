// The side panel's History tab: Save version, the post's History with Restore, and Sync, for
// the open post. Before anything writes or commits the file, the editor's unsaved text is
// saved (`saveFirst`); after a restore or sync changed files, the editor reloads the post.
import { api } from '../api';
import { VersionsPanel } from './';
import { gitStatus, useFocusMessage, useGitStatus, useVersionsCounter } from './git-status';

export interface HistoryTabProps {
  postPath: string;
  /** Saves the editor's unsaved text to the file; false when it could not (the shell says why). */
  saveFirst(): Promise<boolean>;
  /** Reloads the open post from disk (after a restore or a sync wrote it). */
  reload(): void;
  /** The open post's text now. */
  postText?: string;
}

export function HistoryTab({ postPath, saveFirst, reload, postText }: HistoryTabProps) {
  const status = useGitStatus();
  const versions = useVersionsCounter();
  const focusMessage = useFocusMessage();
  const openSettings = () => gitStatus.setSetupOpen(true);
  if (!status) return <p className="hint">Reading the versions of this site…</p>;
  if (!status.repository || !status.author) {
    return (
      <div className="versions-start">
        <p>
          {status.repository
            ? 'Postwright needs your name and email once, to sign the versions you save.'
            : 'This site does not keep versions yet. Keeping versions lets you go back to any earlier text of a post and sync with an online copy.'}
        </p>
        <button type="button" className="primary" onClick={openSettings}>
          {status.repository ? 'Enter your name and email…' : 'Set up versions…'}
        </button>
      </div>
    );
  }
  return (
    <>
      {status.problem && (
        <p role="alert" className="versions-problem">
          {status.problem.message}
        </p>
      )}
      <VersionsPanel
        api={api}
        postPath={postPath}
        postState={status.posts[postPath]}
        refreshKey={versions}
        beforeWrite={saveFirst}
        onFilesChanged={reload}
        onChanged={() => void gitStatus.refresh()}
        focusMessage={focusMessage}
        onMessageFocused={clearFocus}
        postText={postText}
        syncExtra={
          <button type="button" className="quiet" onClick={openSettings}>
            Sync settings…
          </button>
        }
      />
    </>
  );
}

const clearFocus = () => gitStatus.setFocusMessage(false);
