// Handlers for the frontmatter channels (see shared/ipc/channels/frontmatter.ts).
import type { AreaHandlers } from './types';
import type { frontmatterChannels } from '../../shared/ipc/channels/frontmatter';
import type { AppServices } from '../services/app-services';
import { diskWorker } from './disk-worker';
import type { PostOperations } from '../services/archetypes/post-operations';
import { lazy } from '../services/lazy';
import { MoveVersions } from '../services/git/move-versions';
import { gitService } from './git';
import { slugify, uniqueSlug } from '../../shared/frontmatter/slug';

/** Every post's front matter (schema, suggestions, slugs), read in the disk worker. */
export function siteFields(app: AppServices) {
  return diskWorker(app).fields;
}

// Creating, renaming and deleting posts (and the TOML patcher) load on first use.
const operationsModule = lazy(() => import('../services/archetypes/post-operations'));

async function operations(app: AppServices): Promise<PostOperations> {
  const { PostOperations } = await operationsModule();
  return app.perSite('frontmatter.operations', (site) => new PostOperations(site, app.host, siteFields(app)));
}

/** Rename, delete and undo, each with its version, one move at a time per site. */
function moves(app: AppServices): MoveVersions {
  return app.perSite('frontmatter.moves', () => new MoveVersions(() => operations(app), () => gitService(app)));
}

export function frontmatterHandlers(app: AppServices): AreaHandlers<typeof frontmatterChannels> {
  return {
    getSchema: async ({ section }) => siteFields(app).schema(section),
    getTaxonomyValues: async () => siteFields(app).suggestions(),
    checkSlug: async ({ slug, path }) => {
      const taken = await siteFields(app).slugs(path);
      const usedBy = taken.get(slug.toLowerCase()) ?? null;
      return { unique: usedBy === null, usedBy, suggestion: uniqueSlug(slugify(slug), (s) => taken.has(s)) };
    },
    listSections: async () => (await operations(app)).sections(),
    newPost: async (req) => (await operations(app)).newPost(req),
    duplicatePost: async ({ path }) => (await operations(app)).duplicatePost(path),
    renamePost: async ({ path, slug }) => moves(app).rename(path, slug),
    deletePost: async ({ path, title }) => moves(app).delete(path, title ?? path),
    undoDelete: async ({ undoToken }) => moves(app).undoDelete(undoToken),
  };
}
