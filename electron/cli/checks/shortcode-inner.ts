// Does Hugo render a paired shortcode's inner content as Markdown? Used by the richTextShare
// figure to decide which characters are prose. `{{% name %}}…{{% /name %}}` always is (Hugo
// renders the shortcode's output as Markdown). For `{{< name >}}`, the template decides: it is
// read from the site's layouts/shortcodes/ or a theme's, when the post sits in a site on disk,
// and counts as Markdown when it passes the inner content through `markdownify` or
// `RenderString`. Without a template: Hugo's built-ins as Hugo ships them, names that by
// convention hold code, diagrams or formulas (their inner text is source for a renderer), and
// Hugo's inline shortcodes (`name.inline`, a template) are not Markdown; any other name counts as
// Markdown, so an unknown shortcode lowers the figure rather than hiding prose.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export type InnerIsMarkdown = (name: string, delim: '<' | '%') => boolean;

const NOT_MARKDOWN = new Set([
  // Hugo built-in whose inner content is code.
  'highlight',
  // Conventional names for code, diagrams, formulas and raw output across Hugo themes.
  'mermaid', 'katex', 'math', 'chart', 'echarts', 'plantuml', 'raw', 'rawhtml', 'html', 'script', 'style', 'code',
]);
const RENDERS_MARKDOWN = /markdownify|RenderString/;
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

/** The resolver for posts of one site (null: no site on disk, names decide). */
export function innerIsMarkdownFor(site: string | null): InnerIsMarkdown {
  const cache = new Map<string, boolean | null>();
  const fromTemplate = (name: string): boolean | null => {
    if (!site) return null;
    if (!cache.has(name)) cache.set(name, readTemplate(site, name));
    return cache.get(name)!;
  };
  return (name, delim) => {
    if (delim === '%') return true;
    const found = fromTemplate(name);
    if (found !== null) return found;
    if (name.endsWith('.inline') || NOT_MARKDOWN.has(name)) return false;
    // Hugo's built-in `details` renders Markdown, and so does any name not known otherwise.
    return true;
  };
}

function readTemplate(site: string, name: string): boolean | null {
  const dirs = [join(site, 'layouts', 'shortcodes'), join(site, 'layouts', '_shortcodes')];
  const themes = join(site, 'themes');
  if (existsSync(themes)) {
    for (const t of readdirSync(themes)) dirs.push(join(themes, t, 'layouts', 'shortcodes'), join(themes, t, 'layouts', '_shortcodes'));
  }
  for (const dir of dirs) {
    for (const ext of ['.html', '.md']) {
      const path = join(dir, name + ext);
      if (!existsSync(path)) continue;
      try {
        return RENDERS_MARKDOWN.test(readFileSync(path, 'utf8'));
      } catch {
        return null;
      }
    }
  }
  return null;
}
