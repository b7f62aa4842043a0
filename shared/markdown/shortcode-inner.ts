// What Hugo does with the content between a paired shortcode's tags: renders it as Markdown
// (then the editor shows it as rich text inside the card) or uses it as it is (then the card
// shows it as plain editable text, exactly as written). `{{% %}}` pairs are always Markdown
// (Hugo renders the shortcode's output as Markdown); `{{< >}}` pairs are Markdown only when the
// template renders `.Inner` as Markdown, which the main process finds out per site
// (electron/services/site/shortcode-templates.ts) and hands to the editor as this map.
// 'source': the template could not be read; the pair stays a read-only card, as written.
export type InnerKind = 'markdown' | 'text' | 'source';

/** Shortcode name -> what its inner content is, for `{{< >}}` pairs. */
export type ShortcodeInnerMap = Readonly<Record<string, InnerKind>>;

/** Hugo's own shortcodes that take inner content (hugo/tpl/tplimpl/embedded/templates/shortcodes). */
export const HUGO_BUILTIN_INNER: ShortcodeInnerMap = {
  // details.html: `{{- .Inner | .Page.RenderString (dict "display" "block") -}}`
  details: 'markdown',
  // highlight: the inner is code, given to transform.Highlight as is.
  highlight: 'text',
  // qr.html: `$text := or (.Get "text") (strings.TrimSpace .Inner)`, encoded into the image.
  qr: 'text',
};

export function innerKind(name: string, delim: '<' | '%', map: ShortcodeInnerMap | undefined): InnerKind {
  if (delim === '%') return 'markdown';
  const own = map && Object.prototype.hasOwnProperty.call(map, name) ? map[name] : undefined;
  if (own) return own;
  return Object.prototype.hasOwnProperty.call(HUGO_BUILTIN_INNER, name) ? HUGO_BUILTIN_INNER[name] : 'text';
}

/**
 * Whether a template renders `.Inner` as Markdown. Conservative: `.Inner` (or `.InnerDeindent`)
 * must reach markdownify or RenderString in the same pipeline or call, or be passed through a
 * variable that does.
 */
export function templateRendersMarkdown(template: string): boolean {
  const t = template.replace(/\{\{-?\s*\/\*[\s\S]*?\*\/\s*-?\}\}/g, ''); // template comments
  const md = /(markdownify|RenderString)/;
  // Pipelines: `.Inner | markdownify`, `.InnerDeindent | strings.TrimSpace | .Page.RenderString`.
  if (/\.Inner(?:Deindent)?\b[^}\n]*\|[^}\n]*(markdownify|RenderString)/.test(t)) return true;
  // Calls: `markdownify .Inner`, `.Page.RenderString .Inner`, `$.Page.RenderString (dict …) .Inner`.
  if (/(markdownify|RenderString)\b[^}\n]*\.Inner(?:Deindent)?\b/.test(t)) return true;
  // Through a variable: `$inner := .Inner …` then `$inner | markdownify` or `markdownify $inner`.
  for (const m of t.matchAll(/(\$[A-Za-z_]\w*)\s*:?=\s*[^}\n]*\.Inner(?:Deindent)?\b/g)) {
    const v = m[1].replace('$', '\\$');
    if (new RegExp(`${v}\\b[^}\\n]*\\|[^}\\n]*${md.source}`).test(t)) return true;
    if (new RegExp(`${md.source}\\b[^}\\n]*${v}\\b`).test(t)) return true;
  }
  return false;
}
