import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
    expect(list.filter((s) => s.source !== 'hugo')).toEqual([
      { name: 'callout', source: 'site' },
      { name: 'figure', source: 'site' },
      { name: 'note', source: 'site' },
      { name: 'parts/card', source: 'site' },
      { name: 'banner', source: 'theme' },
    ]);
    expect(list.filter((s) => s.source === 'hugo').map((s) => s.name)).toEqual(['details', 'gist', 'highlight', 'instagram', 'qr', 'ref', 'relref', 'vimeo', 'x', 'youtube']);
  });
  it("offers Hugo's built-ins in a site with no shortcodes and no config", async () => {
    root = mkdtempSync(join(tmpdir(), 'pw-sc-'));
    expect((await listShortcodes(root)).map((s) => s.name)).toContain('youtube');
  });
});
