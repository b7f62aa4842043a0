// Handlers for the recovery channels (see shared/ipc/channels/recovery.ts).
import type { AreaHandlers } from './types';
import type { recoveryChannels } from '../../shared/ipc/channels/recovery';
import type { AppServices } from '../services/app-services';

export function recoveryHandlers(_app: AppServices): AreaHandlers<typeof recoveryChannels> {
  return {};
}
