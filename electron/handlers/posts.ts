// Handlers for reading and saving one post.
import type { AreaHandlers } from './types';
import type { postChannels } from '../../shared/ipc/channels/posts';
import type { AppServices } from '../services/app-services';
import { PostService } from '../services/posts/post-service';
import { discardJournalAfterSave } from '../services/recovery/journal-for';

export function postService(app: AppServices): PostService {
  return app.perSite('posts', (site) => new PostService(site.root, site.contentDir));
}

export function postHandlers(app: AppServices): AreaHandlers<typeof postChannels> {
  return {
    readPost: async ({ path }) => postService(app).read(path),
    savePost: async (req) => {
      const saved = await postService(app).save(req);
      // The text is on disk now: its recovery copy goes (never fails the save).
      await discardJournalAfterSave(app, req.path);
      return saved;
    },
  };
}
