// Words for the recovery dialog.
import type { JournalDiskState } from '../../shared/ipc/channels/recovery';

export function describeDiskState(state: JournalDiskState): string {
  if (state === 'deleted') return 'The file itself was deleted or moved since. Restoring and saving will create it again.';
  if (state === 'changed') return 'The file was also changed outside Postwright since. Compare before restoring: saving will ask which version to keep.';
  return '';
}

export function formatSavedAt(ms: number, now = Date.now()): string {
  const minutes = Math.round((now - ms) / 60_000);
  if (minutes < 1) return 'kept moments ago';
  if (minutes < 60) return `kept ${minutes} min ago`;
  return `kept ${new Date(ms).toLocaleString()}`;
}
