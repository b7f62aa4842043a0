// Handlers for opening a site and listing its posts.
import type { AreaHandlers } from './types';
import type { siteChannels } from '../../shared/ipc/channels/site';
import type { AppServices } from '../services/app-services';
import { PostwrightError } from '../../shared/ipc/errors';
import { readShortcodeInner } from '../services/site/shortcode-templates';
import { diskWorker } from './disk-worker';

/**
 * The open site's lister, in the disk worker: its stat cache (kept on disk between runs) makes
 * a second listing, and the first after launch, cheap.
 */
const lister = (app: AppServices) => diskWorker(app).lister;
import { listShortcodes } from '../services/shortcodes/list-shortcodes';
import { siteWatcher } from '../services/watch/install-watcher';

export function siteHandlers(app: AppServices): AreaHandlers<typeof siteChannels> {
  // The window asks for the list right after the site opens: have the thread starting by then.
  app.onSiteOpened(() => diskWorker(app).warm());
  return {
    getSite: async () => app.currentSite(),
    openSite: async ({ dir }) => app.openSite(dir),
    chooseSite: async () => {
      if (!app.host.desktop) {
        throw new PostwrightError('unsupported', 'Type the folder path: the browser cannot show a folder picker.');
      }
      const dir = await app.host.desktop.chooseFolder();
      return dir ? app.openSite(dir) : null;
    },
    listPosts: async (_req, call) => lister(app).list(call?.signal),
    postSummary: async ({ path }) => lister(app).one(path),
    // Read once per opened site (templates rarely change while writing; reopening reads again).
    getShortcodeInner: async () => app.perSite('shortcodeInner', (site) => ({ kinds: readShortcodeInner(site.root) })).kinds,
    listShortcodes: async () => {
      const site = app.currentSite();
      if (!site) throw new PostwrightError('no-site', 'Open a site first.');
      return listShortcodes(site.root);
    },
    watchTrouble: async () => siteWatcher(app)?.trouble ?? null,
  };
}
