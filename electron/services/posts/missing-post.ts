// One answer for "that post is not there", whichever call asked: `not-found` with the post's
// path in plain words, never an ENOENT stack reported as an internal error.
import { stat } from 'node:fs/promises';
import { PostwrightError } from '../../../shared/ipc/errors';

export function postNotFound(path: string): PostwrightError {
  return new PostwrightError('not-found', `The post "${path}" no longer exists. It may have been moved or deleted.`);
}

/** Throws postNotFound unless `abs` is a file. */
export async function assertPostExists(abs: string, path: string): Promise<void> {
  const st = await stat(abs).catch(() => null);
  if (!st?.isFile()) throw postNotFound(path);
}
