import { z } from 'zod';
import { defineChannels } from '../define';

export const FrontMatterFormat = z.enum(['yaml', 'toml', 'json', 'none']);
export type FrontMatterFormat = z.infer<typeof FrontMatterFormat>;

export const PostFile = z.object({
  path: z.string(),
  /** The whole file as text (BOM removed; `bom` says whether it had one). */
  raw: z.string(),
  bom: z.boolean(),
  /** sha256 of the file's bytes on disk, hex. A save must present it back. */
  hash: z.string(),
  format: FrontMatterFormat,
  /** Raw text of the front matter between its delimiters (without them). */
  frontMatter: z.string(),
  /** Offset in `raw` where the body starts (just after the closing delimiter's line). */
  bodyOffset: z.number().int().nonnegative(),
  /** Parsed front-matter fields (JSON-safe: dates as their written strings). */
  fields: z.record(z.string(), z.unknown()),
  frontMatterError: z.string().nullable(),
});
export type PostFile = z.infer<typeof PostFile>;

export const SaveResult = z.object({ hash: z.string(), savedAt: z.number() });
export type SaveResult = z.infer<typeof SaveResult>;

export const postChannels = defineChannels({
  readPost: { request: z.object({ path: z.string().min(1) }), response: PostFile },
  /**
   * Writes `raw` (plus the file's BOM if `bom`) atomically, only if the file on disk still has
   * `expectedHash`; else fails with code "changed-on-disk".
   */
  savePost: {
    request: z.object({
      path: z.string().min(1),
      raw: z.string(),
      bom: z.boolean(),
      expectedHash: z.string(),
    }),
    response: SaveResult,
  },
});
