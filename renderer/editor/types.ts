// The contract between the app shell and the post editor (Milkdown + source-preserving save).
import type { ShortcodeInnerMap } from '../../shared/markdown/shortcode-inner';
import type { TemplateParam } from '../../shared/shortcodes/template-params';

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
  /** Links the selection; with `text`, the selection is replaced by that text, linked. */
  insertLink(href: string, text?: string): void;
  /** When the selection is in a link: selects the whole link and returns its address (to edit it); else null. */
  selectLink?(): string | null;
  /** When the selection is in a reference-style link (`[text][ref]`): its reference and how many links share its address line. */
  linkReference?(): { label: string; uses: number } | null;
  /** Gives the reference-style link at the selection these words and address (on its `[ref]: …` line); returns why not, in plain words, or null. */
  setLinkReference?(href: string, text: string): string | null;
  /** The selected text ('' for a caret), to start the link dialog with. */
  selectedText?(): string;
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
  /**
   * What the site's `{{< >}}` pairs hold (shared/markdown/shortcode-inner.ts, from the main
   * process's getShortcodeInner): Markdown ones are edited as rich text inside their card.
   */
  shortcodeInner?: ShortcodeInnerMap;
  /** Shortcodes the site defines (from layouts/shortcodes/), offered in the insert menu. */
  shortcodeNames?: string[];
  /** Every shortcode the site can use (its own, its theme's, Hugo's), asked when the insert menu opens. */
  listShortcodes?(): Promise<{ name: string; source: 'site' | 'theme' | 'hugo'; params?: TemplateParam[]; help?: string; paired?: boolean }[]>;
  /** The post's images as a shortcode parameter writes them, offered in image fields of the shortcode dialog. */
  listPostImages?(): Promise<string[]>;
  /** Called (debounced by the caller if needed) whenever the document changes. Must be cheap. */
  onChange?(): void;
  /** Files dropped on the body; `pos` is the document position under the pointer (renderer/editor/file-drop.ts). */
  onFilesDropped?(files: File[], pos: number): void;
  /** Files pasted into the body (a screenshot, a copied photo). */
  onFilesPasted?(files: File[]): void;
  /** Whether an image src, as written in the post, is missing: its card is flagged (renderer/editor/missing-images.ts). */
  isMissing?(src: string): boolean;
  /**
   * Whether to hold an image back (not load it yet): missing, or not known yet. The editor shows
   * the post at once and loads its images once the app knows which exist (refreshMissing).
   * Defaults to isMissing.
   */
  holdBack?(src: string): boolean;
}

export interface PostEditorHandle {
  /** The body to write to disk: unchanged blocks as their original source, changed ones serialized. */
  getBody(): string;
  /** True when the document differs from the one that was loaded. */
  isDirty(): boolean;
  /** Why the body cannot be saved losslessly, or null when it can. */
  readonly unsafeReason: string | null;
  /**
   * Settles once the whole post is in the editor, when a long post opened with its start and
   * reads the rest in the background (engine/progressive-open.ts); undefined
   * when the whole post was there from the start.
   */
  readonly whenLoaded?: Promise<void>;
  readonly commands: EditorCommands;
  /** Plain text of the document, for word counts. */
  getText(): string;
  focus(): void;
  destroy(): void;
  /** Outline, find and replace, selection (renderer/editor/integration-commands.ts). */
  readonly integration?: EditorIntegration;
  /**
   * Inserts Markdown (an image, a figure shortcode) as editor nodes between blocks near `at`
   * (a document position, or the cursor); returns the position after it, null if nothing was
   * inserted (renderer/editor/insert-markdown.ts).
   */
  insertMarkdownAt?(at: number | 'cursor', markdown: string): number | null;
  /** The document position at window coordinates, or null outside the text. */
  posAtCoords?(x: number, y: number): number | null;
  /** Asks `isMissing` again for every image (after the files on disk changed). */
  refreshMissing?(): void;
}

export interface FindQuery {
  /** Literal text (never a pattern). */
  query: string;
  matchCase: boolean;
  wholeWord: boolean;
}

export interface FindStatus {
  count: number;
  /** 1-based index of the selected match, 0 when none. */
  current: number;
}

/** What the app shell's panels ask of the editor. Every edit is one undoable step. */
export interface EditorIntegration {
  /** Moves the cursor to the `index`-th heading of the outline (named `text`) and scrolls to it. */
  goToHeading(index: number, text: string): boolean;
  /** Highlights the matches and selects the first one at or after the cursor. */
  find(query: FindQuery): FindStatus;
  findNext(): FindStatus;
  findPrevious(): FindStatus;
  /** Replaces the selected match and selects the next one. */
  replaceCurrent(replacement: string): FindStatus;
  /** Replaces every match; returns how many. */
  replaceAll(replacement: string): number;
  clearFind(): void;
  /** Replaces every occurrence of a literal text (case-sensitive); returns how many. */
  replaceLiteral(original: string, replacement: string): number;
  /** The selected text ('' when the selection is empty). */
  getSelectionText(): string;
}
