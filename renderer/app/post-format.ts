// The front matter's format as the file is split here. Main reports "none" when its front
// matter does not parse; the delimiters still say what it is, so the raw editor can fix it.
import { splitFrontMatter } from '../../shared/frontmatter/split';
import type { FrontMatterFormat } from '../../shared/ipc/channels/posts';
import type { LoadedPost } from './use-post-session';

const formats = new WeakMap<LoadedPost['file'], FrontMatterFormat>();

export function formatOf(post: LoadedPost): FrontMatterFormat {
  if (post.file.format !== 'none') return post.file.format;
  let f = formats.get(post.file);
  if (f === undefined) {
    f = splitFrontMatter(post.file.raw).format;
    formats.set(post.file, f);
  }
  return f;
}
