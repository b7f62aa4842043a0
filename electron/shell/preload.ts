// The bridge between the sandboxed renderer and main: one function per contract channel and
// `on` for the contract's events, nothing else (no ipcRenderer, no generic invoke). Bundled into
// one CommonJS file, because a sandboxed preload can require only `electron`.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { channelNames, IPC_PREFIX, type Channel } from '../../shared/ipc/contract';
import type { Envelope } from '../../shared/ipc/errors';
import { eventNames, type EventName } from '../../shared/ipc/events';
import { CANCEL_CHANNEL, eventChannel, PRELOAD_GLOBAL, type PreloadApi } from '../../shared/ipc/preload-api';

type Listener = (payload: unknown) => void;
const listeners = new Map<EventName, Set<Listener>>();
/** siteOpened events that came before any listener (a file opened from the OS at launch). */
let pendingSiteOpened: unknown[] = [];

for (const name of eventNames) {
  ipcRenderer.on(eventChannel(name), (_e: IpcRendererEvent, payload: unknown) => {
    const set = listeners.get(name);
    if (set?.size) for (const l of [...set]) l(payload);
    else if (name === 'siteOpened') pendingSiteOpened = [...pendingSiteOpened.slice(-4), payload];
  });
}

function on(event: EventName, listener: Listener): () => void {
  if (!(eventNames as string[]).includes(event) || typeof listener !== 'function') return () => {};
  let set = listeners.get(event);
  if (!set) listeners.set(event, (set = new Set()));
  set.add(listener);
  if (event === 'siteOpened' && pendingSiteOpened.length) {
    const replay = pendingSiteOpened;
    pendingSiteOpened = [];
    // After the caller has its unsubscribe function in hand.
    queueMicrotask(() => replay.forEach((p) => listener(p)));
  }
  return () => {
    set.delete(listener);
  };
}

const calls = Object.fromEntries(
  channelNames.map((channel: Channel) => [
    channel,
    (req: unknown, callId?: unknown): Promise<Envelope<unknown>> => ipcRenderer.invoke(IPC_PREFIX + channel, req, typeof callId === 'string' ? callId : undefined),
  ]),
);

function cancel(callId: unknown): void {
  if (typeof callId === 'string') ipcRenderer.send(CANCEL_CHANNEL, callId);
}

const platform = process.platform === 'darwin' || process.platform === 'win32' ? process.platform : 'linux';

const api = { ...calls, on, cancel, assetBase: 'asset://site/', platform } as unknown as PreloadApi;

contextBridge.exposeInMainWorld(PRELOAD_GLOBAL, api);
