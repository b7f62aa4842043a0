// Finds raw HTML `<img src=...>` tags (any attribute order and quoting).
import { altOrNull, type RawRef } from './raw-ref';

const IMG_RE = /<img\b([^>]*)>/gi;
const ATTR_RE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

export function scanHtmlImages(text: string, from: number): RawRef[] {
  const refs: RawRef[] = [];
  IMG_RE.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = IMG_RE.exec(text))) {
    const attrsStart = m.index + 4;
    let src: { value: string; start: number } | null = null;
    let alt: string | null | undefined;
    ATTR_RE.lastIndex = 0;
    let a: RegExpExecArray | null;
    while ((a = ATTR_RE.exec(m[1]))) {
      const name = a[1].toLowerCase();
      const value = a[2] ?? a[3] ?? a[4];
      if (name === 'src' && value != null && !src) {
        const quoted = a[4] == null ? 1 : 0;
        src = { value, start: attrsStart + a.index + a[0].length - value.length - quoted };
      } else if (name === 'alt' && alt === undefined) {
        // alt="" is a deliberate "decorative" mark: present, but empty.
        alt = value == null ? '' : value;
      }
    }
    if (!src) continue;
    refs.push({
      kind: 'html',
      src: src.value,
      srcStart: src.start,
      srcEnd: src.start + src.value.length,
      at: m.index,
      alt: alt === undefined ? null : alt === '' ? '' : altOrNull(alt),
    });
  }
  return refs;
}
