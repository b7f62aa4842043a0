// Handlers for the writer's comforts: search, the pre-publish checklist and preview
// (see shared/ipc/channels/search.ts). Each is a per-site service, shut down with the site.
import { join } from 'node:path';
import type { AreaHandlers } from './types';
import type { searchChannels } from '../../shared/ipc/channels/search';
import type { AppServices } from '../services/app-services';
import { SearchService } from '../services/search/search-service';
import { PostChecker } from '../services/checks/post-checks';
import { PreviewService } from '../services/preview/preview-service';

/** The open site's search index (built on first use; the watcher calls updateFile/removeFile on it). */
export function searchService(app: AppServices): SearchService {
  return app.perSite('search', (site) => new SearchService(site));
}

export function previewService(app: AppServices): PreviewService {
  return app.perSite('preview', (site) => new PreviewService(site, { cacheDir: join(app.host.dataDir, 'hugo-cache') }));
}

export function searchHandlers(app: AppServices): AreaHandlers<typeof searchChannels> {
  const checker = () => app.perSite('checks', (site) => new PostChecker(site));
  return {
    searchPosts: async (req) => searchService(app).search(req),
    checkPost: async ({ path, raw }) => checker().checkOne(path, raw),
    checkSite: async () => {
      const posts = await checker().checkAll();
      const count = (sev: string) => posts.reduce((n, p) => n + p.problems.filter((x) => x.severity === sev).length, 0);
      return { posts, errors: count('error'), warnings: count('warning') };
    },
    startPreview: async ({ postPath }) => previewService(app).start(postPath),
    stopPreview: async () => {
      const site = app.currentSite();
      return { stopped: site ? await previewService(app).stop() : false };
    },
  };
}
