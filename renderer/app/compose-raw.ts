// Puts a post back together from its parts without touching anything the writer did not edit:
// the text before the front matter (delimiter, blank lines), the front matter, the closing
// delimiter line, then the body.
import { splitFrontMatter } from '../../shared/frontmatter/split';

export interface PostParts {
  /** Everything before the front matter's text (blank lines, the opening delimiter line). */
  head: string;
  frontMatter: string;
  /** From the end of the front matter's text to the start of the body (closing delimiter). */
  middle: string;
  body: string;
}

export function splitPost(raw: string): PostParts {
  const s = splitFrontMatter(raw);
  if (s.format === 'none') return { head: '', frontMatter: '', middle: '', body: raw };
  return {
    head: raw.slice(0, s.fmStart),
    frontMatter: raw.slice(s.fmStart, s.fmEnd),
    middle: raw.slice(s.fmEnd, s.bodyOffset),
    body: raw.slice(s.bodyOffset),
  };
}

export function composePost(parts: PostParts): string {
  return parts.head + parts.frontMatter + parts.middle + parts.body;
}
