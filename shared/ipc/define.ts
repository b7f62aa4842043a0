// Building blocks of the IPC contract. A channel is a pair of zod schemas: the request the
// renderer sends and the response main returns. Both transports (Electron IPC and the web
// host) and the renderer's typed client are derived from the one map in contract.ts.
import type { z } from 'zod';

export interface ChannelSpec<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  request: Req;
  response: Res;
}

export type ChannelMap = Record<string, ChannelSpec>;

/** Identity helper that keeps the literal types of a channel map. */
export function defineChannels<const M extends ChannelMap>(map: M): M {
  return map;
}

export type RequestOf<M extends ChannelMap, K extends keyof M> = z.input<M[K]['request']>;
export type ParsedRequestOf<M extends ChannelMap, K extends keyof M> = z.output<M[K]['request']>;
export type ResponseOf<M extends ChannelMap, K extends keyof M> = z.output<M[K]['response']>;
