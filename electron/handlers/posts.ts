// Handlers for reading and saving one post.
import type { AreaHandlers } from './types';
import type { postChannels } from '../../shared/ipc/channels/posts';
import type { AppServices } from '../services/app-services';
import type { PostService } from '../services/posts/post-service';
import { discardJournalAfterSave } from '../services/recovery/journal-for';
import { lazy } from '../services/lazy';

// gray-matter and the front-matter readers load with the first post opened, not at start.
const postModule = lazy(() => import('../services/posts/post-service'));

export async function postService(app: AppServices): Promise<PostService> {
  const { PostService } = await postModule();
  return app.perSite('posts', (site) => new PostService(site.root, site.contentDir));
}

export function postHandlers(app: AppServices): AreaHandlers<typeof postChannels> {
  return {
    readPost: async ({ path }) => (await postService(app)).read(path),
    savePost: async (req) => {
      const saved = await (await postService(app)).save(req);
      // The text is on disk now: its recovery copy goes (never fails the save).
      await discardJournalAfterSave(app, req.path);
      return saved;
    },
  };
}
