// A post with no body (front matter only, or an empty file) is a post like any other: the
// editor shows a placeholder, takes text and saves it; an untouched empty body saves as it was.
import { describe, expect, it } from 'vitest';
import { postEditorHarness } from './post-editor-harness';

const editors = postEditorHarness();
const open = (body: string) => editors.open(body, { postPath: 'blog/stub/index.md' });

describe('an empty body', () => {
  // The body, and what it saves as once 'Hello there.' is typed into it.
  const cases: Array<[string, string]> = [
    ['', 'Hello there.\n'],
    ['\n', 'Hello there.\n'],
    ['\n\n', 'Hello there.\n\n'],
    ['  \n', 'Hello there.\n'],
    ['\r\n', 'Hello there.\r\n'],
  ];
  for (const [body, saved] of cases) {
    it(`saves untouched as it was (${JSON.stringify(body)})`, async () => {
      const { h } = await open(body);
      expect(h.isDirty()).toBe(false);
      expect(h.getBody()).toBe(body);
    });
    it(`takes text and saves it (${JSON.stringify(body)})`, async () => {
      const { h } = await open(body);
      h.insertMarkdownAt!('cursor', 'Hello there.');
      expect(h.isDirty()).toBe(true);
      expect(h.getBody()).toBe(saved);
    });
  }
});

describe('the empty-post hint', () => {
  it('shows "Start writing…" in an empty post until text is typed, and never saves it', async () => {
    const { root, h } = await open('\n');
    const box = root.querySelector('[role="textbox"]')!;
    expect(box.getAttribute('aria-placeholder')).toBe('Start writing…');
    expect(root.querySelector('.pw-empty-post')?.getAttribute('data-placeholder')).toBe('Start writing…');
    expect(h.getText()).toBe('');
    h.insertMarkdownAt!('cursor', 'Hello there.');
    expect(box.getAttribute('aria-placeholder')).toBeNull();
    expect(root.querySelector('.pw-empty-post')).toBeNull();
  });

  it('is not shown in a post with text', async () => {
    const { root } = await open('Some text.\n');
    expect(root.querySelector('[role="textbox"]')!.hasAttribute('aria-placeholder')).toBe(false);
    expect(root.querySelector('.pw-empty-post')).toBeNull();
  });
});
