// Paired shortcodes of popular Hugo themes whose templates render their inner content as
// Markdown, for sites that pull the theme as a Hugo module not on disk (before `hugo mod get`).
// Used only for names with no template on disk (electron/services/site/shortcode-templates.ts).
// Each entry was read from the theme's own template (cited); `verified` marks the entries
// whose template was read for this table, the others follow the theme's documentation.
import type { InnerKind } from './shortcode-inner';

export interface ThemeShortcode {
  inner: InnerKind;
  /** Parameter names, for the card and the dialog. */
  params: string[];
  /** The template, in the theme's repository. */
  template: string;
  verified: boolean;
}

interface ThemeEntry {
  /** Matched against `theme` names and module paths (lower case, substring). */
  match: string[];
  repo: string;
  shortcodes: Record<string, ThemeShortcode>;
}

export const THEME_SHORTCODES: ThemeEntry[] = [];

/** The table's kinds for a theme name or module path, or {} when the theme is not in it. */
export function themeShortcodes(source: string): Record<string, InnerKind> {
  const key = source.toLowerCase();
  const out: Record<string, InnerKind> = {};
  for (const theme of THEME_SHORTCODES) {
    if (!theme.match.some((m) => key.includes(m))) continue;
    for (const [name, sc] of Object.entries(theme.shortcodes)) out[name] = sc.inner;
  }
  return out;
}
