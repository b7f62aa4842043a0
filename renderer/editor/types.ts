// The contract between the app shell and the post editor (Milkdown + source-preserving save).

export interface EditorCommands {
  toggleBold(): void;
  toggleItalic(): void;
  toggleInlineCode(): void;
  setHeading(level: 1 | 2 | 3 | 4 | 5 | 6): void;
  setParagraph(): void;
  toggleBulletList(): void;
  toggleOrderedList(): void;
  toggleBlockquote(): void;
  insertCodeBlock(): void;
  insertLink(href: string): void;
  /** Inserts a shortcode (figure, youtube or a site shortcode) after the current block and opens its dialog. */
  insertShortcode?(name: string): void;
  undo(): void;
  redo(): void;
}

export interface PostEditorOptions {
  /** Element the editor mounts into. */
  root: HTMLElement;
  /** The post's body: everything after the front matter, exactly as on disk. */
  body: string;
  /** Content-relative path of the post (e.g. "blog/x/index.md"), to resolve bundle images. */
  postPath: string;
  /** Turns a site-relative path (e.g. "content/blog/x/a.png" or "static/img/a.png") into a URL. */
  assetUrl(sitePath: string): string;
  readOnly?: boolean;
  /** Shortcodes the site defines (from layouts/shortcodes/), offered in the insert menu. */
  shortcodeNames?: string[];
  /** Called (debounced by the caller if needed) whenever the document changes. Must be cheap. */
  onChange?(): void;
}

export interface PostEditorHandle {
  /** The body to write to disk: unchanged blocks as their original source, changed ones serialized. */
  getBody(): string;
  /** True when the document differs from the one that was loaded. */
  isDirty(): boolean;
  /** Why the body cannot be saved losslessly, or null when it can. */
  readonly unsafeReason: string | null;
  readonly commands: EditorCommands;
  /** Plain text of the document, for word counts. */
  getText(): string;
  focus(): void;
  destroy(): void;
}
