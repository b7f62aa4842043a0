// Which paired shortcodes hold Markdown, found per site from the templates Hugo would use.
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { makeTempSite, type TempSite } from '../../support/temp-site';
import { readShortcodeInner } from '../../../electron/services/site/shortcode-templates';
import { templateRendersMarkdown } from '../../../shared/markdown/shortcode-inner';
import { THEME_SHORTCODES, themeShortcodes } from '../../../shared/markdown/theme-shortcodes';

let site: TempSite | undefined;
afterEach(() => site?.remove());

describe('templates that render their inner content as Markdown', () => {
  it('recognises the usual ways and nothing else', () => {
    for (const t of [
      '{{ .Inner | markdownify }}',
      '<div>{{- .InnerDeindent | strings.TrimSpace | .Page.RenderString -}}</div>',
      '{{ $.Page.RenderString (dict "display" "block") .Inner }}',
      '{{ markdownify .Inner }}',
      '{{ $content := .Inner }}\n<p>{{ $content | markdownify }}</p>',
    ]) expect(templateRendersMarkdown(t), t).toBe(true);
    for (const t of [
      '<pre class="mermaid">{{ .Inner | safeHTML }}</pre>',
      '{{ .Inner }}',
      '{{/* .Inner | markdownify */}}{{ .Inner | htmlEscape }}',
      '{{ .Get "title" | markdownify }} {{ .Inner }}',
    ]) expect(templateRendersMarkdown(t), t).toBe(false);
  });
});

describe('readShortcodeInner', () => {
  it('reads the site, its theme and postwright.yml, the site winning over the theme', async () => {
    site = makeTempSite();
    site.write('hugo.toml', 'theme = "plain"\n');
    site.write('themes/plain/layouts/shortcodes/callout.html', '{{ .Inner }}');
    site.write('themes/plain/layouts/shortcodes/tip.html', '{{ .Inner | markdownify }}');
    site.write('layouts/shortcodes/callout.html', '<aside>{{ .Inner | markdownify }}</aside>');
    site.write('layouts/shortcodes/callout.en.html', '<aside>{{ .Inner }}</aside>');
    site.write('layouts/shortcodes/mermaid.html', '<pre>{{ .Inner | safeHTML }}</pre>');
    site.write('layouts/shortcodes/docs/note.html', '{{ .Inner | .Page.RenderString }}');
    site.write('_vendor/github.com/x/mod/layouts/shortcodes/box.html', '{{ .Inner | markdownify }}');
    site.write('postwright.yml', 'shortcodes:\n  chart: {inner: markdown}\n');
    const kinds = await readShortcodeInner(site.root);
    expect(kinds).toMatchObject({ callout: 'markdown', tip: 'markdown', mermaid: 'text', 'docs/note': 'markdown', chart: 'markdown' });
    expect(kinds.box).toBeUndefined(); // not imported by the config
  });

  it('gives "source" for a template that cannot be read', async () => {
    site = makeTempSite();
    // A folder where the template file should be: reading it fails, as an unreadable file does
    // (a permission test would pass for root, which reads anything).
    site.write('layouts/shortcodes/locked.html/keep.txt', '');
    expect((await readShortcodeInner(site.root)).locked).toBe('source');
  });

  it('reads the sample site', async () => {
    const kinds = await readShortcodeInner(join(__dirname, '..', '..', '..', 'content'));
    expect(kinds.callout).toBe('markdown');
  });
});

describe('the table of popular themes', () => {
  it('is used for a theme pulled as a module not on disk, and a template on disk wins over it', async () => {
    site = makeTempSite();
    site.write('hugo.toml', '[module]\n[[module.imports]]\npath = "github.com/imfing/hextra"\n');
    site.write('layouts/shortcodes/details.html', '<details>{{ .Inner }}</details>');
    const kinds = await readShortcodeInner(site.root);
    expect(kinds.callout).toBe('markdown');
    expect(kinds.tab).toBe('markdown');
    expect(kinds.details).toBe('text');
  });

  it('says which template each entry comes from', () => {
    for (const theme of THEME_SHORTCODES) {
      for (const sc of Object.values(theme.shortcodes)) expect(sc.template).toMatch(/^layouts\/shortcodes\/[\w-]+\.html$/);
    }
    expect(themeShortcodes('github.com/nunocoracao/blowfish/v2')).toEqual({ alert: 'markdown' });
    expect(themeShortcodes('my-own-theme')).toEqual({});
  });
});
