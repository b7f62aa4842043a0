// A real app for gallery tests: a temp Hugo site, the real handler table behind the real
// dispatch, and the renderer's typed client on top of it. Only the host (settings, events,
// desktop) is in memory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppServices } from '../../../electron/services/app-services';
import type { HostContext, HostDesktop } from '../../../electron/services/context';
import { createHandlerTable } from '../../../electron/handlers';
import { createDispatch } from '../../../shared/ipc/dispatch';
import { createApi, type Api } from '../../../shared/ipc/client';
import type { EventName } from '../../../shared/ipc/events';
import { makeTempSite, type TempSite } from '../../support/temp-site';

export interface GalleryTestApp {
  site: TempSite;
  app: AppServices;
  api: Api;
  dataDir: string;
  events: Array<{ event: EventName; payload: unknown }>;
  settings: Map<string, unknown>;
  close(): Promise<void>;
}

export async function galleryTestApp(files: Record<string, string | Uint8Array>, desktop: HostDesktop | null = null): Promise<GalleryTestApp> {
  const site = makeTempSite(files);
  const dataDir = mkdtempSync(join(tmpdir(), 'pw-gallery-data-'));
  const settings = new Map<string, unknown>();
  const events: GalleryTestApp['events'] = [];
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const host: HostContext = {
    dataDir,
    settings: { get: <T>(k: string) => settings.get(k) as T | undefined, set: (k, v) => void settings.set(k, v) },
    secrets: { get: async () => null, set: async () => {}, persistent: false },
    desktop,
    emit(event, payload) {
      events.push({ event, payload });
      for (const l of listeners.get(event) ?? []) l(payload);
    },
  };
  const app = new AppServices(host);
  await app.openSite(site.root);
  const dispatch = createDispatch(createHandlerTable(app), (c, e) => console.error(c, e));
  const api = createApi({
    call: (c, p) => dispatch(c, JSON.parse(JSON.stringify(p))),
    subscribe(event, listener) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(listener);
      return () => listeners.get(event)!.delete(listener);
    },
    assetUrl: (p) => `/asset/${encodeURIComponent(p)}`,
  });
  return {
    site,
    app,
    api,
    dataDir,
    events,
    settings,
    async close() {
      await app.closeSite();
      site.remove();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
