import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listShortcodes } from '../../../electron/services/shortcodes/list-shortcodes';

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

function file(path: string, text = '') {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
}

describe('listShortcodes', () => {
  it("lists the site's, then the theme's, then Hugo's shortcodes, each name once", async () => {
    root = mkdtempSync(join(tmpdir(), 'pw-sc-'));
    file('hugo.yaml', 'title: x\ntheme: [harbor, "../escape"]\n');
    file('layouts/shortcodes/note.html');
    file('layouts/shortcodes/callout.en.html');
    file('layouts/shortcodes/figure.html');
    file('layouts/shortcodes/parts/card.html');
    file('layouts/shortcodes/.hidden.html');
    file('themes/harbor/layouts/shortcodes/banner.html');
    file('themes/harbor/layouts/shortcodes/note.html');
    file('escape/layouts/shortcodes/evil.html');
    const list = await listShortcodes(root);
    expect(list.filter((s) => s.source !== 'hugo').map(({ name, source }) => ({ name, source }))).toEqual([
      { name: 'callout', source: 'site' },
      { name: 'figure', source: 'site' },
      { name: 'note', source: 'site' },
      { name: 'parts/card', source: 'site' },
      { name: 'banner', source: 'theme' },
    ]);
    expect(list.filter((s) => s.source === 'hugo').map((s) => s.name)).toEqual(['details', 'gist', 'highlight', 'instagram', 'qr', 'ref', 'relref', 'vimeo', 'x', 'youtube']);
  });
  it('marks the shortcodes whose template uses .Inner as paired: they are inserted with their closing tag', async () => {
    root = mkdtempSync(join(tmpdir(), 'pw-sc-'));
    file('layouts/shortcodes/note.html', '<aside>{{ .Inner | markdownify }}</aside>');
    file('layouts/shortcodes/tip.html', '{{ .InnerDeindent }}');
    file('layouts/shortcodes/video.html', '{{/* no .Inner here */}}<video src="{{ .Get "src" }}"></video>');
    const list = await listShortcodes(root);
    const paired = (name: string) => list.find((s) => s.name === name)?.paired ?? false;
    expect([paired('note'), paired('tip'), paired('video')]).toEqual([true, true, false]);
    expect([paired('details'), paired('highlight'), paired('youtube')]).toEqual([true, true, false]);
  });
  it('reads layouts/_shortcodes/ too (Hugo 0.146+)', async () => {
    root = mkdtempSync(join(tmpdir(), 'pw-sc-'));
    file('hugo.toml', 'theme = "harbor"\n');
    file('layouts/_shortcodes/tip.html', '{{ .Inner }}');
    file('themes/harbor/layouts/_shortcodes/banner.html', '<div>{{ .Get "title" }}</div>');
    const list = await listShortcodes(root);
    expect(list.find((s) => s.name === 'tip')).toMatchObject({ source: 'site', paired: true });
    expect(list.find((s) => s.name === 'banner')).toMatchObject({ source: 'theme', params: [{ name: 'title' }] });
  });
  it("offers Hugo's built-ins in a site with no shortcodes and no config", async () => {
    root = mkdtempSync(join(tmpdir(), 'pw-sc-'));
    expect((await listShortcodes(root)).map((s) => s.name)).toContain('youtube');
  });
  it("reads each template's parameters and help, the site's before its theme's, and gives Hugo's built-ins theirs", async () => {
    root = mkdtempSync(join(tmpdir(), 'pw-sc-'));
    file('hugo.toml', 'title = "x"\ntheme = "harbor"\n');
    file('layouts/shortcodes/callout.html', '{{- /* A boxed remark. */ -}}\n{{ $t := .Get "type" | default "info" }}<aside class="{{ $t }}">{{ with .Get "title" }}{{ . }}{{ end }}</aside>');
    // The language variant is not the one read.
    file('layouts/shortcodes/callout.fr.html', '{{ .Get "titre" }}');
    file('themes/harbor/layouts/shortcodes/callout.html', '{{ .Get "theme-only" }}');
    file('themes/harbor/layouts/shortcodes/button.html', '<a href="{{ .Get 0 }}">{{ .Get "label" }}</a>');
    file('layouts/shortcodes/empty.html', '<hr>');
    const list = await listShortcodes(root);
    const byName = (n: string) => list.find((s) => s.name === n);
    expect(byName('callout')).toEqual({
      name: 'callout',
      source: 'site',
      help: 'A boxed remark.',
      params: [
        { name: 'type', type: 'text', default: 'info' },
        { name: 'title', type: 'text' },
      ],
    });
    expect(byName('button')).toEqual({ name: 'button', source: 'theme', params: [{ name: null, position: 0, type: 'url' }, { name: 'label', type: 'text' }] });
    expect(byName('empty')).toEqual({ name: 'empty', source: 'site', params: [] });
    expect(byName('figure')?.params?.map((p) => p.name)).toEqual(['src', 'alt', 'caption', 'title', 'link', 'width', 'height']);
    expect(byName('youtube')?.params).toEqual([{ name: null, position: 0, type: 'text' }]);
  });

  it('offers a shortcode whose template cannot be read, without parameters', async () => {
    root = mkdtempSync(join(tmpdir(), 'pw-sc-'));
    // A folder named like a template: listed by name, nothing to read.
    mkdirSync(join(root, 'layouts/shortcodes/odd.html'), { recursive: true });
    const list = await listShortcodes(root);
    expect(list.find((s) => s.name === 'odd')).toEqual({ name: 'odd', source: 'site' });
  });

  it('reads nothing through a template that links outside the site', async () => {
    root = mkdtempSync(join(tmpdir(), 'pw-sc-'));
    const outside = mkdtempSync(join(tmpdir(), 'pw-sc-outside-'));
    try {
      writeFileSync(join(outside, 'secret.html'), '{{/* private notes from outside the site */}}{{ .Get "token" }}');
      mkdirSync(join(root, 'layouts/shortcodes'), { recursive: true });
      symlinkSync(join(outside, 'secret.html'), join(root, 'layouts/shortcodes/leak.html'));
      const list = await listShortcodes(root);
      expect(list.find((s) => s.name === 'leak')).toEqual({ name: 'leak', source: 'site' });
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it("lists the shortcodes of the Hugo modules the site imports that are on disk: _vendor/, Hugo's module cache, layouts/_shortcodes/", async () => {
    root = mkdtempSync(join(tmpdir(), 'pw-sc-'));
    file('hugo.yaml', 'module:\n  imports:\n    - path: github.com/acme/Docs-Theme\n    - path: github.com/acme/extras\n    - path: ../escape\ntheme: github.com/acme/vendored\n');
    file('go.mod', 'module example.com/site\n\nrequire (\n  github.com/acme/Docs-Theme v1.2.0\n)\n');
    // In Hugo's module cache (as `hugo mod get` leaves it), the version go.mod asks for.
    const mod = 'cache/modules/filecache/modules/pkg/mod/github.com/acme/!docs-!theme@v1.2.0';
    file(`${mod}/layouts/shortcodes/callout.html`, '{{/* A boxed remark. */}}<aside class="{{ .Get "type" }}">{{ .Inner | markdownify }}</aside>');
    file(`${mod}/layouts/shortcodes/note.html`, '{{ .Inner }}');
    file('cache/modules/filecache/modules/pkg/mod/github.com/acme/extras@v0.1.0/layouts/_shortcodes/steps.html', '{{ .Inner }}');
    // A theme given as a module path, vendored (`hugo mod vendor`).
    file('_vendor/github.com/acme/vendored/layouts/shortcodes/banner.html', '<div>{{ .Get "title" }}</div>');
    file('layouts/shortcodes/note.html', '<p>{{ .Inner }}</p>');
    file('escape/layouts/shortcodes/evil.html');
    const list = await listShortcodes(root, { HUGO_CACHEDIR: join(root, 'cache') });
    const byName = (n: string) => list.find((s) => s.name === n);
    expect(list.filter((s) => s.source !== 'hugo').map((s) => s.name)).toEqual(['note', 'banner', 'callout', 'steps']);
    expect(byName('note')?.source).toBe('site');
    expect(byName('callout')).toEqual({ name: 'callout', source: 'theme', help: 'A boxed remark.', params: [{ name: 'type', type: 'text' }], paired: true });
    expect(byName('steps')).toMatchObject({ source: 'theme', paired: true });
    expect(byName('banner')).toMatchObject({ source: 'theme', params: [{ name: 'title' }] });
  });

  it('reads nothing through a module template that links outside its module', async () => {
    root = mkdtempSync(join(tmpdir(), 'pw-sc-'));
    file('hugo.toml', '[module]\n[[module.imports]]\npath = "github.com/acme/docs"\n');
    file('secret.html', '{{/* private notes */}}{{ .Get "token" }}');
    mkdirSync(join(root, '_vendor/github.com/acme/docs/layouts/shortcodes'), { recursive: true });
    symlinkSync(join(root, 'secret.html'), join(root, '_vendor/github.com/acme/docs/layouts/shortcodes/leak.html'));
    const list = await listShortcodes(root, { HUGO_CACHEDIR: join(root, 'none') });
    expect(list.find((s) => s.name === 'leak')).toEqual({ name: 'leak', source: 'theme' });
  });

  it('a popular theme pulled as a module not on disk offers the shortcodes the table records for it', async () => {
    root = mkdtempSync(join(tmpdir(), 'pw-sc-'));
    file('hugo.yaml', 'module:\n  imports:\n    - path: github.com/imfing/hextra\n');
    file('layouts/shortcodes/tab.html', '{{ .Inner }}');
    const list = await listShortcodes(root, { HUGO_CACHEDIR: join(root, 'none') });
    const byName = (n: string) => list.find((s) => s.name === n);
    expect(byName('callout')).toEqual({ name: 'callout', source: 'theme', params: ['type', 'emoji', 'icon'].map((name) => ({ name, type: 'text' })), paired: true });
    // The site's own template wins.
    expect(byName('tab')).toMatchObject({ source: 'site', paired: true });
    // Once the module is on disk, its templates are what is offered.
    file('cache/modules/filecache/modules/pkg/mod/github.com/imfing/hextra@v0.9.0/layouts/shortcodes/cards.html', '{{ .Inner }}');
    const onDisk = await listShortcodes(root, { HUGO_CACHEDIR: join(root, 'cache') });
    expect(onDisk.filter((s) => s.source === 'theme').map((s) => s.name)).toEqual(['cards']);
  });
});
