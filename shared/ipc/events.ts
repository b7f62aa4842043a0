// Events main pushes to the renderer, part of the same contract as the calls. Electron sends
// them with webContents.send; the web host streams them over server-sent events.
import { z } from 'zod';

export const eventSchemas = {
  /** A post changed on disk outside the app (or by another window). */
  postChangedOnDisk: z.object({ path: z.string(), hash: z.string().nullable(), deleted: z.boolean() }),
  /** Posts were added, removed or renamed: the list should be reloaded. */
  postsChanged: z.object({ reason: z.string() }),
  /** The open site's folders cannot all be watched: changes by other programs may not show on their own. */
  watchTrouble: z.object({ root: z.string(), message: z.string() }),
  /** Another site was opened (menu, recent sites, a file opened from the OS). */
  siteOpened: z.object({ root: z.string(), openPath: z.string().nullable() }),
  /** A menu item the renderer acts on (save, new post, toggle panel...; see preload-api.ts). */
  menuCommand: z.object({ command: z.string(), arg: z.string().optional() }),
  /** Progress of a long task (import, sync). */
  progress: z.object({ task: z.string(), done: z.number(), total: z.number(), label: z.string().optional() }),
} as const;

export type EventMap = typeof eventSchemas;
export type EventName = keyof EventMap;
export type EventPayload<E extends EventName> = z.infer<EventMap[E]>;
export const eventNames = Object.keys(eventSchemas) as EventName[];
