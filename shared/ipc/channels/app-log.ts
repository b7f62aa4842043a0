// The app's log: problems the renderer met (a region that failed to draw) are written to a log
// file in the app's data folder, where Help > Show Log (desktop) or the web host's stderr shows
// them. Sizes are capped: whatever a page sends, the log cannot grow without bound per call.
import { z } from 'zod';
import { defineChannels } from '../define';

export const appLogChannels = defineChannels({
  /** Appends one error to the log. `where` names the part of the window ("the editor"). */
  logError: {
    request: z.object({
      where: z.string().max(200),
      message: z.string().max(4_000),
      stack: z.string().max(20_000).optional(),
      /** The open post (content-relative), when there is one. */
      post: z.string().max(1_000).optional(),
    }),
    response: z.object({ logged: z.boolean() }),
  },
});
