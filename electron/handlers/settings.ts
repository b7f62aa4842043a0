// Handlers for the settings channels (see shared/ipc/channels/settings.ts).
import type { AreaHandlers } from './types';
import type { settingsChannels } from '../../shared/ipc/channels/settings';
import type { AppServices } from '../services/app-services';

export function settingsHandlers(_app: AppServices): AreaHandlers<typeof settingsChannels> {
  return {};
}
