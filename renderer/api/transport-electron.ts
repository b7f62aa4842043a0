// Transport for the Electron window: the preload script exposes one function per contract
// channel on `window.postwright` (no generic invoke; see shared/ipc/preload-api.ts), plus `on`
// for events and the base URL of the site's files.
import type { Transport } from '../../shared/ipc/client';
import type { Channel } from '../../shared/ipc/contract';
import type { Envelope } from '../../shared/ipc/errors';
import { PRELOAD_GLOBAL, type PreloadApi } from '../../shared/ipc/preload-api';

export function electronBridge(): PreloadApi | null {
  const candidate = (globalThis as Record<string, unknown>)[PRELOAD_GLOBAL];
  if (candidate && typeof candidate === 'object' && typeof (candidate as PreloadApi).on === 'function') {
    return candidate as PreloadApi;
  }
  return null;
}

/** Joins a base URL and a site-relative path, URI-encoding each segment. */
export function joinAssetUrl(base: string, sitePath: string): string {
  const rel = sitePath.replace(/^\/+/, '').split('/').map(encodeURIComponent).join('/');
  return base.endsWith('/') ? base + rel : `${base}/${rel}`;
}

type BridgeCall = (req: unknown, callId?: string) => Promise<Envelope<unknown>>;

let nextCallId = 0;

export function createElectronTransport(bridge: PreloadApi): Transport {
  return {
    async call(channel: Channel, payload: unknown, signal?: AbortSignal): Promise<Envelope<unknown>> {
      const fn = (bridge as unknown as Record<string, BridgeCall | undefined>)[channel];
      if (typeof fn !== 'function') {
        return { ok: false, error: { code: 'unknown-channel', message: `This version of Postwright cannot do "${channel}".` } };
      }
      if (signal?.aborted) return { ok: false, error: { code: 'cancelled', message: 'Stopped: the answer was no longer needed.' } };
      // An AbortSignal cannot cross the bridge: the call gets an id, and aborting sends a cancel for it.
      const callId = signal ? `c${++nextCallId}` : undefined;
      const onAbort = () => bridge.cancel(callId!);
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        return await fn(payload, callId);
      } catch (e) {
        return { ok: false, error: { code: 'internal', message: e instanceof Error ? e.message : String(e) } };
      } finally {
        signal?.removeEventListener('abort', onAbort);
      }
    },
    subscribe: (event, listener) => bridge.on(event, listener),
    assetUrl: (sitePath) => joinAssetUrl(bridge.assetBase, sitePath),
  };
}
