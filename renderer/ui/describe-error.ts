// Turns whatever a call threw into one sentence for the alert region. ApiErrors already carry
// plain words from main; anything else is an unexpected bug, said as such.
import { ApiError } from '../../shared/ipc/client';

export function describeError(e: unknown): string {
  if (e instanceof ApiError) {
    if (e.code === 'changed-on-disk') {
      return 'This post was changed on disk by another program since you opened it. Your text is still here: choose “Keep mine” to overwrite the file, or “Take theirs” to load it.';
    }
    return e.message;
  }
  return `Something went wrong: ${e instanceof Error ? e.message : String(e)}`;
}

export function errorCode(e: unknown): string | null {
  return e instanceof ApiError ? e.code : null;
}
