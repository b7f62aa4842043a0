import type { ReferenceKind } from './types';

/** A reference as a scanner found it, before it is placed (line, comment) and resolved. */
export interface RawRef {
  kind: ReferenceKind;
  src: string;
  srcStart: number;
  srcEnd: number;
  /** Offset of the construct that uses the image (gives its line). */
  at: number;
  alt: string | null;
}

/** Alt text as written, or null when there is none. */
export function altOrNull(alt: string | undefined | null): string | null {
  if (alt == null) return null;
  const t = alt.replace(/\s+/g, ' ').trim();
  return t ? t : null;
}
