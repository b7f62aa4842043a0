// Handlers for the settings channels (see shared/ipc/channels/settings.ts). Settings belong to
// the writer, not to a site, so they work with no site open.
import type { AreaHandlers } from './types';
import type { settingsChannels } from '../../shared/ipc/channels/settings';
import type { AppServices } from '../services/app-services';
import { readSettings, writeSettings } from '../services/settings/settings-service';

export function settingsHandlers(app: AppServices): AreaHandlers<typeof settingsChannels> {
  return {
    getSettings: async () => readSettings(app.host.settings),
    setSettings: async ({ partial }) => writeSettings(app.host.settings, partial),
  };
}
