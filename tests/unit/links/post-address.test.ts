import { describe, expect, it } from 'vitest';
import { countLinkForms, linkFormOf, pickLinkForm, postAddress, noLinkForms } from '../../../shared/links/post-address';

describe('linkFormOf', () => {
  it('tells the forms of links to posts apart', () => {
    expect(linkFormOf('../other-post/')).toBe('relative');
    expect(linkFormOf('./sub/')).toBe('relative');
    expect(linkFormOf('/blog/other-post/')).toBe('permalink');
    expect(linkFormOf('{{< ref "blog/x.md" >}}')).toBe('ref');
    expect(linkFormOf('{{<relref community >}}')).toBe('relref');
  });
  it('ignores web addresses, files, anchors and the home page', () => {
    for (const d of ['https://example.org/a/', 'mailto:a@b.c', '//cdn.example/x/', '#top', '../images/a.png', '/files/report.pdf', '/', 'photo.jpg']) expect(linkFormOf(d)).toBeNull();
  });
});

describe('countLinkForms and pickLinkForm', () => {
  it('counts inline links and definitions, not images', () => {
    const body = 'See [a](../a/) and [b](../b/ "B"), [c](/blog/c/).\n![pic](../images/x.png)\n\n[d]: {{< relref "d" >}}\n[e]({{< ref "e" >}})\n';
    expect(countLinkForms(body)).toEqual({ relative: 2, ref: 1, relref: 1, permalink: 1 });
  });
  it('picks the form most used across posts', () => {
    const counts = noLinkForms();
    countLinkForms('[x](/blog/x/) [y](/blog/y/)', counts);
    countLinkForms('[z](../z/)', counts);
    expect(pickLinkForm(counts)).toBe('permalink');
  });
  it('picks relative links when the site has none yet', () => {
    expect(pickLinkForm(noLinkForms())).toBe('relative');
  });
});

describe('postAddress', () => {
  it('writes a relative path from one post to another', () => {
    expect(postAddress('relative', 'blog/a/index.md', 'blog/b/index.md')).toBe('../b/');
    expect(postAddress('relative', 'blog/a.md', 'news/Big News.md')).toBe('../../news/big-news/');
    expect(postAddress('relative', 'blog/a/index.md', 'blog/_index.md')).toBe('../');
    expect(postAddress('relative', 'blog/a/index.md', 'blog/a/index.md')).toBe('./');
  });
  it('writes a permalink from the site root', () => {
    expect(postAddress('permalink', 'blog/a/index.md', 'blog/b/index.md')).toBe('/blog/b/');
    expect(postAddress('permalink', 'x.md', 'about.md')).toBe('/about/');
  });
  it('writes a ref or relref without spaces, so the link needs no angle brackets', () => {
    expect(postAddress('ref', 'blog/a/index.md', 'blog/b/index.md')).toBe('{{<ref "/blog/b">}}');
    expect(postAddress('relref', 'blog/a/index.md', 'blog/c.md')).toBe('{{<relref "/blog/c">}}');
  });
});
