import type { z } from 'zod';
import type { ChannelMap } from '../../shared/ipc/define';
import type { CallContext } from '../../shared/ipc/contract';

/** The handlers of one area: one async function per channel of its map. */
export type AreaHandlers<M extends ChannelMap> = {
  [K in keyof M]: (req: z.output<M[K]['request']>, call?: CallContext) => Promise<z.output<M[K]['response']>>;
};
