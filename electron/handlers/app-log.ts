// Handlers for the app log channel (see shared/ipc/channels/app-log.ts).
import type { AreaHandlers } from './types';
import type { appLogChannels } from '../../shared/ipc/channels/app-log';
import type { AppServices } from '../services/app-services';
import { ErrorLog } from '../services/log/error-log';

const logs = new WeakMap<AppServices, ErrorLog>();

/** The app's one error log (its data folder is the host's, whatever site is open). */
export function errorLogOf(app: AppServices): ErrorLog {
  let log = logs.get(app);
  if (!log) logs.set(app, (log = new ErrorLog(app.host.dataDir, (text) => app.host.echoLog?.(text))));
  return log;
}

export function appLogHandlers(app: AppServices): AreaHandlers<typeof appLogChannels> {
  return {
    logError: async (entry) => {
      await errorLogOf(app).append(entry);
      return { logged: true };
    },
  };
}
