// Handlers for reading and saving one post.
import type { AreaHandlers } from './types';
import type { postChannels } from '../../shared/ipc/channels/posts';
import type { AppServices } from '../services/app-services';
import { PostService } from '../services/posts/post-service';

export function postService(app: AppServices): PostService {
  return app.perSite('posts', (site) => new PostService(site.root, site.contentDir));
}

export function postHandlers(app: AppServices): AreaHandlers<typeof postChannels> {
  return {
    readPost: async ({ path }) => postService(app).read(path),
    savePost: async (req) => postService(app).save(req),
  };
}
