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

const md = (params: string[], template: string, verified = true): ThemeShortcode => ({ inner: 'markdown', params, template, verified });

export const THEME_SHORTCODES: ThemeEntry[] = [
  {
    match: ['hextra'],
    repo: 'imfing/hextra',
    shortcodes: {
      callout: md(['type', 'emoji', 'icon'], 'layouts/shortcodes/callout.html'), // $content := .InnerDeindent | markdownify
      tab: md(['name'], 'layouts/shortcodes/tab.html'), // .InnerDeindent | markdownify
      details: md(['title', 'closed'], 'layouts/shortcodes/details.html'), // .InnerDeindent | markdownify
    },
  },
  {
    match: ['hugo-book'],
    repo: 'alex-shpak/hugo-book',
    shortcodes: {
      hint: md([], 'layouts/shortcodes/hint.html'), // .Inner | .Page.RenderString (first positional: the kind)
      details: md(['title', 'open'], 'layouts/shortcodes/details.html'), // .Inner | .Page.RenderString
    },
  },
  {
    match: ['blowfish'],
    repo: 'nunocoracao/blowfish',
    shortcodes: {
      alert: md(['icon', 'cardColor', 'iconColor', 'textColor'], 'layouts/shortcodes/alert.html'), // .Inner | markdownify
    },
  },
  {
    match: ['congo'],
    repo: 'jpanther/congo',
    shortcodes: {
      alert: md([], 'layouts/shortcodes/alert.html'), // .Inner | markdownify (first positional: the icon)
    },
  },
  {
    match: ['geekdoc'],
    repo: 'thegeeklab/hugo-geekdoc',
    shortcodes: {
      hint: md([], 'layouts/shortcodes/hint.html'), // .Inner | $.Page.RenderString (first positional: the kind)
    },
  },
  {
    match: ['loveit'],
    repo: 'dillonzq/LoveIt',
    shortcodes: {
      admonition: md(['type', 'title', 'details'], 'layouts/shortcodes/admonition.html'), // $inner := .Inner | .Page.RenderString
    },
  },
  {
    // FixIt is a fork of LoveIt and keeps its admonition shortcode; not read for this table.
    match: ['fixit'],
    repo: 'hugo-fixit/FixIt',
    shortcodes: {
      admonition: md(['type', 'title', 'open'], 'layouts/shortcodes/admonition.html', false),
    },
  },
  {
    match: ['docsy'],
    repo: 'google/docsy',
    shortcodes: {
      // `{{ .Inner }}` as it is: Markdown only when written {{% alert %}} (always Markdown here).
      alert: { inner: 'text', params: ['title', 'color'], template: 'layouts/shortcodes/alert.html', verified: true },
    },
  },
  // Not in the table yet (their templates not read for it): PaperMod, Relearn, Ananke, Stack.
];

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

/**
 * For posts that sit in no site on disk (a folder of content files given to the CLI): what the
 * table says for every theme in it, keeping only the names on which all its themes agree.
 */
export function anyThemeShortcodes(): Record<string, InnerKind> {
  const out: Record<string, InnerKind> = {};
  const conflicting = new Set<string>();
  for (const theme of THEME_SHORTCODES) {
    for (const [name, sc] of Object.entries(theme.shortcodes)) {
      if (Object.prototype.hasOwnProperty.call(out, name) && out[name] !== sc.inner) conflicting.add(name);
      out[name] = sc.inner;
    }
  }
  for (const name of conflicting) delete out[name];
  return out;
}
