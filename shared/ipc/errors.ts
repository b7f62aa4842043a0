// Typed errors that cross the IPC boundary. Every failure a handler can report has a code the
// renderer can branch on and a message in plain words a writer can read.
import { z } from 'zod';

export const ErrorCode = z.enum([
  'invalid-request', // payload failed the contract's schema
  'invalid-response', // main answered with something the contract does not allow
  'unknown-channel',
  'no-site', // no site is open
  'not-a-site', // folder is not a Hugo site
  'not-found',
  'outside-site', // a path resolved outside the open site
  'changed-on-disk', // the file changed since the editor opened it
  'not-utf8',
  'read-only',
  'disk-full',
  'permission-denied',
  'bad-front-matter',
  'unsupported', // e.g. a native dialog asked for in the web host
  'conflict',
  'git',
  'offline',
  'auth',
  'io',
  'internal',
  'cancelled', // the caller gave up on the call (closed the dialog, typed on, left the site)
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const IpcErrorShape = z.object({
  code: ErrorCode,
  message: z.string(),
  details: z.unknown().optional(),
});
export type IpcErrorShape = z.infer<typeof IpcErrorShape>;

/**
 * Typed details of the codes that carry them, so the renderer branches on data, never on the
 * words of a message. `changed-on-disk`: `deleted` says the file is gone (deleted or moved)
 * rather than changed by another program.
 */
export const ErrorDetails = {
  'changed-on-disk': z.object({ deleted: z.boolean() }),
} satisfies Partial<Record<ErrorCode, z.ZodType>>;
type DetailedCode = keyof typeof ErrorDetails;
export type ErrorDetailsOf<C extends DetailedCode> = z.infer<(typeof ErrorDetails)[C]>;

/** The details of an error with that code, checked; null for another code or bad details. */
export function detailsOf<C extends DetailedCode>(code: C, e: unknown): ErrorDetailsOf<C> | null {
  const err = e as { code?: unknown; details?: unknown } | null;
  if (!err || err.code !== code) return null;
  const parsed = ErrorDetails[code].safeParse(err.details);
  return parsed.success ? parsed.data : null;
}

/** Thrown when a call's AbortSignal fired: the caller no longer wants the answer. */
export function cancelledError(): PostwrightError {
  return new PostwrightError('cancelled', 'Stopped: the answer was no longer needed.');
}

/** Throws the cancelled error when the signal fired (long loops call it between steps). */
export function stopIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelledError();
}

/** An error a handler throws on purpose; its code and message reach the renderer as they are. */
export class PostwrightError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'PostwrightError';
    this.code = code;
    this.details = details;
  }
  toShape(): IpcErrorShape {
    return { code: this.code, message: this.message, details: this.details };
  }
}

export function isPostwrightError(e: unknown): e is PostwrightError {
  return e instanceof PostwrightError;
}

/** The envelope every call returns, on both transports. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: IpcErrorShape };
