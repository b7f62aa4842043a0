// The renderer's typed client, built from the contract map. UI code calls `api.listPosts({})`
// and never names a channel. Every response is checked against the contract's schema.
import { contract, channelNames, type Channel, type Req, type Res } from './contract';
import type { Envelope, IpcErrorShape } from './errors';
import { eventSchemas, type EventName, type EventPayload } from './events';

/** How a client reaches main: Electron's preload bridge or the web host's HTTP endpoint. */
export interface Transport {
  /** `signal`: aborting it asks main to stop the work; the call then ends as 'cancelled'. */
  call(channel: Channel, payload: unknown, signal?: AbortSignal): Promise<Envelope<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
  /** URL under which a site-relative file (e.g. an image) can be displayed. */
  assetUrl(sitePath: string): string;
}

export class ApiError extends Error {
  readonly code: IpcErrorShape['code'];
  readonly details?: unknown;
  constructor(shape: IpcErrorShape) {
    super(shape.message);
    this.name = 'ApiError';
    this.code = shape.code;
    this.details = shape.details;
  }
}

/** Options of one call: `signal` cancels it (search as the writer types on, a closed dialog). */
export interface CallOptions {
  signal?: AbortSignal;
}

export type ApiCalls = { [K in Channel]: (req: Req<K>, opts?: CallOptions) => Promise<Res<K>> };

export interface Api extends ApiCalls {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  assetUrl(sitePath: string): string;
}

export function createApi(transport: Transport): Api {
  const calls = Object.fromEntries(
    channelNames.map((name) => [
      name,
      async (req: unknown, opts?: CallOptions) => {
        const envelope = await transport.call(name, req, opts?.signal);
        if (!envelope.ok) throw new ApiError(envelope.error);
        const checked = contract[name].response.safeParse(envelope.value);
        if (!checked.success) {
          throw new ApiError({ code: 'invalid-response', message: `Unexpected answer for ${name}.` });
        }
        return checked.data;
      },
    ]),
  ) as ApiCalls;
  return {
    ...calls,
    on(event, listener) {
      return transport.subscribe(event, (payload) => {
        const checked = eventSchemas[event].safeParse(payload);
        if (checked.success) listener(checked.data as EventPayload<typeof event>);
      });
    },
    assetUrl: (p) => transport.assetUrl(p),
  };
}
