// Handlers for the frontmatter channels (see shared/ipc/channels/frontmatter.ts).
import type { AreaHandlers } from './types';
import type { frontmatterChannels } from '../../shared/ipc/channels/frontmatter';
import type { AppServices } from '../services/app-services';
import { SiteFields } from '../services/frontmatter/site-fields';
import { PostOperations } from '../services/archetypes/post-operations';
import { slugify, uniqueSlug } from '../../shared/frontmatter/slug';

export function siteFields(app: AppServices): SiteFields {
  return app.perSite('frontmatter.fields', (site) => new SiteFields(site));
}

function operations(app: AppServices): PostOperations {
  return app.perSite('frontmatter.operations', (site) => new PostOperations(site, app.host, siteFields(app)));
}

export function frontmatterHandlers(app: AppServices): AreaHandlers<typeof frontmatterChannels> {
  return {
    getSchema: async ({ section }) => siteFields(app).schema(section),
    getTaxonomyValues: async () => siteFields(app).suggestions(),
    checkSlug: async ({ slug, path }) => {
      const taken = siteFields(app).slugs(path);
      const usedBy = taken.get(slug.toLowerCase()) ?? null;
      return { unique: usedBy === null, usedBy, suggestion: uniqueSlug(slugify(slug), (s) => taken.has(s)) };
    },
    listSections: async () => operations(app).sections(),
    newPost: async (req) => operations(app).newPost(req),
    duplicatePost: async ({ path }) => operations(app).duplicatePost(path),
    renamePost: async ({ path, slug }) => operations(app).renamePost(path, slug),
    deletePost: async ({ path }) => operations(app).deletePost(path),
    undoDelete: async ({ undoToken }) => operations(app).undoDelete(undoToken),
  };
}
