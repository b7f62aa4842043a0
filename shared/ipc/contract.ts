// The one IPC contract: every channel the renderer may call, with request and response schemas.
// Each area keeps its channels in channels/<area>.ts; this file only puts them together.
import type { ChannelMap, ParsedRequestOf, RequestOf, ResponseOf } from './define';
import { siteChannels } from './channels/site';
import { postChannels } from './channels/posts';
import { frontmatterChannels } from './channels/frontmatter';
import { galleryChannels } from './channels/gallery';
import { gitChannels } from './channels/git';
import { recoveryChannels } from './channels/recovery';
import { searchChannels } from './channels/search';
import { settingsChannels } from './channels/settings';
import { appLogChannels } from './channels/app-log';

export const contract = {
  ...siteChannels,
  ...postChannels,
  ...frontmatterChannels,
  ...galleryChannels,
  ...gitChannels,
  ...recoveryChannels,
  ...searchChannels,
  ...settingsChannels,
  ...appLogChannels,
} satisfies ChannelMap;

export type Contract = typeof contract;
export type Channel = keyof Contract & string;
export type Req<K extends Channel> = RequestOf<Contract, K>;
export type ParsedReq<K extends Channel> = ParsedRequestOf<Contract, K>;
export type Res<K extends Channel> = ResponseOf<Contract, K>;

export const channelNames = Object.keys(contract) as Channel[];

/** Prefix of the Electron IPC channel names, so no other ipcMain listener can collide. */
export const IPC_PREFIX = 'postwright:';

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/**
 * What a handler gets besides its request. `signal` fires when the caller gave up (the web
 * page aborted its fetch, the window sent a cancel for the call's id): long work stops there.
 */
export interface CallContext {
  signal: AbortSignal;
}

/** What each side implements: one async function per channel, taking the parsed request. */
export type HandlerTable = { [K in Channel]: (req: ParsedReq<K>, call?: CallContext) => Promise<Res<K>> };
