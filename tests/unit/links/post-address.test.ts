import { describe, expect, it } from 'vitest';
import { countLinkForms, linkFormOf, pickLinkForm, postAddress, postForAddress, noLinkForms } from '../../../shared/links/post-address';

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

describe('postForAddress', () => {
  const paths = ['blog/a/index.md', 'blog/b/index.md', 'blog/c.md', 'about.md', 'blog/_index.md'];
  it('finds the post a link of any form points to', () => {
    expect(postForAddress('../b/', 'blog/a/index.md', paths)).toBe('blog/b/index.md');
    expect(postForAddress('../../about/', 'blog/a/index.md', paths)).toBe('about.md');
    expect(postForAddress('/blog/c/', 'blog/a/index.md', paths)).toBe('blog/c.md');
    expect(postForAddress('/blog/c/#part', 'blog/a/index.md', paths)).toBe('blog/c.md');
    expect(postForAddress('{{<ref "/blog/b">}}', 'blog/a/index.md', paths)).toBe('blog/b/index.md');
    expect(postForAddress('{{< relref "blog/c.md" >}}', 'blog/a/index.md', paths)).toBe('blog/c.md');
    expect(postForAddress('{{<relref about >}}', 'blog/a/index.md', paths)).toBe('about.md');
  });
  it('round-trips the addresses postAddress writes', () => {
    for (const form of ['relative', 'permalink', 'ref', 'relref'] as const) expect(postForAddress(postAddress(form, 'blog/a/index.md', 'blog/c.md'), 'blog/a/index.md', paths)).toBe('blog/c.md');
  });
  it('finds nothing for web addresses and unknown pages', () => {
    expect(postForAddress('https://example.org/blog/b/', 'blog/a/index.md', paths)).toBeNull();
    expect(postForAddress('/blog/nope/', 'blog/a/index.md', paths)).toBeNull();
  });
});
