// The Electron transport of the contract: one ipcMain.handle per channel, each call checked to
// come from the app's own top-level page (not an iframe, not another origin) before the shared
// dispatch validates its payload and runs the handler.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { channelNames, IPC_PREFIX } from '../../shared/ipc/contract';
import type { Dispatch } from '../../shared/ipc/dispatch';
import type { Envelope } from '../../shared/ipc/errors';
import { eventNames, type EventName } from '../../shared/ipc/events';
import { CANCEL_CHANNEL, eventChannel } from '../../shared/ipc/preload-api';
import { isAppUrl } from './app-origin';
import { CallCancels } from './call-cancels';

export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>, trusted: () => WebContents | null): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  if (!isAppUrl(frame.url)) return false;
  // Only the windows the app made itself.
  const wc = trusted();
  return wc !== null && event.sender.id === wc.id;
}

export function registerIpc(dispatch: Dispatch, trusted: () => WebContents | null): void {
  const calls = new CallCancels();
  for (const channel of channelNames) {
    ipcMain.handle(IPC_PREFIX + channel, async (event, payload: unknown, callId: unknown): Promise<Envelope<unknown>> => {
      if (!isTrustedSender(event, trusted)) {
        return { ok: false, error: { code: 'auth', message: 'This page is not allowed to talk to Postwright.' } };
      }
      const call = calls.start(event.sender.id, callId);
      try {
        return await dispatch(channel, payload, call?.signal);
      } finally {
        calls.end(event.sender.id, callId, call);
      }
    });
  }
  ipcMain.on(CANCEL_CHANNEL, (event, callId: unknown) => {
    // Same check as a call: only the app's own page may stop its own calls.
    if (isTrustedSender(event, trusted)) calls.cancel(event.sender.id, callId);
  });
}

/** Sends a main → renderer event to the window, if it is there to hear it. */
export function sendEvent(wc: WebContents | null, event: string, payload: unknown): void {
  if (!wc || wc.isDestroyed()) return;
  if (!(eventNames as string[]).includes(event)) return;
  wc.send(eventChannel(event as EventName), payload);
}
