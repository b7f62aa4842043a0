// Shapes of the pre-publish checklist. The rules are pure: whatever needs the disk (does an
// image exist? does a linked post exist?) is answered beforehand by the caller (main process,
// CLI, gallery) and passed in.

export type Severity = 'error' | 'warning';

export type RuleId =
  | 'front-matter'
  | 'title'
  | 'description'
  | 'date'
  | 'tags'
  | 'image-missing'
  | 'image-alt'
  | 'mojibake'
  | 'link-broken'
  | 'empty-heading'
  | 'template-text';

export interface CheckProblem {
  rule: RuleId;
  severity: Severity;
  /** Plain words for a writer. */
  message: string;
  /** 1-based line in the post file, when the problem sits on one line. */
  line?: number;
}

/** An image the post shows, with whether its file exists (null: a web address, not checked). */
export interface ImageInput {
  src: string;
  alt: string | null;
  line: number;
  exists: boolean | null;
  /** `figure`, `markdown`, `html`, `front-matter`: front-matter images have no alt by nature. */
  kind?: string;
}

/** An internal link the post makes, with whether its target exists. */
export interface LinkInput {
  kind: 'ref' | 'relref' | 'relative';
  target: string;
  line: number;
  exists: boolean;
}

export interface CheckInput {
  /** The whole post file. */
  raw: string;
  /** Parsed front-matter fields. */
  fields: Record<string, unknown>;
  /** Why the front matter could not be read, if it could not. */
  frontMatterError?: string | null;
  /** Section pages (`_index.md`) list posts; they need no date, tags or description. */
  kind?: 'leaf-bundle' | 'branch-bundle' | 'single';
  images: ImageInput[];
  links: LinkInput[];
  /** The placeholder sentences of the post's archetype (template-text.ts), if known. */
  templateSentences?: readonly string[];
}

export interface CheckLimits {
  titleMax: number;
  descriptionMin: number;
  descriptionMax: number;
}

/** Search engines cut titles after about 60–70 characters and descriptions after about 160. */
export const DEFAULT_LIMITS: CheckLimits = { titleMax: 70, descriptionMin: 50, descriptionMax: 160 };
