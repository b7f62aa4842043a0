// What the post list says about a post, in words (also its accessible name, which starts with
// the title so tests and screen-reader users find posts by title).
import type { PostSummary } from '../../shared/ipc/channels/site';

/** The date as written, shortened to the day when it is an ISO date-time. */
export function shortDate(date: string | null): string | null {
  if (!date) return null;
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(date);
  return m ? m[1] : date;
}

/** Said before a front-matter error, in the list and its accessible name. */
export const FRONT_MATTER_PROBLEM = "The post's settings at the top cannot be read.";

export function postLabel(p: PostSummary): string {
  const parts = [p.title || p.path];
  const date = shortDate(p.date);
  if (date) parts.push(date);
  if (p.draft) parts.push('draft');
  if (p.kind === 'branch-bundle') parts.push('section page');
  if (p.section) parts.push(`in ${p.section}`);
  if (p.tags.length) parts.push(`tags: ${p.tags.join(', ')}`);
  if (p.garbled) parts.push('garbled text');
  if (p.frontMatterError) parts.push(`${FRONT_MATTER_PROBLEM} ${p.frontMatterError}`);
  return parts.join(', ');
}
