// Counts and outline of a post: what a reader reads, not the Markdown marks.
import { describe, it, expect } from 'vitest';
import { textStats, postStats, outlineOfPost, outlineOfBody, visibleText } from '../../../shared/text-stats';

describe('textStats', () => {
  it('counts words and characters of what a reader sees', () => {
    const s = textStats('## The **Lanternfish** booth\n\nSee [our notes](https://example.com/a-very-long-url) now.');
    expect(s.words).toBe(7); // The Lanternfish booth See our notes now
    expect(visibleText('See [our notes](https://x.y/z)')).toBe('See our notes');
    expect(s.characters).toBe('The Lanternfish booth See our notes now.'.length);
    expect(s.charactersNoSpaces).toBe('TheLanternfishboothSeeournotesnow.'.length);
  });

  it('skips shortcodes, HTML comments and tags', () => {
    const s = textStats('Hello {{< figure src="a.png" alt="x" >}} world\n<!-- hidden words here -->\n<b>bold</b>');
    expect(s.words).toBe(3);
  });

  it('counts Chinese characters as words and reads them at their own speed', () => {
    const s = textStats('灯笼鱼实验室');
    expect(s.words).toBe(6);
    expect(s.readingMinutes).toBe(1);
  });

  it('counts an emoji with modifiers as one character', () => {
    expect(textStats('👍🏽').characters).toBe(1);
  });

  it('gives reading time in whole minutes, none for empty text', () => {
    expect(textStats('').readingMinutes).toBe(0);
    expect(textStats('word '.repeat(10)).readingMinutes).toBe(1);
    expect(textStats('word '.repeat(2300)).readingMinutes).toBe(10);
  });

  it('works for a selection as for a post, and a post without its front matter', () => {
    const raw = '---\ntitle: "Many many words in the title"\n---\n\nTwo words.\n';
    expect(postStats(raw).words).toBe(2);
    expect(textStats('Two words.').words).toBe(2);
  });
});

describe('outline', () => {
  const raw = [
    '---',
    'title: "# not a heading"',
    '---',
    '',
    '# Driftwood Summit',
    '',
    '## Day one: **keynote**',
    '',
    '```bash',
    '# a comment in code',
    '```',
    '',
    '### [Workshop](https://example.com) notes ###',
    '',
    'Setext title',
    '============',
    '',
    '<!--',
    '## commented out',
    '-->',
    '##',
  ].join('\n');

  it('lists ATX and setext headings outside code, comments and front matter', () => {
    const items = outlineOfPost(raw);
    expect(items.map((h) => [h.level, h.text])).toEqual([
      [1, 'Driftwood Summit'],
      [2, 'Day one: keynote'],
      [3, 'Workshop notes'],
      [1, 'Setext title'],
      [2, ''],
    ]);
  });

  it('gives offsets and lines in the whole file to jump to', () => {
    const items = outlineOfPost(raw);
    for (const h of items) {
      expect(raw.split('\n')[h.line - 1]).toBe(raw.slice(h.offset).split('\n')[0]);
    }
    expect(items[0].line).toBe(5);
  });

  it('does not take a list item followed by --- for a heading', () => {
    expect(outlineOfBody('- item\n---\n')).toEqual([]);
  });

  it('handles CRLF files', () => {
    const items = outlineOfBody('Intro\r\n\r\n## Tide\r\n');
    expect(items).toEqual([{ level: 2, text: 'Tide', offset: 9, line: 3 }]);
  });
});
