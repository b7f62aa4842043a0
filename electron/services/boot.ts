// Creates the app's services the same way for both hosts (Electron shell and web host): the
// services themselves, plus the wiring between them that neither host should repeat.
import { AppServices } from './app-services';
import type { HostContext } from './context';
import { installWatcher } from './watch/install-watcher';
import { searchIndexIfBuilt } from '../handlers/search';

export function bootAppServices(host: HostContext): AppServices {
  const app = new AppServices(host);
  installWatcher(app, {
    // Keep the search index current as files change, whoever changed them.
    onPathChanged(rel, kind) {
      const index = searchIndexIfBuilt(app);
      if (!index) return;
      void (kind === 'unlink' ? index.removeFile(rel) : index.updateFile(rel)).catch(() => {});
    },
  });
  return app;
}
