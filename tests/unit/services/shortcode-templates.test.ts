// Which paired shortcodes hold Markdown, found per site from the templates Hugo would use.
import { afterEach, describe, expect, it } from 'vitest';
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempSite, type TempSite } from '../../support/temp-site';
import { readShortcodeInner } from '../../../electron/services/site/shortcode-templates';
import { templateRendersMarkdown } from '../../../shared/markdown/shortcode-inner';

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

  // Root reads any file, so this cannot be shown when the tests run as root.
  it.skipIf(process.getuid?.() === 0)('gives "source" for a template that cannot be read', async () => {
    site = makeTempSite();
    site.write('layouts/shortcodes/locked.html', '{{ .Inner | markdownify }}');
    chmodSync(join(site.root, 'layouts/shortcodes/locked.html'), 0o000);
    expect((await readShortcodeInner(site.root)).locked).toBe('source');
  });

  it('reads the sample site', async () => {
    const kinds = await readShortcodeInner(join(__dirname, '..', '..', '..', 'content'));
    expect(kinds.callout).toBe('markdown');
  });
});
