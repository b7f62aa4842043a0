// Does Hugo render a paired shortcode's inner content as Markdown? Used by the richTextShare
// figure to decide which characters are prose, from the same per-site map the app hands its
// editor (electron/services/site/shortcode-templates.ts: postwright.yml, the site's and its
// themes' templates, vendored modules, the table of popular themes, Hugo's built-ins), so the
// figure measures what a writer sees. `{{% name %}}…{{% /name %}}` always is Markdown. For
// `{{< name >}}` with no entry in the map: Hugo's built-ins as Hugo ships them, names that by
// convention hold code, diagrams, formulas or config (their inner text is input for a renderer),
// and Hugo's inline shortcodes (`name.inline`, a template) are not Markdown; any other name
// counts as Markdown, so an unknown shortcode lowers the figure rather than hiding prose.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { HUGO_BUILTIN_INNER, type ShortcodeInnerMap } from '../../../shared/markdown/shortcode-inner';
import { anyThemeShortcodes } from '../../../shared/markdown/theme-shortcodes';
import { readShortcodeInner } from '../../services/site/shortcode-templates';

export type InnerIsMarkdown = (name: string, delim: '<' | '%') => boolean;

const NOT_MARKDOWN = new Set([
  // Conventional names for code, diagrams, formulas, config samples and raw output across sites.
  'mermaid', 'katex', 'math', 'chart', 'echarts', 'plantuml', 'raw', 'rawhtml', 'html', 'script', 'style', 'code',
  'code-toggle',
]);
const SITE_CONFIG = ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml', 'config.json'];

/** The Hugo site folder holding `file` (the nearest parent with a site config), or null. */
export function siteRootOf(file: string): string | null {
  let dir = dirname(file);
  for (;;) {
    if (SITE_CONFIG.some((c) => existsSync(join(dir, c))) || existsSync(join(dir, 'config', '_default'))) return dir;
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

/**
 * What the app's editor would be told about a site's paired shortcodes. With no site on disk
 * (content files alone), the table of popular themes stands in for the unknown theme.
 */
export async function shortcodeMapFor(site: string | null): Promise<ShortcodeInnerMap> {
  return site ? readShortcodeInner(site) : anyThemeShortcodes();
}

/** The prose rule for posts whose editor was given `map`. */
export function innerIsMarkdownFor(map: ShortcodeInnerMap = {}): InnerIsMarkdown {
  const own = (name: string) => (Object.prototype.hasOwnProperty.call(map, name) ? map[name] : undefined);
  return (name, delim) => {
    if (delim === '%') return true;
    const kind = own(name) ?? (Object.prototype.hasOwnProperty.call(HUGO_BUILTIN_INNER, name) ? HUGO_BUILTIN_INNER[name] : undefined);
    // 'source' (a template that cannot be read) stays prose: the writer cannot edit it.
    if (kind) return kind !== 'text';
    if (name.endsWith('.inline') || NOT_MARKDOWN.has(name)) return false;
    return true;
  };
}
