// Turns what isomorphic-git and the network throw during a sync into plain words, one headline
// per problem so the writer knows what to do: "No connection" (offline: not an error, sync.ts
// retries by itself), "That address does not answer", "The token was refused", "No such
// repository". A refused connection (ECONNREFUSED) is not "offline": the machine was reached and
// nothing there takes sync requests, so retrying will not help and the address must be checked.
import { PostwrightError } from '../../../shared/ipc/errors';

/** No route to the server or no name lookup: the network itself is missing (or flaky). */
const OFFLINE_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'ENETUNREACH', 'ENETDOWN', 'EHOSTUNREACH', 'EPIPE', 'UND_ERR_CONNECT_TIMEOUT']);
/** The server's machine answered that nothing listens there. */
const NO_ANSWER_CODES = new Set(['ECONNREFUSED']);

/** Said while offline; sync retries by itself. */
export const NO_CONNECTION = 'No connection. Postwright will sync by itself when you are online; your work is saved on this computer.';

interface ErrLike {
  code?: string;
  message?: string;
  cause?: unknown;
  data?: { statusCode?: number; reason?: string; prettyDetails?: string };
}

/** The error and its causes (isomorphic-git wraps the socket's error). */
function* chain(e: unknown): Generator<ErrLike> {
  for (let cur = e as ErrLike | undefined, i = 0; cur && typeof cur === 'object' && i < 5; cur = cur.cause as ErrLike | undefined, i++) yield cur;
}

export function isOffline(e: unknown): boolean {
  if (isNoAnswer(e)) return false;
  for (const cur of chain(e)) {
    if (cur.code && OFFLINE_CODES.has(cur.code)) return true;
    if (/socket hang up|getaddrinfo|network/i.test(cur.message ?? '')) return true;
  }
  return false;
}

function isNoAnswer(e: unknown): boolean {
  for (const cur of chain(e)) if ((cur.code && NO_ANSWER_CODES.has(cur.code)) || /\bECONNREFUSED\b/.test(cur.message ?? '')) return true;
  return false;
}

/**
 * The offline state's words. A name that cannot be looked up is what being offline looks like,
 * but also what a mistyped server name looks like: the words say both, without blaming either.
 */
export function offlineMessage(e: unknown, url: string): string {
  const unknownName = [...chain(e)].some((c) => c.code === 'ENOTFOUND' || /getaddrinfo ENOTFOUND/.test(c.message ?? ''));
  return unknownName ? `${NO_CONNECTION} (If you are online, check the sync address: ${hostOf(url)} was not found.)` : NO_CONNECTION;
}

export function syncError(e: unknown, url: string): PostwrightError {
  if (e instanceof PostwrightError) return e;
  const err = (e ?? {}) as ErrLike;
  const host = hostOf(url);
  if (isNoAnswer(e)) {
    return new PostwrightError('git', `That address does not answer: nothing at ${host} takes sync requests. Check the sync address under Sync.`, {
      problem: 'no-answer',
    });
  }
  if (err.code === 'HttpError') {
    const status = err.data?.statusCode;
    if (status === 401 || status === 403) {
      return new PostwrightError(
        'auth',
        `The token was refused: ${host} refused the access token. Check that it is typed correctly, has not expired and may write to this repository, then enter it again under Sync.`,
        { status, problem: 'token-refused' },
      );
    }
    if (status === 404) {
      return new PostwrightError('git', `No such repository: ${host} has no repository at ${url}. Check the sync address under Sync.`, { status, problem: 'no-repository' });
    }
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
