// Handlers for the search channels (see shared/ipc/channels/search.ts).
import type { AreaHandlers } from './types';
import type { searchChannels } from '../../shared/ipc/channels/search';
import type { AppServices } from '../services/app-services';

export function searchHandlers(_app: AppServices): AreaHandlers<typeof searchChannels> {
  return {};
}
