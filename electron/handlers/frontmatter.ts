// Handlers for the frontmatter channels (see shared/ipc/channels/frontmatter.ts).
import type { AreaHandlers } from './types';
import type { frontmatterChannels } from '../../shared/ipc/channels/frontmatter';
import type { AppServices } from '../services/app-services';

export function frontmatterHandlers(_app: AppServices): AreaHandlers<typeof frontmatterChannels> {
  return {};
}
