// Handlers for the git channels (see shared/ipc/channels/git.ts): each one asks the open site's
// git service, created once per site.
import type { AreaHandlers } from './types';
import type { gitChannels } from '../../shared/ipc/channels/git';
import type { AppServices } from '../services/app-services';
import type { GitService } from '../services/git/git-service';
import { lazy } from '../services/lazy';
import { diskWorker } from './disk-worker';

// isomorphic-git and the diff/merge code load on the first git call, not at start.
const gitModule = lazy(() => import('../services/git/git-service'));

export async function gitService(app: AppServices): Promise<GitService> {
  const { IsoGitService } = await gitModule();
  // Status reads every post's files: it runs in the disk worker; writes stay here.
  return app.perSite('git', (site) => new IsoGitService(site, app.host, { statusOf: (paths) => diskWorker(app).repoStatus(paths) }));
}

export function gitHandlers(app: AppServices): AreaHandlers<typeof gitChannels> {
  const svc = () => gitService(app);
  return {
    gitStatus: async ({ paths }) => (await svc()).status(paths),
    initRepository: async ({ author }) => (await svc()).initRepository(author),
    setGitAuthor: async (author) => (await svc()).setAuthor(author),
    setGitToken: async ({ token }) => (await svc()).setToken(token),
    setRemote: async ({ url }) => (await svc()).setRemote(url),
    suggestVersionMessage: async ({ path }) => ({ message: await (await svc()).suggestMessage(path) }),
    saveVersion: async ({ path, message }) => (await svc()).saveVersion(path, message),
    saveAllVersions: async () => (await svc()).saveAll(),
    postHistory: async ({ path, limit }) => (await svc()).history(path, limit),
    versionDiff: async ({ path, version }) => (await svc()).diff(path, version),
    readPostAtVersion: async ({ path, version }) => ({ text: await (await svc()).readAtVersion(path, version) }),
    restoreVersion: async ({ path, version }) => (await svc()).restore(path, version),
    syncNow: async (_req, call) => (await svc()).sync(call?.signal),
    listConflicts: async () => (await svc()).conflicts(),
    resolveConflict: async ({ path, choice, text }) => (await svc()).resolve(path, choice, text),
    cancelMerge: async () => ({ cancelled: await (await svc()).cancelMerge() }),
  };
}
