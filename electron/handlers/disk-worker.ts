// The open site's disk worker (electron/services/worker/): the post list, git status, the
// front-matter schema and the search index run there, off the main process's event loop.
// One per open site; closing the site writes its caches and stops the thread.
import type { AppServices } from '../services/app-services';
import { SiteDiskWorker } from '../services/worker/site-disk-worker';

export function diskWorker(app: AppServices): SiteDiskWorker {
  return app.perSite('diskWorker', (site) => new SiteDiskWorker({ site, dataDir: app.host.dataDir }));
}
