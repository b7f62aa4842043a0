// Transport for the browser host: calls are POSTs with the tab's session secret in a header,
// events arrive over one server-sent-events stream (read with fetch, so it carries the header
// too: EventSource cannot send one), images come from /asset/<image key>/. The session is opened
// once per page load (web-session.ts); every call waits for it.
import type { Transport } from '../../shared/ipc/client';
import type { Channel } from '../../shared/ipc/contract';
import type { Envelope } from '../../shared/ipc/errors';
import type { EventName } from '../../shared/ipc/events';
import { joinAssetUrl } from './transport-electron';
import { OFF_THREAD_CHANNELS, postJson } from './post-off-thread';
import type { SessionResult } from './web-session';

const LOST = 'Postwright’s window lost contact with the program. Is it still running?';
/** Wait before reopening a dropped event stream. */
const RECONNECT_MS = 1000;

const CANCELLED: Envelope<never> = { ok: false, error: { code: 'cancelled', message: 'Stopped: the answer was no longer needed.' } };

class UploadRefused extends Error {
  constructor(readonly status: number, text: string) {
    super(text || `Postwright could not take the photo (${status}).`);
  }
}

/** Splits a server-sent-events text into frames; returns the unfinished tail. */
export function parseEventFrames(text: string, onEvent: (event: string, data: string) => void): string {
  const frames = text.split('\n\n');
  const rest = frames.pop() ?? '';
  for (const frame of frames) {
    let event = 'message';
    const data: string[] = [];
    for (const line of frame.split('\n')) {
      if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('data: ')) data.push(line.slice(6));
    }
    if (data.length) onEvent(event, data.join('\n'));
  }
  return rest;
}

export function createWebTransport(sessionReady: Promise<SessionResult>): Transport {
  let imageKey = '-';
  const ready = sessionReady.then((r) => {
    if (r.ok) imageKey = r.session.imageKey;
    return r;
  });
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let streaming = false;

  function deliver(event: string, data: string): void {
    const set = listeners.get(event);
    if (!set) return;
    let payload: unknown;
    try {
      payload = JSON.parse(data);
    } catch {
      return;
    }
    for (const l of [...set]) l(payload);
  }

  /** One stream for all events, opened on first subscription and reopened when it drops. */
  async function stream(): Promise<void> {
    const s = await ready;
    if (!s.ok) return;
    for (;;) {
      try {
        const res = await fetch('/api/events', { headers: { 'x-postwright-session': s.session.secret }, cache: 'no-store' });
        if (res.status === 401 || res.status === 403) return; // the host restarted: this session is gone
        if (res.ok && res.body) {
          const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
          let buffer = '';
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            buffer = parseEventFrames(buffer + value, deliver);
          }
        }
      } catch {
        // dropped (the host stopped or restarts): try again below
      }
      await new Promise((r) => setTimeout(r, RECONNECT_MS));
    }
  }

  /**
   * Photos go to the host one by one as plain bodies it streams to disk (a JSON call would make it
   * hold every photo, base64 and decoded, in memory at once); the call then names them by id.
   */
  async function uploadImages(secret: string, payload: unknown): Promise<unknown> {
    const p = payload as { postPath?: unknown; files?: unknown };
    if (!Array.isArray(p?.files)) return payload;
    const files = [];
    for (const f of p.files as Array<{ name?: unknown; dataBase64?: unknown }>) {
      if (typeof f?.dataBase64 !== 'string') {
        files.push(f);
        continue;
      }
      const bytes = Uint8Array.from(atob(f.dataBase64), (c) => c.charCodeAt(0));
      const res = await fetch('/api/upload', { method: 'POST', headers: { 'content-type': 'application/octet-stream', 'x-postwright-session': secret }, body: bytes });
      if (!res.ok) throw new UploadRefused(res.status, await res.text().catch(() => ''));
      files.push({ name: f.name, uploadId: ((await res.json()) as { uploadId: string }).uploadId });
    }
    return { ...p, files };
  }

  return {
    async call(channel: Channel, payload: unknown, signal?: AbortSignal): Promise<Envelope<unknown>> {
      const s = await ready;
      if (!s.ok) return { ok: false, error: { code: 'auth', message: s.message } };
      if (channel === 'importImages') {
        try {
          payload = await uploadImages(s.session.secret, payload);
        } catch (e) {
          if (e instanceof UploadRefused) return { ok: false, error: { code: e.status === 401 || e.status === 403 ? 'auth' : 'io', message: e.message } };
          return { ok: false, error: { code: 'offline', message: LOST } };
        }
      }
      let res: Response;
      try {
        const url = `/api/call/${encodeURIComponent(channel)}`;
        // Aborting the fetch closes the connection: the web host sees it and stops the work.
        res = OFF_THREAD_CHANNELS.has(channel)
          ? await postJson(url, s.session.secret, payload, signal)
          : await fetch(url, {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'x-postwright-session': s.session.secret },
              body: JSON.stringify(payload ?? {}),
              signal,
            });
      } catch {
        if (signal?.aborted) return CANCELLED;
        return { ok: false, error: { code: 'offline', message: LOST } };
      }
      if (res.status === 401 || res.status === 403) {
        return { ok: false, error: { code: 'auth', message: 'This page is not allowed to talk to Postwright. Open the address Postwright printed when it started.' } };
      }
      if (res.status === 413 || res.status === 503) {
        return { ok: false, error: { code: 'io', message: (await res.text().catch(() => '')) || 'That is too much to send at once.' } };
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
        set = new Set();
        listeners.set(event, set);
      }
      set.add(listener);
      if (!streaming) {
        streaming = true;
        void stream();
      }
      return () => {
        set.delete(listener);
      };
    },
    assetUrl: (sitePath) => joinAssetUrl(`/asset/${imageKey}`, sitePath),
  };
}
