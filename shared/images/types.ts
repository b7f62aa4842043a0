// Shapes of the image references found in a post. Kept free of zod so the pure finder can be
// used anywhere (post list, editor, main); the IPC schemas in shared/ipc/channels/gallery.ts
// mirror them.

/** Where a reference was written. */
export type ReferenceKind = 'front-matter' | 'markdown' | 'markdown-ref' | 'figure' | 'html';

/**
 * What a src points at: a file of the site (`local`), a web address shown but never loaded
 * (`external`), an embedded data: URL (`data`), or something that leaves the site or uses a
 * scheme we never follow (`outside`, e.g. `../../etc/passwd`, `file:///…`).
 */
export type TargetStatus = 'local' | 'external' | 'data' | 'outside';

export interface ImageReference {
  kind: ReferenceKind;
  /** The src exactly as written in the post (before decoding). */
  src: string;
  /** Offsets of `src` in the post text, or -1 when it could not be located (escaped YAML). */
  srcStart: number;
  srcEnd: number;
  /** 1-based line of the reference (for reference-style images: the line of the usage). */
  line: number;
  /** Alt text; null when the reference has none. Front-matter images have no alt by nature. */
  alt: string | null;
  /** Inside an HTML comment: not published, so never counted as broken. */
  inComment: boolean;
  status: TargetStatus;
  /**
   * Site-relative POSIX paths the src may name, most likely first (e.g. a front-matter image
   * is a page resource first, then a file under static/). Empty unless status is `local`.
   */
  candidates: string[];
}

/** Folders of a site, relative to its root, POSIX. */
export interface SiteLayout {
  contentDir: string;
  staticDir: string;
}
