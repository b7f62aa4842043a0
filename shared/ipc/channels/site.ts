import { z } from 'zod';
import { defineChannels } from '../define';

export const SiteInfo = z.object({
  /** Absolute path of the site root (the folder holding hugo.toml or content/). */
  root: z.string(),
  /** Absolute path of the content directory (honours contentDir). */
  contentDir: z.string(),
  title: z.string(),
  /** Name of the config file found, or null for a bare content/ folder. */
  configFile: z.string().nullable(),
  /** Taxonomies declared by the site config (plural names, e.g. tags, categories). */
  taxonomies: z.array(z.string()),
});
export type SiteInfo = z.infer<typeof SiteInfo>;

export const PostSummary = z.object({
  /** Content-relative POSIX path, e.g. "blog/my-post/index.md". This is a post's id. */
  path: z.string(),
  title: z.string(),
  /** The date as written in the front matter (string), or null. */
  date: z.string().nullable(),
  /** Milliseconds since epoch used for sorting, or null when there is no parseable date. */
  dateMs: z.number().nullable(),
  draft: z.boolean(),
  tags: z.array(z.string()),
  section: z.string(),
  kind: z.enum(['leaf-bundle', 'branch-bundle', 'single']),
  /** Why the front matter could not be read, when it could not, in plain words. */
  frontMatterError: z.string().nullable(),
  /** True when the front matter (title, description…) holds garbled characters (e.g. `â€™` for `’`). */
  garbled: z.boolean().optional(),
});
export type PostSummary = z.infer<typeof PostSummary>;

/** A parameter a shortcode's template reads (shared/shortcodes/template-params.ts). */
export const ShortcodeParamSpec = z.object({
  /** Null for a positional parameter. */
  name: z.string().nullable(),
  position: z.number().int().min(0).optional(),
  type: z.enum(['text', 'url', 'number', 'boolean', 'image']),
  default: z.string().optional(),
});

export const ShortcodeChoice = z.object({
  name: z.string(),
  source: z.enum(['site', 'theme', 'hugo']),
  /** Every parameter the template reads, when it could be read; the dialog offers a field for each. */
  params: z.array(ShortcodeParamSpec).optional(),
  /** The template's leading comment, shown above the fields. */
  help: z.string().optional(),
  /** The template uses `.Inner`: it is inserted as an opening and a closing tag, the caret between. */
  paired: z.boolean().optional(),
});
export type ShortcodeChoice = z.infer<typeof ShortcodeChoice>;

export const siteChannels = defineChannels({
  getSite: { request: z.object({}), response: SiteInfo.nullable() },
  openSite: { request: z.object({ dir: z.string().min(1) }), response: SiteInfo },
  /** Shows the OS folder picker (Electron only) and opens the chosen site. */
  chooseSite: { request: z.object({}), response: SiteInfo.nullable() },
  listPosts: { request: z.object({}), response: z.array(PostSummary) },
  /**
   * One post's list entry, read again (after a save, or a change by another program), so the
   * list keeps up without listing the whole site. Null when the path is no longer a post.
   */
  postSummary: { request: z.object({ path: z.string().min(1).max(4096) }), response: PostSummary.nullable() },
  /**
   * What the open site's `{{< name >}}…{{< /name >}}` pairs hold, by name (found from the
   * templates, shared/markdown/shortcode-inner.ts): 'markdown' ones are edited as rich text,
   * 'text' ones as plain text, 'source' ones (template unreadable) are kept read-only.
   */
  getShortcodeInner: { request: z.object({}), response: z.record(z.string(), z.enum(['markdown', 'text', 'source'])) },
  /** Shortcodes a writer can insert: the site's (layouts/shortcodes/), its theme's, then Hugo's built-ins. */
  listShortcodes: { request: z.object({}), response: z.array(ShortcodeChoice) },
  /**
   * Why the open site's folders cannot all be watched, in plain words, or null when they are:
   * asked when a window shows a site (the `watchTrouble` event may have come before it listened).
   */
  watchTrouble: { request: z.object({}), response: z.object({ root: z.string(), message: z.string() }).nullable() },
});
