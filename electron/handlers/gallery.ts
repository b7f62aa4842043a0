// Handlers for the gallery channels (see shared/ipc/channels/gallery.ts).
import type { AreaHandlers } from './types';
import type { galleryChannels } from '../../shared/ipc/channels/gallery';
import type { AppServices } from '../services/app-services';

export function galleryHandlers(_app: AppServices): AreaHandlers<typeof galleryChannels> {
  return {};
}
