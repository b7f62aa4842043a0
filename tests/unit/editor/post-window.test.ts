// Posts over a few screens are drawn in a window of blocks, not only long ones: the browser's work
// on each key grows with what the editable element holds (renderer/editor/long-post.ts). The
// window is drawing only: what is saved stays byte for byte what was opened, and Page Down never
// meets a block that is not drawn.
import { describe, expect, it } from 'vitest';
import { WINDOWED_POST_CHARS, windowFor } from '../../../renderer/editor/long-post';
import { postEditorHarness } from './post-editor-harness';

const editors = postEditorHarness();
const dom = editors.dom;

/** A post of `count` paragraphs with a heading every tenth block. */
function post(count: number): string {
  const blocks = Array.from({ length: count }, (_, i) => (i % 10 === 0 ? `## Talk ${i}` : `Paragraph ${i} about the harbour, the ferries and the cannery archives.`));
  return `${blocks.join('\n\n')}\n`;
}

async function open(body: string): Promise<{ pm: Element; shown: () => string[]; getBody: () => string }> {
  const { root, h } = await editors.open(body);
  await h.whenLoaded;
  const pm = root.querySelector('.ProseMirror')!;
  const shown = () => [...pm.children].filter((c) => c.classList.contains('pw-shown')).map((c) => c.textContent!);
  return { pm, shown, getBody: () => h.getBody() };
}

describe('a post over a few screens', () => {
  it('is drawn whole when short, in a window when longer', () => {
    expect(windowFor('x'.repeat(WINDOWED_POST_CHARS))).toBeNull();
    const medium = windowFor('x'.repeat(WINDOWED_POST_CHARS + 1))!;
    const long = windowFor('x'.repeat(200_000))!;
    expect(medium.margin).toBeLessThan(long.margin);
    // A long post's many shown blocks are painted: skipped ones cost Chromium's per-key
    // text-input update more than painting them (long-post.ts).
    expect(medium.skipOffscreen).toBe(true);
    expect(long.skipOffscreen).toBe(false);
  });

  it('shows the blocks around the cursor only, and saves every byte as it was', async () => {
    const body = post(150);
    expect(body.length).toBeGreaterThan(WINDOWED_POST_CHARS);
    const { pm, shown, getBody } = await open(body);
    expect(pm.classList.contains('pw-windowed')).toBe(true);
    expect(pm.classList.contains('pw-skip-offscreen')).toBe(true);
    expect(shown()[0]).toBe('Talk 0');
    expect(shown().length).toBeLessThan(30);
    expect(shown().some((t) => t.startsWith('Paragraph 100 '))).toBe(false);
    expect(getBody()).toBe(body);
  });

  it('takes in the next screen of blocks before Page Down moves the caret', async () => {
    const { pm, shown, getBody } = await open(post(150));
    const last = () => Number(/Paragraph (\d+)/.exec(shown()[shown().length - 1])![1]);
    const before = last();
    pm.dispatchEvent(new dom.defaultView!.KeyboardEvent('keydown', { key: 'PageDown', bubbles: true, cancelable: true }));
    // More than a margin further: the blocks a screen below what is seen are in the page.
    expect(last()).toBeGreaterThan(before + 12);
    pm.dispatchEvent(new dom.defaultView!.KeyboardEvent('keydown', { key: 'PageDown', bubbles: true, cancelable: true }));
    expect(last()).toBeGreaterThan(before + 24);
    expect(getBody()).toBe(post(150));
  });

  it('leaves a short post drawn whole', async () => {
    const body = post(20);
    expect(body.length).toBeLessThanOrEqual(WINDOWED_POST_CHARS);
    const { pm } = await open(body);
    expect(pm.classList.contains('pw-windowed')).toBe(false);
    expect(pm.children.length).toBe(20);
  });
});
