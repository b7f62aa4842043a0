// Handlers for the git channels (see shared/ipc/channels/git.ts).
import type { AreaHandlers } from './types';
import type { gitChannels } from '../../shared/ipc/channels/git';
import type { AppServices } from '../services/app-services';

export function gitHandlers(_app: AppServices): AreaHandlers<typeof gitChannels> {
  return {};
}
