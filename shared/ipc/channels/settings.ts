// Channels of the writer's preferences. The schema is the one source of truth: stored values
// are checked field by field against it, so a damaged settings file falls back to defaults.
import { z } from 'zod';
import { defineChannels } from '../define';
import { NOT_ONE_LINE, ONE_LINE } from './git';

export const Theme = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof Theme>;

export const Settings = z.object({
  /** Name and email used for git versions and new posts' author field (one line: see GitAuthor). */
  authorName: z.string().max(200).regex(ONE_LINE, `Name ${NOT_ONE_LINE}`),
  authorEmail: z.union([z.literal(''), z.email().max(320)]),
  /** BCP 47 tag such as "en-US", or "" to turn spell checking off. */
  spellCheckLanguage: z.union([z.literal(''), z.string().regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8}){0,3}$/)]),
  /** Longest side in pixels that imported images are scaled down to. */
  imageMaxSize: z.number().int().min(320).max(16384),
  theme: Theme,
  /** Off unless the writer turns it on: the app makes no network request on its own. */
  updateChecks: z.boolean(),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  authorName: '',
  authorEmail: '',
  spellCheckLanguage: 'en-US',
  imageMaxSize: 2400,
  theme: 'system',
  updateChecks: false,
};

export const settingsChannels = defineChannels({
  getSettings: { request: z.object({}), response: Settings },
  /** Changes only the fields given; answers with all settings after the change. */
  setSettings: { request: z.object({ partial: Settings.partial().strict() }), response: Settings },
});
