// Transport for the browser host: calls are POSTs with the per-run token in a header, events
// arrive over one server-sent-events stream, images come from /asset/. The token arrives once
// in the start URL; it is kept in sessionStorage (so a reload still works) and removed from
// the address bar so it does not end up in history or screenshots.
import type { Transport } from '../../shared/ipc/client';
import type { Channel } from '../../shared/ipc/contract';
import type { Envelope } from '../../shared/ipc/errors';
import type { EventName } from '../../shared/ipc/events';
import { joinAssetUrl } from './transport-electron';

const TOKEN_KEY = 'postwright.token';

const CANCELLED: Envelope<never> = { ok: false, error: { code: 'cancelled', message: 'Stopped: the answer was no longer needed.' } };

/** Reads the token from the URL (first load) or sessionStorage (reload) and cleans the URL. */
export function takeToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    try {
      sessionStorage.setItem(TOKEN_KEY, fromUrl);
    } catch {}
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

export function createWebTransport(token: string): Transport {
  let source: EventSource | null = null;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();

  function stream(): EventSource {
    // One stream for all events, opened on first subscription; EventSource reconnects by itself.
    if (!source) source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    return source;
  }

  return {
    async call(channel: Channel, payload: unknown, signal?: AbortSignal): Promise<Envelope<unknown>> {
      let res: Response;
      try {
        // Aborting the fetch closes the connection: the web host sees it and stops the work.
        res = await fetch(`/api/call/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-postwright-token': token },
          body: JSON.stringify(payload ?? {}),
          signal,
        });
      } catch {
        if (signal?.aborted) return CANCELLED;
        return { ok: false, error: { code: 'offline', message: 'Postwright’s window lost contact with the program. Is it still running?' } };
      }
      if (res.status === 401 || res.status === 403) {
        return { ok: false, error: { code: 'auth', message: 'This page is not allowed to talk to Postwright. Open the address Postwright printed when it started.' } };
      }
      if (!res.ok) return { ok: false, error: { code: 'internal', message: `Postwright answered with an error (${res.status}).` } };
      try {
        return (await res.json()) as Envelope<unknown>;
      } catch (e) {
        if (signal?.aborted) return CANCELLED;
        throw e;
      }
    },
    subscribe(event: EventName, listener: (payload: unknown) => void): () => void {
      let set = listeners.get(event);
      if (!set) {
        const fresh = new Set<(payload: unknown) => void>();
        listeners.set(event, fresh);
        set = fresh;
        stream().addEventListener(event, (e) => {
          let data: unknown;
          try {
            data = JSON.parse((e as MessageEvent<string>).data);
          } catch {
            return;
          }
          for (const l of [...fresh]) l(data);
        });
      }
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
    assetUrl: (sitePath) => `${joinAssetUrl('/asset', sitePath)}?token=${encodeURIComponent(token)}`,
  };
}
