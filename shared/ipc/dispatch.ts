// The receiving side of the contract, shared by both transports: look up the channel, validate
// the payload, run the handler, validate what it returns, and wrap any failure in a typed error.
import { contract, isChannel, type Channel, type HandlerTable } from './contract';
import { PostwrightError, cancelledError, type Envelope, type IpcErrorShape } from './errors';

/** `signal`: the transport's cancel for this call (an aborted fetch, a cancel message). */
export type Dispatch = (channel: string, payload: unknown, signal?: AbortSignal) => Promise<Envelope<unknown>>;

/** Never fires: for calls made without a cancel. */
const NEVER = new AbortController().signal;

export function describeZodIssues(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): string {
  return issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ');
}

export function createDispatch(
  handlers: HandlerTable,
  onInternalError: (channel: string, e: unknown) => void = () => {},
): Dispatch {
  return async (channel, payload, signal = NEVER) => {
    if (typeof channel !== 'string' || !isChannel(channel)) {
      return fail({ code: 'unknown-channel', message: 'That request is not part of Postwright.' });
    }
    const spec = contract[channel];
    const parsed = spec.request.safeParse(payload);
    if (!parsed.success) {
      return fail({
        code: 'invalid-request',
        message: `The request for "${channel}" was not valid: ${describeZodIssues(parsed.error.issues)}`,
      });
    }
    try {
      if (signal.aborted) return fail(cancelledError().toShape());
      const handler = handlers[channel] as (req: unknown, call: { signal: AbortSignal }) => Promise<unknown>;
      const value = await handler(parsed.data, { signal });
      const checked = spec.response.safeParse(value);
      if (!checked.success) {
        onInternalError(channel, checked.error);
        return fail({ code: 'invalid-response', message: 'Postwright produced an answer it could not check.' });
      }
      return { ok: true, value: checked.data };
    } catch (e) {
      if (e instanceof PostwrightError) return fail(e.toShape());
      // Work stopped by the signal (e.g. an AbortError from fs or fetch) is a cancel, not a bug.
      if (signal.aborted) return fail(cancelledError().toShape());
      // A file that vanished between two steps (another program moved it) is not a bug: say
      // so plainly, with the code the renderer handles, and keep the log for real failures.
      const code = (e as { code?: unknown } | null)?.code;
      if (code === 'ENOENT') return fail({ code: 'not-found', message: plainMessage(e) });
      // A name the disk cannot hold is a bad request, not a bug.
      if (code === 'ENAMETOOLONG') return fail({ code: 'invalid-request', message: plainMessage(e) });
      onInternalError(channel, e);
      return fail({ code: 'internal', message: plainMessage(e) });
    }
  };
}

function fail(error: IpcErrorShape): Envelope<never> {
  return { ok: false, error };
}

/** Turns a Node error into a sentence a writer can read. */
export function plainMessage(e: unknown): string {
  const err = e as { code?: string; message?: string } | undefined;
  switch (err?.code) {
    case 'ENOENT':
      return 'The file or folder could not be found. It may have been moved or deleted.';
    case 'EACCES':
    case 'EPERM':
      return 'Postwright is not allowed to read or write that file. Check its permissions.';
    case 'ENOSPC':
      return 'The disk is full. Free some space and try again; your text is still in the editor.';
    case 'EROFS':
      return 'That file is on a read-only disk. Your text is still in the editor.';
    case 'ENAMETOOLONG':
      return 'That file name is too long for the disk. Choose a shorter one.';
    default:
      return err?.message ? `Something went wrong: ${err.message}` : 'Something went wrong.';
  }
}

export type { Channel };
