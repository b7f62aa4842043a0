// A real app for reliability tests: a temp site, a temp data folder, the web host's context,
// the real handler table and dispatch. Events the services emit are recorded.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppServices } from '../../../electron/services/app-services';
import { createHandlerTable } from '../../../electron/handlers';
import { createDispatch, type Dispatch } from '../../../shared/ipc/dispatch';
import type { HandlerTable } from '../../../shared/ipc/contract';
import { createWebHostContext } from '../../../electron/web/web-host-context';
import { makeTempSite, type TempSite } from '../../support/temp-site';

export interface TestApp {
  site: TempSite;
  dataDir: string;
  app: AppServices;
  table: HandlerTable;
  dispatch: Dispatch;
  events: Array<{ event: string; payload: unknown }>;
  internalErrors: Array<{ channel: string; error: unknown }>;
  dispose(): Promise<void>;
}

export async function makeTestApp(
  files: Record<string, string | Uint8Array> = {},
  setup?: (app: AppServices) => void,
): Promise<TestApp> {
  const site = makeTempSite(files);
  const dataDir = mkdtempSync(join(tmpdir(), 'pw-data-'));
  const host = createWebHostContext(dataDir);
  const events: TestApp['events'] = [];
  host.addSink((event, payload) => events.push({ event, payload }));
  const app = new AppServices(host);
  setup?.(app);
  const table = createHandlerTable(app);
  const internalErrors: TestApp['internalErrors'] = [];
  const dispatch = createDispatch(table, (channel, error) => internalErrors.push({ channel, error }));
  await app.openSite(site.root);
  return {
    site,
    dataDir,
    app,
    table,
    dispatch,
    events,
    internalErrors,
    async dispose() {
      await app.closeSite();
      await host.settings.flush();
      site.remove();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
