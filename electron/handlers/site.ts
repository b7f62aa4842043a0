// Handlers for opening a site and listing its posts.
import type { AreaHandlers } from './types';
import type { siteChannels } from '../../shared/ipc/channels/site';
import type { AppServices } from '../services/app-services';
import { PostwrightError } from '../../shared/ipc/errors';
import { PostLister } from '../services/site/list-posts';
import { listShortcodes } from '../services/shortcodes/list-shortcodes';

export function siteHandlers(app: AppServices): AreaHandlers<typeof siteChannels> {
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
    listShortcodes: async () => {
      const site = app.currentSite();
      if (!site) throw new PostwrightError('no-site', 'Open a site first.');
      return listShortcodes(site.root);
    },
    listPosts: async () => app.perSite('postLister', (site) => new PostLister(site.contentDir)).list(),
  };
}
