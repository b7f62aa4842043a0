// Handlers for the writing aids: search, the pre-publish checklist and preview
// (see shared/ipc/channels/search.ts). Each is a per-site service, shut down with the site.
import { join } from 'node:path';
import type { AreaHandlers } from './types';
import type { searchChannels } from '../../shared/ipc/channels/search';
import type { AppServices } from '../services/app-services';
import { diskWorker } from './disk-worker';
import { PostChecker } from '../services/checks/post-checks';
import { PreviewService } from '../services/preview/preview-service';

/** The search index's facade: the index itself lives in the disk worker. */
type SearchIndex = ReturnType<typeof diskWorker>['search'];

const built = new WeakMap<AppServices, SearchIndex>();
/**
 * How long after a site opens the index starts building: long enough that reading every post
 * for the index never competes with the first post list (start-up), short enough that the
 * writer's first search usually finds it ready (and waits for it otherwise).
 */
const BUILD_AFTER_OPEN_MS = 2000;

/** The open site's search index, built on first use (and shortly after a site opens). */
export async function searchService(app: AppServices): Promise<SearchIndex> {
  const s = diskWorker(app).search;
  if (built.get(app) !== s) {
    built.set(app, s);
    void s.ready().catch(() => {}); // starts building the index in the worker
  }
  return s;
}

/**
 * For the site watcher: the index to keep current with `updateFile(path)` / `removeFile(path)`,
 * or null when none was built for the open site (then there is nothing to update).
 */
export function searchIndexIfBuilt(app: AppServices): SearchIndex | null {
  const s = built.get(app);
  return s && !s.isClosed && app.currentSite() ? s : null;
}

export function previewService(app: AppServices): PreviewService {
  return app.perSite('preview', (site) => new PreviewService(site, { cacheDir: join(app.host.dataDir, 'hugo-cache') }));
}

export function searchHandlers(app: AppServices): AreaHandlers<typeof searchChannels> {
  // Build the index in the background soon after a site opens, so the first search is instant.
  app.onSiteOpened((site) => {
    const t = setTimeout(() => {
      if (app.currentSite() === site) searchService(app).catch(() => {});
    }, BUILD_AFTER_OPEN_MS);
    t.unref?.();
  });
  const checker = () => app.perSite('checks', (site) => new PostChecker(site));
  return {
    searchPosts: async (req, call) => (await searchService(app)).search(req, call?.signal),
    postLinkForm: async () => ({ form: await (await searchService(app)).linkForm() }),
    checkPost: async ({ path, raw }) => checker().checkOne(path, raw),
    checkSite: async (_req, call) => {
      const posts = await checker().checkAll(call?.signal);
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
