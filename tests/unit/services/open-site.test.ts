import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { makeTempSite, type TempSite } from '../../support/temp-site';
import { openSiteFolder } from '../../../electron/services/site/open-site';

let site: TempSite | undefined;
afterEach(() => site?.remove());

describe('openSiteFolder', () => {
  it('opens a folder with hugo.toml and reads title and taxonomies', async () => {
    site = makeTempSite();
    site.write('hugo.toml', 'title = "Lanternfish Notes"\n[taxonomies]\n  tag = "tags"\n  speaker = "speakers"\n');
    const info = await openSiteFolder(site.root);
    expect(info.title).toBe('Lanternfish Notes');
    expect(info.configFile).toBe('hugo.toml');
    expect(info.taxonomies).toEqual(['tags', 'speakers']);
    expect(info.contentDir).toBe(join(info.root, 'content'));
  });

  it('honours contentDir from a YAML config', async () => {
    site = makeTempSite({}, false);
    site.write('config.yaml', 'title: Docs\ncontentDir: posts\n');
    site.write('posts/a.md', '---\ntitle: A\n---\n');
    const info = await openSiteFolder(site.root);
    expect(info.contentDir).toBe(join(info.root, 'posts'));
  });

  it('opens a bare folder holding content/', async () => {
    site = makeTempSite({ 'content/a.md': '# hi\n' }, false);
    const info = await openSiteFolder(site.root);
    expect(info.configFile).toBeNull();
  });

  it('refuses a folder that is not a Hugo site, in plain words', async () => {
    site = makeTempSite({}, false);
    site.write('notes.txt', 'hello');
    const { rmSync } = await import('node:fs');
    rmSync(join(site.root, 'content'), { recursive: true });
    await expect(openSiteFolder(site.root)).rejects.toMatchObject({ code: 'not-a-site', message: expect.stringContaining('is not a Hugo site') });
  });

  it('refuses a contentDir that escapes the site', async () => {
    site = makeTempSite({}, false);
    site.write('hugo.toml', 'contentDir = "../elsewhere"\n');
    await expect(openSiteFolder(site.root)).rejects.toMatchObject({ code: 'not-a-site' });
  });
});
