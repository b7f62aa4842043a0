// Which paired shortcodes hold Markdown, found per site from the templates Hugo would use.
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { makeTempSite, type TempSite } from '../../support/temp-site';
import { readShortcodeInner } from '../../../electron/services/site/shortcode-templates';
import { templateRendersMarkdown } from '../../../shared/markdown/shortcode-inner';
import { THEME_SHORTCODES, anyThemeShortcodes, themeShortcodes, themesFor } from '../../../shared/markdown/theme-shortcodes';
import { escapeModulePath, hugoCacheDir } from '../../../electron/services/site/module-dirs';

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

  it("postwright.yml's `shortcodes: {callout: {inner: markdown}}` decides over the templates", async () => {
    site = makeTempSite();
    site.write('layouts/shortcodes/callout.html', '<aside>{{ .Inner }}</aside>');
    site.write('layouts/shortcodes/chart.html', '<div>{{ .Inner | markdownify }}</div>');
    site.write('postwright.yml', 'shortcodes: {callout: {inner: markdown}, chart: {inner: text}, odd: {inner: html}}\n');
    const kinds = await readShortcodeInner(site.root, {});
    expect(kinds).toMatchObject({ callout: 'markdown', chart: 'text' });
    expect(kinds.odd).toBeUndefined(); // only 'markdown' or 'text' are understood
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
      for (const sc of Object.values(theme.shortcodes)) expect(sc.template).toMatch(/^layouts\/_?shortcodes\/[\w-]+\.html$/);
    }
    expect(themeShortcodes('github.com/nunocoracao/blowfish/v2')).toEqual({ alert: 'markdown' });
    expect(themeShortcodes('my-own-theme')).toEqual({});
  });
});

describe('the table covers the most used themes', () => {
  // The names as sites write them: a `theme` folder name or a module import path.
  it.each([
    ['github.com/adityatelange/hugo-PaperMod', 'adityatelange/hugo-PaperMod', { collapse: 'markdown', rawhtml: 'text' }],
    ['hugo-theme-relearn', 'McShelby/hugo-theme-relearn', { notice: 'text', expand: 'text', tab: 'text' }],
    ['github.com/theNewDynamic/gohugo-theme-ananke/v2', 'theNewDynamic/gohugo-theme-ananke', {}],
    ['github.com/CaiJimmy/hugo-theme-stack/v3', 'CaiJimmy/hugo-theme-stack', { quote: 'markdown' }],
    ['FixIt', 'hugo-fixit/FixIt', { admonition: 'markdown', details: 'markdown', tab: 'text', mermaid: 'text' }],
    ['LoveIt', 'dillonzq/LoveIt', { admonition: 'markdown' }],
    ['github.com/google/docsy', 'google/docsy', { alert: 'text' }],
  ])('%s', (source, repo, kinds) => {
    expect(themesFor(source).map((t) => t.repo)).toEqual([repo]);
    expect(themeShortcodes(source)).toMatchObject(kinds);
  });

  it('lists shortcodes with no inner content for their parameters only, never as pairs', () => {
    expect(themeShortcodes('ananke')).toEqual({});
    expect(themesFor('ananke')[0].shortcodes['form-contact']).toMatchObject({ inner: 'none', params: ['action'] });
    expect(themeShortcodes('papermod').figure).toBeUndefined();
    expect(anyThemeShortcodes().figure).toBeUndefined();
  });

  it('every entry was read from its template', () => {
    for (const theme of THEME_SHORTCODES) for (const [name, sc] of Object.entries(theme.shortcodes)) expect(sc.verified, `${theme.repo} ${name}`).toBe(true);
  });

  it('with no site on disk, a name one theme renders as Markdown is Markdown', () => {
    const any = anyThemeShortcodes();
    // Hextra's callout and tab render Markdown; Relearn's and FixIt's take `{{% %}}` for that.
    expect(any).toMatchObject({ callout: 'markdown', tab: 'markdown', details: 'markdown', quote: 'markdown', mermaid: 'text' });
  });

  it.each([
    ['relearn', 'hugo-theme-relearn', 'notice', '<div>{{ .Inner | markdownify }}</div>', 'markdown'],
    ['stack', 'github.com/CaiJimmy/hugo-theme-stack/v3', 'quote', '<blockquote>{{ .Inner }}</blockquote>', 'text'],
  ])('a template on disk wins over the table (%s)', async (_label, theme, name, template, kind) => {
    site = makeTempSite();
    site.write('hugo.toml', `theme = "${theme}"\n`);
    site.write(`layouts/shortcodes/${name}.html`, template);
    expect((await readShortcodeInner(site.root, {}))[name]).toBe(kind);
  });
});

describe('Hugo modules present on disk', () => {
  const importing = (path: string) => `[module]\n[[module.imports]]\npath = "${path}"\n`;

  it('reads a module from Hugo\'s module cache ($HUGO_CACHEDIR), its path escaped as Go does', async () => {
    site = makeTempSite();
    site.write('hugo.toml', importing('github.com/Acme/Docs-Theme'));
    const mod = `cache/modules/filecache/modules/pkg/mod/github.com/!acme/!docs-!theme@v1.2.0`;
    site.write(`${mod}/layouts/shortcodes/box.html`, '{{ .Inner | markdownify }}');
    site.write(`${mod}/layouts/_shortcodes/panel.html`, '{{ .Inner | .Page.RenderString }}');
    site.write(`${mod}/layouts/shortcodes/diagram.html`, '<pre>{{ .Inner }}</pre>');
    const kinds = await readShortcodeInner(site.root, { HUGO_CACHEDIR: join(site.root, 'cache') });
    expect(kinds).toMatchObject({ box: 'markdown', panel: 'markdown', diagram: 'text' });
  });

  it('takes the version go.mod requires, and the config\'s cacheDir', async () => {
    site = makeTempSite();
    site.write('hugo.toml', `cacheDir = "hc"\n${importing('example.com/theme')}`);
    site.write('go.mod', 'module example.com/site\n\nrequire (\n\texample.com/theme v0.2.0 // indirect\n)\n');
    site.write('hc/modules/filecache/modules/pkg/mod/example.com/theme@v0.1.0/layouts/shortcodes/box.html', '{{ .Inner }}');
    site.write('hc/modules/filecache/modules/pkg/mod/example.com/theme@v0.2.0/layouts/shortcodes/box.html', '{{ .Inner | markdownify }}');
    expect((await readShortcodeInner(site.root, {})).box).toBe('markdown');
  });

  it('reads a theme given as a module path, and _vendor/ wins over the cache', async () => {
    site = makeTempSite();
    site.write('hugo.toml', 'theme = "github.com/x/theme"\n');
    site.write('_vendor/github.com/x/theme/layouts/shortcodes/box.html', '{{ .Inner | markdownify }}');
    site.write('cache/modules/filecache/modules/pkg/mod/github.com/x/theme@v1.0.0/layouts/shortcodes/box.html', '{{ .Inner }}');
    expect((await readShortcodeInner(site.root, { HUGO_CACHEDIR: join(site.root, 'cache') })).box).toBe('markdown');
  });

  it('the module on disk wins over the table of popular themes', async () => {
    site = makeTempSite();
    site.write('hugo.toml', importing('github.com/imfing/hextra'));
    site.write('cache/modules/filecache/modules/pkg/mod/github.com/imfing/hextra@v0.9.0/layouts/shortcodes/callout.html', '<aside>{{ .Inner }}</aside>');
    const kinds = await readShortcodeInner(site.root, { HUGO_CACHEDIR: join(site.root, 'cache') });
    expect(kinds.callout).toBe('text');
    expect(kinds.tab).toBe('markdown'); // still from the table
  });

  it('a module path that climbs out of the site names no module', async () => {
    site = makeTempSite();
    site.write('hugo.toml', importing('../outside'));
    site.write('outside/layouts/shortcodes/box.html', '{{ .Inner | markdownify }}');
    site.write('_vendor/x/keep.txt', '');
    expect((await readShortcodeInner(site.root, { HUGO_CACHEDIR: join(site.root, 'none') })).box).toBeUndefined();
  });

  it('finds Hugo\'s default cache folder per system', () => {
    expect(hugoCacheDir('/s', null, { HUGO_CACHEDIR: '/c' }, 'linux')).toBe('/c');
    expect(hugoCacheDir('/s', 'rel', {}, 'linux')).toBe(join('/s', 'rel'));
    expect(hugoCacheDir('/s', null, { HOME: '/h' }, 'linux')).toBe(join('/h', '.cache', 'hugo_cache'));
    expect(hugoCacheDir('/s', null, { HOME: '/h', XDG_CACHE_HOME: '/x' }, 'linux')).toBe(join('/x', 'hugo_cache'));
    expect(hugoCacheDir('/s', null, { HOME: '/h' }, 'darwin')).toBe(join('/h', 'Library', 'Caches', 'hugo_cache'));
    expect(escapeModulePath('github.com/McShelby/hugo-theme-relearn')).toBe('github.com/!mc!shelby/hugo-theme-relearn');
  });
});
