// Handlers for the git channels (see shared/ipc/channels/git.ts): each one asks the open site's
// git service, created once per site.
import type { AreaHandlers } from './types';
import type { gitChannels } from '../../shared/ipc/channels/git';
import type { AppServices } from '../services/app-services';
import { IsoGitService, type GitService } from '../services/git/git-service';

export function gitService(app: AppServices): GitService {
  return app.perSite('git', (site) => new IsoGitService(site, app.host));
}

export function gitHandlers(app: AppServices): AreaHandlers<typeof gitChannels> {
  const svc = () => gitService(app);
  return {
    gitStatus: async ({ paths }) => svc().status(paths),
    initRepository: async ({ author }) => svc().initRepository(author),
    setGitAuthor: async (author) => svc().setAuthor(author),
    setGitToken: async ({ token }) => svc().setToken(token),
    setRemote: async ({ url }) => svc().setRemote(url),
    suggestVersionMessage: async ({ path }) => ({ message: await svc().suggestMessage(path) }),
    saveVersion: async ({ path, message }) => svc().saveVersion(path, message),
    saveAllVersions: async () => svc().saveAll(),
    postHistory: async ({ path, limit }) => svc().history(path, limit),
    versionDiff: async ({ path, version }) => svc().diff(path, version),
    readPostAtVersion: async ({ path, version }) => ({ text: await svc().readAtVersion(path, version) }),
    restoreVersion: async ({ path, version }) => svc().restore(path, version),
    syncNow: async () => svc().sync(),
    listConflicts: async () => svc().conflicts(),
    resolveConflict: async ({ path, choice, text }) => svc().resolve(path, choice, text),
    cancelMerge: async () => ({ cancelled: await svc().cancelMerge() }),
  };
}
