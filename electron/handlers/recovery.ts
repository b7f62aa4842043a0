// Handlers for the recovery channels (see shared/ipc/channels/recovery.ts).
import type { AreaHandlers } from './types';
import type { recoveryChannels } from '../../shared/ipc/channels/recovery';
import type { AppServices } from '../services/app-services';
import { journalFor } from '../services/recovery/journal-for';

export function recoveryHandlers(app: AppServices): AreaHandlers<typeof recoveryChannels> {
  return {
    journalWrite: async ({ path, raw, baseHash }) => (await journalFor(app)).write(path, raw, baseHash),
    journalDiscard: async ({ path }) => (await journalFor(app)).discard(path),
    journalList: async () => (await journalFor(app)).list(),
    journalRead: async ({ path }) => (await journalFor(app)).read(path),
  };
}
