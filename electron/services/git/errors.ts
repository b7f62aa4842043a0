// Turns what isomorphic-git and the network throw during a sync into plain words. A network
// that cannot be reached is not an error for the writer: sync.ts reports "will sync when online".
import { PostwrightError } from '../../../shared/ipc/errors';

const OFFLINE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'ENETUNREACH', 'EHOSTUNREACH', 'EPIPE', 'UND_ERR_CONNECT_TIMEOUT']);

interface ErrLike {
  code?: string;
  message?: string;
  cause?: unknown;
  data?: { statusCode?: number; reason?: string; prettyDetails?: string };
}

export function isOffline(e: unknown): boolean {
  for (let cur = e as ErrLike | undefined, i = 0; cur && i < 5; cur = cur.cause as ErrLike | undefined, i++) {
    if (cur.code && OFFLINE_CODES.has(cur.code)) return true;
    if (/socket hang up|getaddrinfo|network/i.test(cur.message ?? '')) return true;
  }
  return false;
}

export function syncError(e: unknown, url: string): PostwrightError {
  if (e instanceof PostwrightError) return e;
  const err = (e ?? {}) as ErrLike;
  const host = hostOf(url);
  if (err.code === 'HttpError') {
    const status = err.data?.statusCode;
    if (status === 401 || status === 403) {
      return new PostwrightError(
        'auth',
        `${host} refused the access token. Check that it is typed correctly, has not expired and may write to this repository, then enter it again under Sync.`,
        { status },
      );
    }
    if (status === 404) return new PostwrightError('git', `${host} has no repository at ${url}. Check the sync address.`, { status });
    return new PostwrightError('git', `${host} answered with an error (${status ?? 'unknown'}). Try again later.`, { status });
  }
  if (err.code === 'UserCanceledError') {
    return new PostwrightError('auth', `${host} needs an access token to sync. Enter your personal access token under Sync.`);
  }
  if (err.code === 'PushRejectedError') {
    return new PostwrightError('conflict', 'Someone sent new versions while you were syncing. Press Sync again to get them first; nothing was lost.', {
      reason: err.data?.reason,
    });
  }
  if (err.code === 'GitPushError') {
    return new PostwrightError('git', `${host} refused your versions (${err.data?.prettyDetails ?? err.message}). Your versions are safe on this computer.`);
  }
  if (err.code === 'UrlParseError' || err.code === 'UnknownTransportError') {
    return new PostwrightError('git', `"${url}" is not an address Postwright can sync with. Use an https:// address.`);
  }
  return new PostwrightError('git', `Sync failed: ${err.message ?? String(e)}. Your work on this computer is untouched.`);
}

function hostOf(url: string): string {
  try {
    return new URL(url).host || 'The server';
  } catch {
    return 'The server';
  }
}
