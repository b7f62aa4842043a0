// The text of a post's head that the list needs: its front matter, and whether the head holds a
// 0 byte (binary data). A first listing of 100,000 posts decoded every head whole (some 150 MB
// of strings, most of it body text the list never looks at), and the garbage collector's work
// on those strings was a quarter of the listing. Here only a prefix is decoded when the front
// matter ends inside it, which gives the list exactly what the whole head would: UTF-8 decodes
// a prefix to a prefix of the text, and everything the list reads lies before the line ending
// that closes the front matter.
import { splitFrontMatter } from '../../../shared/frontmatter/split';

/** Bytes decoded first: the front matter of most posts is well under 1 KB. */
const PREFIX_BYTES = 1024;

/** The head as text (a prefix of it when that holds all the list reads), and whether it holds a 0 byte. */
export function headText(buf: Buffer): { text: string; binary: boolean } {
  const binary = buf.indexOf(0) !== -1;
  if (buf.length > PREFIX_BYTES) {
    const text = withoutBom(buf.toString('utf8', 0, PREFIX_BYTES));
    if (endsInside(text)) return { text, binary };
  }
  return { text: withoutBom(buf.toString('utf8')), binary };
}

/**
 * Whether the front matter of the whole text is that of `prefix`: it was found closed, or found
 * absent, by a line that ends (with its newline) inside the prefix. A cut inside the closing or
 * the first line could read "--" where the file has "---", or "---" where it has "----".
 */
function endsInside(prefix: string): boolean {
  const split = splitFrontMatter(prefix);
  if (split.error) return false;
  // Where the last line the split looked at ends: the closing line (front matter) or the
  // first line that is not blank (none).
  const end = split.format === 'none' ? firstLineEnd(prefix) : split.bodyOffset;
  return end > 0 && end < prefix.length && prefix.charCodeAt(end - 1) === 10;
}

/** The offset just past the first line that is not blank (0: none ends inside the text). */
function firstLineEnd(text: string): number {
  let from = 0;
  for (;;) {
    const nl = text.indexOf('\n', from);
    if (nl === -1) return 0;
    if (text.slice(from, nl).trim() !== '') return nl + 1;
    from = nl + 1;
  }
}

function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
