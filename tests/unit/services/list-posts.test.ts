import { afterEach, describe, expect, it } from 'vitest';
import { makeTempSite, type TempSite } from '../../support/temp-site';
import { PostLister } from '../../../electron/services/site/list-posts';
import { openSiteFolder } from '../../../electron/services/site/open-site';

let site: TempSite | undefined;
afterEach(() => site?.remove());

describe('PostLister', () => {
  it('lists leaf bundles, branch bundles and single files, newest first', async () => {
    site = makeTempSite({
      'content/blog/_index.md': '---\ntitle: Blog\n---\n',
      'content/blog/day-one/index.md': '---\ntitle: "Day One: Keynotes"\ndate: 2025-05-01T0:00:00+00:00\ntags:\n  - keynote\n  - recap\n---\nBody\n',
      'content/blog/day-one/bio.md': '---\ntitle: A resource, not a post\n---\n',
      'content/blog/day-two/index.md': "---\ntitle: 'Day Two'\ndate: 2025-05-02\ndraft: true\n---\n",
      'content/about.md': '+++\ntitle = "About"\ndate = 2024-01-01\n+++\n',
      'content/news.md': '{\n  "title": "News",\n  "date": "2025-12-21T10:00:00"\n}\nText\n',
    });
    const info = await openSiteFolder(site.root);
    const posts = await new PostLister(info.contentDir).list();
    expect(posts.map((p) => p.path)).toEqual(['news.md', 'blog/day-two/index.md', 'blog/day-one/index.md', 'about.md', 'blog/_index.md']);
    const one = posts.find((p) => p.path === 'blog/day-one/index.md')!;
    expect(one).toMatchObject({ title: 'Day One: Keynotes', draft: false, tags: ['keynote', 'recap'], section: 'blog', kind: 'leaf-bundle', date: '2025-05-01T0:00:00+00:00' });
    expect(posts.find((p) => p.path === 'blog/_index.md')!.kind).toBe('branch-bundle');
    expect(posts.find((p) => p.path === 'blog/day-two/index.md')!.draft).toBe(true);
  });

  it('still lists a post whose front matter is broken, with the reason', async () => {
    site = makeTempSite({
      'content/bad.md': '---\ntitle: [unclosed\n---\n',
      'content/open.md': '---\ntitle: never closed\n',
    });
    const info = await openSiteFolder(site.root);
    const posts = await new PostLister(info.contentDir).list();
    expect(posts).toHaveLength(2);
    for (const p of posts) expect(p.frontMatterError).toBeTruthy();
    expect(posts.find((p) => p.path === 'open.md')!.frontMatterError).toContain('no closing');
  });

  it('re-reads only files whose stat changed', async () => {
    site = makeTempSite({ 'content/a.md': '---\ntitle: First\n---\n' });
    const info = await openSiteFolder(site.root);
    const lister = new PostLister(info.contentDir);
    expect((await lister.list())[0].title).toBe('First');
    site.write('content/a.md', '---\ntitle: Second title\n---\n');
    expect((await lister.list())[0].title).toBe('Second title');
  });
});
