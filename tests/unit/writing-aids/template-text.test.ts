// Placeholder sentences of an archetype: found in the archetype (never marked in the post), and
// listed by the checklist as "still the template's text" until the writer changes them.
import { afterEach, describe, expect, it } from 'vitest';
import { checkPost, templateSentences, templateTextLeft } from '../../../shared/checks';
import { makeTempSite, type TempSite } from '../../support/temp-site';
import { PostChecker } from '../../../electron/services/checks/post-checks';
import { openSiteFolder } from '../../../electron/services/site/open-site';

const ARCHETYPE = `---
title: "{{ replace .Name "-" " " | title }}"
description: ""
slug: "{{ .Name }}"
tags:
  - Driftwood Summit
date: {{ .Date }}
summary: >
  One or two sentences that say what
  the reader gets from this post.
draft: true
contributors: ["Lanternfish Labs"]
# images: ["cover.png"]
---

Write the opening paragraph here.

## Highlights

- **Event**:
- A list item is the post's shape, not a sentence

{{< figure src="cover.png" alt="Describe the picture here" >}}
`;

describe('template sentences', () => {
  it('are the prose paragraphs and text values of an archetype, not its shape', () => {
    expect(templateSentences(ARCHETYPE)).toEqual(['One or two sentences that say what the reader gets from this post.', 'Write the opening paragraph here.']);
    expect(templateSentences('+++\ndescription = "Say what this event was about."\ntitle = "{{ .Title }}"\n+++\n')).toEqual(['Say what this event was about.']);
    expect(templateSentences('---\ntitle: ""\n---\n\n## At a glance\n\n- **Event**:\n')).toEqual([]);
  });

  it('are found in a post word for word, whatever the line breaks, with their line', () => {
    const post = '---\ntitle: "Day one"\nsummary: >\n  One or two sentences that say what the reader gets\n  from this post.\n---\n\nWrite the opening paragraph here.\n';
    expect(templateTextLeft(post, templateSentences(ARCHETYPE))).toEqual([
      { text: 'One or two sentences that say what the reader gets from this post.', line: 4 },
      { text: 'Write the opening paragraph here.', line: 8 },
    ]);
    expect(templateTextLeft(post.replace('here.', 'at the harbour.'), templateSentences(ARCHETYPE))).toHaveLength(1);
  });

  it('are listed by the checklist until changed', () => {
    const raw = '---\ntitle: "Day one"\n---\n\nWrite the opening paragraph here.\n';
    const problems = checkPost({ raw, fields: { title: 'Day one' }, images: [], links: [], templateSentences: ['Write the opening paragraph here.'] });
    expect(problems.filter((p) => p.rule === 'template-text')).toEqual([
      { rule: 'template-text', severity: 'warning', message: '“Write the opening paragraph here.” is still the template\'s text.', line: 5 },
    ]);
    const changed = checkPost({ raw: raw.replace('here', 'now'), fields: { title: 'Day one' }, images: [], links: [], templateSentences: ['Write the opening paragraph here.'] });
    expect(changed.some((p) => p.rule === 'template-text')).toBe(false);
  });
});

describe('PostChecker and the site archetype', () => {
  let site: TempSite | null = null;
  afterEach(() => site?.remove());

  it('uses the archetype of the post\'s section (then default.md), for one post and for all', async () => {
    site = makeTempSite({
      'archetypes/blog/index.md': ARCHETYPE,
      'archetypes/default.md': '---\ntitle: ""\n---\n\nTell the story of the day.\n',
      'content/blog/new-one/index.md': '---\ntitle: "New one"\n---\n\nWrite the opening paragraph here.\n',
      'content/news/item.md': '---\ntitle: "Item"\n---\n\nTell the story of the day.\n\nWrite the opening paragraph here.\n',
    });
    const checker = new PostChecker(await openSiteFolder(site.root));
    const one = await checker.checkOne('blog/new-one/index.md');
    expect(one.problems.filter((p) => p.rule === 'template-text').map((p) => p.line)).toEqual([5]);
    // The editor's unsaved text: changed, so no longer listed.
    const edited = await checker.checkOne('blog/new-one/index.md', '---\ntitle: "New one"\n---\n\nThe harbour was full.\n');
    expect(edited.problems.some((p) => p.rule === 'template-text')).toBe(false);
    const all = await checker.checkAll();
    const news = all.find((p) => p.path === 'news/item.md')!;
    expect(news.problems.filter((p) => p.rule === 'template-text').map((p) => p.message)).toEqual(['“Tell the story of the day.” is still the template\'s text.']);
  });
});
