// Schema inference over a real temp site, postwright.yml declarations, suggestions, and the
// plain-words validation.
import { describe, it, expect, afterEach } from 'vitest';
import { utimesSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempSite, type TempSite } from '../../support/temp-site';
import { openSiteFolder } from '../../../electron/services/site/open-site';
import { SiteFields } from '../../../electron/services/frontmatter/site-fields';
import { inferValueType, combineTypes, labelOf } from '../../../shared/frontmatter/schema';
import { validateFields } from '../../../shared/frontmatter/validate';

let site: TempSite | undefined;
afterEach(() => site?.remove());

const RECAP = (title: string, extra = '') => `---
title: "${title}"
description: "A recap of the Driftwood Summit talks on tide-powered computing and harbours."
tags:
  - Driftwood Summit
  - recap
date: 2025-12-02
summary: >
  Two days in Port Alder.
canonicalurl: "https://lanternfish.example/blog/x"
draft: false
weight: 50
images: ["images/booth.png"]
contributors: ["Mara Okonkwo-Lindqvist"]
${extra}---
Body
`;

function sampleSite(): TempSite {
  return makeTempSite({
    'hugo.toml': 'title = "Lanternfish Labs"\n[taxonomies]\ntag = "tags"\ncategory = "categories"\nspeaker = "speakers"\n',
    'content/blog/one/index.md': RECAP('One', 'menu:\n  main:\n    weight: 3\n'),
    'content/blog/two/index.md': RECAP('Two'),
    'content/blog/three.md': '---\ndate: 2025-12-21T10:00:00\ntitle: Three\ntags: [recap, harbour]\ncontributors: ["Ivo Brandt", "Mara Okonkwo-Lindqvist"]\n---\n',
    'content/events/fair/index.md': '+++\ntitle = "Fair"\nlocation = "Hall B"\nspeakers = ["Selma Ruiz"]\n+++\n',
  });
}

describe('schema inference', () => {
  it('infers kinds of single values', () => {
    expect(inferValueType('2025-12-02')).toBe('date');
    expect(inferValueType('2025-05-01T0:00:00+00:00')).toBe('date-time');
    expect(inferValueType('https://lanternfish.example/x')).toBe('url');
    expect(inferValueType('images/a.png')).toBe('image');
    expect(inferValueType(['images/a.png'])).toBe('image-list');
    expect(inferValueType(['a', 'b'])).toBe('text-list');
    expect(inferValueType(false)).toBe('boolean');
    expect(inferValueType(3)).toBe('integer');
    expect(inferValueType({ main: { weight: 3 } })).toBe('map');
    expect(inferValueType('x'.repeat(200))).toBe('long-text');
    expect(combineTypes({ date: 3, 'date-time': 1 })).toBe('date-time');
    expect(combineTypes({ text: 3, 'long-text': 1 })).toBe('long-text');
  });

  it('gives each section its usual fields, kinds, frequency and order', async () => {
    site = sampleSite();
    const fields = new SiteFields(await openSiteFolder(site.root));
    const blog = await fields.schema('blog');
    expect(blog.posts).toBe(3);
    const byKey = Object.fromEntries(blog.fields.map((f) => [f.key, f]));
    expect(byKey.title).toMatchObject({ type: 'text', required: true, frequency: 1 });
    expect(byKey.date.type).toBe('date-time');
    expect(byKey.summary.type).toBe('long-text');
    expect(byKey.tags).toMatchObject({ type: 'text-list', taxonomy: true });
    expect(byKey.images.type).toBe('image-list');
    expect(byKey.canonicalurl.type).toBe('url');
    expect(byKey.weight.type).toBe('integer');
    expect(byKey.draft.type).toBe('boolean');
    expect(byKey.menu).toMatchObject({ type: 'map' });
    expect(byKey.menu.frequency).toBeCloseTo(1 / 3);
    expect(blog.fields.slice(0, 3).map((f) => f.key)).toEqual(['title', 'description', 'tags']);
    expect(blog.taxonomies).toEqual(['tags', 'categories', 'speakers']);
    const events = await fields.schema('events');
    expect(events.fields.map((f) => f.key)).toEqual(['title', 'location', 'speakers']);
  });

  it('lets postwright.yml declare fields; declared beats inferred', async () => {
    site = sampleSite();
    site.write('postwright.yml', 'fields:\n  - key: description\n    label: Teaser\n    help: Shown in search results\nsections:\n  blog:\n    fields:\n      - key: audience\n        type: text\n        options: [Operators, Developers]\n        required: true\n      - key: weight\n        hidden: true\n');
    const fields = new SiteFields(await openSiteFolder(site.root));
    const blog = await fields.schema('blog');
    expect(blog.configError).toBeNull();
    expect(blog.fields.slice(0, 3).map((f) => [f.key, f.declared])).toEqual([['description', true], ['audience', true], ['weight', true]]);
    expect(blog.fields[0]).toMatchObject({ label: 'Teaser', help: 'Shown in search results', type: 'text' });
    expect(blog.fields[1]).toMatchObject({ options: ['Operators', 'Developers'], required: true, frequency: 0 });
    expect(blog.fields[2]).toMatchObject({ hidden: true, type: 'integer' });
    site.write('postwright.yml', 'fields: 3\n');
    expect((await fields.schema('blog')).configError).toMatch(/postwright.yml is not as expected/);
  });

  it('suggests taxonomy values and contributors with counts, and re-reads only changed files', async () => {
    site = sampleSite();
    const fields = new SiteFields(await openSiteFolder(site.root));
    const s = await fields.suggestions();
    expect(s.taxonomies.tags).toEqual([{ value: 'recap', count: 3 }, { value: 'Driftwood Summit', count: 2 }, { value: 'harbour', count: 1 }]);
    expect(s.taxonomies.speakers).toEqual([{ value: 'Selma Ruiz', count: 1 }]);
    expect(s.contributors[0]).toEqual({ value: 'Mara Okonkwo-Lindqvist', count: 3 });
    const abs = site.write('content/blog/three.md', '---\ntitle: Three\ntags: [tides]\n---\n');
    utimesSync(abs, new Date(), new Date(Date.now() + 5000));
    expect((await fields.suggestions()).taxonomies.tags.find((v) => v.value === 'tides')).toEqual({ value: 'tides', count: 1 });
    expect([...(await fields.slugs()).keys()].sort()).toEqual(['fair', 'one', 'three', 'two']);
    expect(await fields.sections()).toEqual(['blog', 'events']);
    void join;
  });
});

describe('validation', () => {
  const schema = [
    { key: 'canonicalurl', label: 'Canonical URL', type: 'url' as const, required: false, hidden: false, frequency: 1, position: 0, declared: false, taxonomy: false },
    { key: 'images', label: 'Images', type: 'image-list' as const, required: false, hidden: false, frequency: 1, position: 0, declared: false, taxonomy: false },
  ];
  it('explains problems in plain words', () => {
    const problems = validateFields(
      { description: 'Too short', date: '2025/12/02', slug: 'two', canonicalurl: 'lanternfish.example', images: ['images/booth.png', 'gone.png'] },
      schema,
      { takenSlugs: new Set(['two']), existingImages: new Set(['images/booth.png']) },
    );
    const by = (k: string) => problems.filter((p) => p.key === k).map((p) => p.message).join(' ');
    expect(by('title')).toMatch(/needs a title/);
    expect(by('date')).toMatch(/Hugo cannot read "2025\/12\/02" as a date/);
    expect(by('slug')).toMatch(/Another post already uses the slug "two"/);
    expect(by('description')).toMatch(/has 9 characters/);
    expect(by('canonicalurl')).toMatch(/does not look like a web address/);
    expect(by('images')).toMatch(/"gone.png" is not in this post's folder/);
    expect(validateFields({ title: 'Fine', date: '2025-05-01T0:00:00+00:00', description: 'A recap of two days at Driftwood Summit in Port Alder, with notes.' }, [])).toEqual([]);
  });
});

describe('field labels', () => {
  it('gives Hugo keys written in one word their words back, and abbreviations in capitals', () => {
    expect(['canonicalurl', 'publishDate', 'lastmod', 'featured_image', 'seoTitle', 'expiryDate'].map(labelOf)).toEqual(['Canonical URL', 'Publish date', 'Last modified', 'Featured image', 'SEO title', 'Expiry date']);
  });
  it('labels keys that name Object.prototype members as words, never as their functions', () => {
    expect(['constructor', '__proto__', 'toString'].map(labelOf)).toEqual(['Constructor', 'Proto', 'To string']);
  });
});
