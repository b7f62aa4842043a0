// The app shell's dialogs, each in a region of its own: a dialog that fails to draw shows a
// message with Close (which answers it as Cancel would) instead of taking the window down.
// Which dialog is open is the shell's state (App.tsx); this file only draws them.
import type { ReactNode } from 'react';
import { api } from '../api';
import { NewPostDialog } from '../frontmatter/NewPostDialog';
import type { RestoredText } from '../recovery/RecoveryDialog';
import { SettingsHost } from '../settings';
import { pageSlug } from '../../shared/post/post-files';
import { ConfirmLeaveDialog } from './ConfirmLeaveDialog';
import { DeletePostDialog } from './DeletePostDialog';
import { KeyboardShortcutsDialog } from './KeyboardShortcutsDialog';
import { CompareDialog, RecoveryDialog } from './lazy-dialogs';
import { OpenSiteDialog } from './OpenSiteDialog';
import { RegionBoundary, type RegionErrorHandler } from './RegionBoundary';
import { RenamePostDialog } from './RenamePostDialog';
import type { LeavePrompt } from './use-confirm-leave';
import type { PostDialog } from './use-post-operations';
import type { Recovery } from './use-recovery';

export interface AppDialogsProps {
  onRegionError: RegionErrorHandler;
  onError(message: string): void;
  leave: LeavePrompt;
  /** The web host's "Open Site" (a typed folder path), or null when it is closed. */
  openFolder: { open(dir: string): Promise<string | null>; cancel(): void } | null;
  dialog: PostDialog;
  closeDialog(): void;
  /** The open post's path and title, for the post dialogs. */
  post: { path: string; title: string } | null;
  defaultSection: string | undefined;
  createPost(req: { title: string; section: string }): Promise<void>;
  renamePost(slug: string): Promise<string | null>;
  deletePost(title: string): void;
  compare: { mine(): string; keepMine(): void; takeTheirs(): void };
  recovery: Recovery | null;
  restore(text: RestoredText): void;
  shortcuts: { close(): void } | null;
}

export function AppDialogs(p: AppDialogsProps) {
  const { onRegionError: onError, leave, openFolder, dialog, closeDialog, post, recovery, shortcuts } = p;
  return (
    <>
      {leave.question && (
        <DialogBoundary onError={onError} close={() => leave.answer('cancel')}>
          <ConfirmLeaveDialog question={leave.question} onAnswer={leave.answer} />
        </DialogBoundary>
      )}
      {openFolder && (
        <DialogBoundary onError={onError} close={openFolder.cancel}>
          <OpenSiteDialog onOpen={openFolder.open} onCancel={openFolder.cancel} />
        </DialogBoundary>
      )}
      {dialog && (
        <DialogBoundary onError={onError} close={closeDialog}>
          {dialog.kind === 'new' && <NewPostDialog sections={dialog.sections} defaultSection={p.defaultSection} onCreate={p.createPost} onCancel={closeDialog} />}
          {dialog.kind === 'rename' && post && <RenamePostDialog path={post.path} currentSlug={pageSlug(post.path)} onRename={p.renamePost} onCancel={closeDialog} />}
          {dialog.kind === 'delete' && post && <DeletePostDialog title={post.title} onDelete={() => p.deletePost(post.title)} onCancel={closeDialog} />}
          {dialog.kind === 'compare' && post && (
            <CompareDialog path={post.path} mine={p.compare.mine} onKeepMine={p.compare.keepMine} onTakeTheirs={p.compare.takeTheirs} onClose={closeDialog} />
          )}
        </DialogBoundary>
      )}
      {recovery?.entries && (
        <DialogBoundary onError={onError} close={recovery.closeDialog}>
          <RecoveryDialog api={api} entries={recovery.entries} onRestore={p.restore} onClose={recovery.closeDialog} />
        </DialogBoundary>
      )}
      {shortcuts && (
        <DialogBoundary onError={onError} close={shortcuts.close}>
          <KeyboardShortcutsDialog onClose={shortcuts.close} />
        </DialogBoundary>
      )}
      {/* Mostly closed: the test hook fails the dialogs that are open, not this host. */}
      <DialogBoundary onError={onError} close={() => {}} probe={false}>
        <SettingsHost onError={p.onError} />
      </DialogBoundary>
    </>
  );
}

/** A dialog's region: its Close answers the dialog as its Cancel would. */
function DialogBoundary({ onError, close, probe, children }: { onError: RegionErrorHandler; close(): void; probe?: boolean; children: ReactNode }) {
  return (
    <RegionBoundary region="dialog" label="this dialog" className="dialog-error" onError={onError} action={{ label: 'Close', run: close }} probe={probe}>
      {children}
    </RegionBoundary>
  );
}
