// Channels of the writing aids: search every post, the pre-publish checklist, preview.
import { z } from 'zod';
import { defineChannels } from '../define';

const DateText = z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'a date such as 2025-10-02');

export const SearchRequest = z.object({
  query: z.string().max(500),
  section: z.string().optional(),
  tag: z.string().optional(),
  draft: z.boolean().optional(),
  /** Inclusive date range on the post's date, `YYYY-MM-DD`. */
  from: DateText.optional(),
  to: DateText.optional(),
  limit: z.number().int().min(1).max(500).optional(),
});
export type SearchRequest = z.infer<typeof SearchRequest>;

/** [start, end) offsets of a highlighted word in the text it belongs to. */
export const MatchRange = z.tuple([z.number().int(), z.number().int()]);

export const SearchHit = z.object({
  path: z.string(),
  title: z.string(),
  section: z.string(),
  tags: z.array(z.string()),
  draft: z.boolean(),
  date: z.string().nullable(),
  score: z.number(),
  titleRanges: z.array(MatchRange),
  snippet: z.object({ text: z.string(), ranges: z.array(MatchRange) }),
  /** The words of the post that matched (normalised), e.g. for highlighting in the editor. */
  terms: z.array(z.string()),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResponse = z.object({
  hits: z.array(SearchHit),
  /** Matches before the limit was applied. */
  total: z.number().int(),
  /** Posts in the index. */
  indexed: z.number().int(),
  tookMs: z.number(),
  /** Values for the filter menus. */
  sections: z.array(z.string()),
  tags: z.array(z.string()),
});
export type SearchResponse = z.infer<typeof SearchResponse>;

export const CheckProblem = z.object({
  rule: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  line: z.number().int().optional(),
});

export const PostCheck = z.object({ path: z.string(), title: z.string(), problems: z.array(CheckProblem) });
export type PostCheck = z.infer<typeof PostCheck>;

export const PreviewResult = z.object({
  /** Loopback URL of the post on a running `hugo server`, or null. */
  url: z.string().nullable(),
  /** True when the built-in preview should be used (hugo missing or failed). */
  fallback: z.boolean(),
  /** Why there is no hugo preview, in plain words. */
  reason: z.string().nullable(),
});
export type PreviewResult = z.infer<typeof PreviewResult>;

export const searchChannels = defineChannels({
  searchPosts: { request: SearchRequest, response: SearchResponse },
  /** How the site's posts link to each other (relative path, ref, relref or permalink): a new link to a post is written the same way. */
  postLinkForm: { request: z.object({}), response: z.object({ form: z.enum(['relative', 'ref', 'relref', 'permalink']) }) },
  /** The checklist for one post; `raw` checks the editor's unsaved text instead of the file. */
  checkPost: { request: z.object({ path: z.string().min(1), raw: z.string().optional() }), response: PostCheck },
  checkSite: {
    request: z.object({}),
    response: z.object({ posts: z.array(PostCheck), errors: z.number().int(), warnings: z.number().int() }),
  },
  startPreview: { request: z.object({ postPath: z.string().min(1) }), response: PreviewResult },
  stopPreview: { request: z.object({}), response: z.object({ stopped: z.boolean() }) },
});
