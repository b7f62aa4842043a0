import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, symlinkSync, chmodSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempSite, type TempSite } from '../../support/temp-site';
import { PostService } from '../../../electron/services/posts/post-service';

let site: TempSite | undefined;
afterEach(() => site?.remove());

function service(s: TempSite): PostService {
  return new PostService(s.root, join(s.root, 'content'));
}

describe('PostService', () => {
  it('reads a post and saves it back byte for byte (CRLF, BOM, no final newline)', async () => {
    const text = '\uFEFF---\r\ntitle: "Recap: Day 1"\r\n---\r\nFirst line  \r\nSecond';
    site = makeTempSite({ 'content/blog/x/index.md': text });
    const svc = service(site);
    const post = await svc.read('blog/x/index.md');
    expect(post.bom).toBe(true);
    expect(post.format).toBe('yaml');
    expect(post.fields.title).toBe('Recap: Day 1');
    expect(post.raw.slice(post.bodyOffset)).toBe('First line  \r\nSecond');
    await svc.save({ path: post.path, raw: post.raw, bom: post.bom, expectedHash: post.hash });
    expect(readFileSync(join(site.root, 'content/blog/x/index.md'), 'utf8')).toBe(text);
  });

  it('refuses to overwrite a file that changed on disk since it was read', async () => {
    site = makeTempSite({ 'content/a.md': 'one\n' });
    const svc = service(site);
    const post = await svc.read('a.md');
    site.write('content/a.md', 'changed by a colleague\n');
    await expect(svc.save({ path: 'a.md', raw: 'mine\n', bom: false, expectedHash: post.hash })).rejects.toMatchObject({ code: 'changed-on-disk' });
    expect(readFileSync(join(site.root, 'content/a.md'), 'utf8')).toBe('changed by a colleague\n');
  });

  it('leaves no temp file behind after a save', async () => {
    site = makeTempSite({ 'content/a.md': 'one\n' });
    const svc = service(site);
    const post = await svc.read('a.md');
    await svc.save({ path: 'a.md', raw: 'two\n', bom: false, expectedHash: post.hash });
    expect(readdirSync(join(site.root, 'content'))).toEqual(['a.md']);
  });

  it('refuses Latin-1 and binary files in plain words', async () => {
    site = makeTempSite({ 'content/latin.md': Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]), 'content/bin.md': Buffer.from([1, 2, 0, 3]) });
    const svc = service(site);
    await expect(svc.read('latin.md')).rejects.toMatchObject({ code: 'not-utf8', message: expect.stringContaining('UTF-8') });
    await expect(svc.read('bin.md')).rejects.toMatchObject({ code: 'not-utf8', message: expect.stringContaining('binary') });
  });

  it('refuses paths outside the site, including through symlinks', async () => {
    site = makeTempSite({ 'content/a.md': 'x\n' });
    const outside = makeTempSite({ 'content/secret.md': 'secret\n' });
    try {
      symlinkSync(join(outside.root, 'content'), join(site.root, 'content', 'link'));
      const svc = service(site);
      await expect(svc.read('../hugo.toml.md')).rejects.toMatchObject({ code: 'outside-site' });
      await expect(svc.read('/etc/passwd.md')).rejects.toMatchObject({ code: 'outside-site' });
      await expect(svc.read('link/secret.md')).rejects.toMatchObject({ code: 'outside-site' });
      await expect(svc.read('a.txt')).rejects.toMatchObject({ code: 'invalid-request' });
    } finally {
      outside.remove();
    }
  });

  it('reports a read-only file in plain words and keeps it unchanged', async () => {
    if (process.getuid?.() === 0) return; // root ignores file permissions
    site = makeTempSite({ 'content/a.md': 'x\n' });
    chmodSync(join(site.root, 'content'), 0o555);
    const svc = service(site);
    const post = await svc.read('a.md');
    await expect(svc.save({ path: 'a.md', raw: 'y\n', bom: false, expectedHash: post.hash })).rejects.toMatchObject({ code: 'permission-denied' });
    chmodSync(join(site.root, 'content'), 0o755);
  });

  it('reports a deleted post plainly', async () => {
    site = makeTempSite({});
    await expect(service(site).read('gone.md')).rejects.toMatchObject({ code: 'not-found' });
  });
});
