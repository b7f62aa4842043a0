// Channels of the front-matter area: the form's schema and suggestions, slug checks, and the
// post operations that go with them (new from archetype, duplicate, rename, delete with undo).
import { z } from 'zod';
import { defineChannels } from '../define';
import { SectionSchema } from '../../frontmatter/schema';

export const ValueCount = z.object({ value: z.string(), count: z.number().int() });
export type ValueCount = z.infer<typeof ValueCount>;

export const Suggestions = z.object({
  /** Each taxonomy's values used across the site, most used first. */
  taxonomies: z.record(z.string(), z.array(ValueCount)),
  /** Names found in contributors/authors fields, most used first. */
  contributors: z.array(ValueCount),
});
export type Suggestions = z.infer<typeof Suggestions>;

const PostPath = z.string().min(1).max(1000);

/** A rename's, deletion's or put-back's version: saved, nothing to save, or why it failed. */
export const MoveVersion = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('saved') }),
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('failed'), message: z.string() }),
]);
export type MoveVersion = z.infer<typeof MoveVersion>;

export const frontmatterChannels = defineChannels({
  /** The fields the form shows for a section's posts, in their usual order. */
  getSchema: { request: z.object({ section: z.string().max(200) }), response: SectionSchema },
  getTaxonomyValues: { request: z.object({}), response: Suggestions },
  /** Whether a slug is free; `usedBy` names the post that has it. */
  checkSlug: {
    request: z.object({ slug: z.string().max(300), path: PostPath.optional() }),
    response: z.object({ unique: z.boolean(), usedBy: z.string().nullable(), suggestion: z.string() }),
  },
  listSections: { request: z.object({}), response: z.array(z.string()) },
  newPost: {
    request: z.object({ title: z.string().min(1).max(500), section: z.string().min(1).max(200) }),
    response: z.object({ path: z.string(), warning: z.string().nullable() }),
  },
  duplicatePost: { request: z.object({ path: PostPath }), response: z.object({ path: z.string() }) },
  /** Renames the post's slug and, when the site keeps versions, saves the move as versions. */
  renamePost: {
    request: z.object({ path: PostPath, slug: z.string().min(1).max(300) }),
    response: z.object({ path: z.string(), version: MoveVersion }),
  },
  /** Deletes the post and saves the deletion as a version; `title` names it in the version. */
  deletePost: {
    request: z.object({ path: PostPath, title: z.string().max(500).optional() }),
    response: z.object({ undoToken: z.string(), message: z.string(), version: MoveVersion }),
  },
  /** Puts a deleted post back, as a version too when its deletion was one. */
  undoDelete: { request: z.object({ undoToken: z.string().min(1).max(100) }), response: z.object({ path: z.string(), version: MoveVersion }) },
});
