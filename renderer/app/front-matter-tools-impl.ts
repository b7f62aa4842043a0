// The front-matter code the shell needs once a post is open: the form, and reading the text to
// know whether it parses. It holds the YAML and TOML libraries, so it is its own chunk, loaded
// while the post list is on screen (see front-matter-tools.ts).
import { parseFrontMatter } from '../../shared/frontmatter/parse';
import type { FrontMatterFormat } from '../../shared/ipc/channels/posts';

export { FrontMatterForm } from '../frontmatter/FrontMatterForm';

export interface FrontMatterProblemAt {
  message: string;
  line: number;
  column: number;
}

/** Why the front matter cannot be read (with where), or null when it can. */
export function frontMatterProblem(format: FrontMatterFormat, frontMatter: string, splitError: string | null): FrontMatterProblemAt | null {
  if (format === 'none') return splitError ? { message: splitError, line: 1, column: 1 } : null;
  return parseFrontMatter(format, frontMatter).error;
}

/** The `draft` field's value, or undefined when absent or unreadable. */
export function draftOf(format: FrontMatterFormat, frontMatter: string): unknown {
  return format === 'none' ? undefined : parseFrontMatter(format, frontMatter).fields.draft;
}
