// Images in the window editor under jsdom: Markdown inserted from the gallery or after an import
// becomes real nodes (a figure card, an image) between blocks, so the saved body gains only the
// inserted lines; missing images are flagged and never loaded until their file exists.
import { describe, expect, it } from 'vitest';
import { postEditorHarness } from './post-editor-harness';

const editors = postEditorHarness();

const BODY = 'Mara Quill opened the Driftwood Summit.\n\nThen the ferry left.\n';

const open = (body: string, isMissing?: (src: string) => boolean) => editors.open(body, { postPath: 'blog/driftwood/index.md', isMissing });

describe('inserting images into the editor', () => {
  it('a figure shortcode at the cursor becomes a card after the block, and the body gains that line only', async () => {
    const { root, h } = await open(BODY);
    const after = h.insertMarkdownAt!('cursor', '{{< figure src="stage.jpg" alt="The stage" >}}');
    expect(after).not.toBeNull();
    const card = root.querySelector('.pw-shortcode-card');
    expect(card?.querySelector('img')?.getAttribute('src')).toBe('/asset/content/blog/driftwood/stage.jpg');
    expect(h.getBody()).toBe('Mara Quill opened the Driftwood Summit.\n\n{{< figure src="stage.jpg" alt="The stage" >}}\n\nThen the ferry left.\n');
  });

  it('a Markdown image becomes an image node shown from the bundle; two in a row keep their order', async () => {
    const { root, h } = await open(BODY);
    const first = h.insertMarkdownAt!('cursor', '![Booth](booth.png)');
    expect(first).not.toBeNull();
    h.insertMarkdownAt!(first!, '![Crowd](crowd.jpg)');
    const imgs = [...root.querySelectorAll('img.pw-image')].map((i) => i.getAttribute('src'));
    expect(imgs).toEqual(['/asset/content/blog/driftwood/booth.png', '/asset/content/blog/driftwood/crowd.jpg']);
    expect(h.getBody()).toBe('Mara Quill opened the Driftwood Summit.\n\n![Booth](booth.png)\n\n![Crowd](crowd.jpg)\n\nThen the ferry left.\n');
  });

  it('a position in the upper half of a block inserts before it; CRLF bodies get CRLF', async () => {
    const crlf = BODY.replace(/\n/g, '\r\n');
    const { h } = await open(crlf);
    // Position 2: just inside the first paragraph.
    h.insertMarkdownAt!(2, '![Lantern](/images/lantern.png)');
    expect(h.getBody()).toBe(`![Lantern](/images/lantern.png)\r\n\r\n${crlf}`);
  });

  it('inserts nothing into a read-only post', async () => {
    const { h } = await editors.open(BODY, { postPath: 'blog/driftwood/index.md', readOnly: true });
    expect(h.insertMarkdownAt!('cursor', '![x](x.png)')).toBeNull();
    expect(h.getBody()).toBe(BODY);
  });
});

describe('missing images in the editor', () => {
  it('flags a missing figure and image, does not load them, and loads them once the files exist', async () => {
    const missing = new Set(['gone.png']);
    const body = '{{< figure src="gone.png" alt="Gone" >}}\n\nText ![Also gone](gone.png) here.\n\n![Fine](fine.png)\n';
    const { root, h } = await open(body, (src) => missing.has(src));
    const flags = () => [...root.querySelectorAll('.pw-missing-flag')].map((f) => f.textContent);
    expect(flags()).toEqual(['missing: gone.png', 'missing: gone.png']);
    expect(root.querySelectorAll('.is-missing')).toHaveLength(2);
    expect(root.querySelectorAll('img[data-deferred-src]')).toHaveLength(2);
    expect(root.querySelector('img[alt="Fine"]')?.getAttribute('src')).toBe('/asset/content/blog/driftwood/fine.png');

    missing.clear();
    h.refreshMissing!();
    expect(flags()).toEqual([]);
    expect(root.querySelectorAll('img[data-deferred-src]')).toHaveLength(0);
    expect(root.querySelector('.pw-shortcode-card img')?.getAttribute('src')).toBe('/asset/content/blog/driftwood/gone.png');
    // Flags are decorations only: nothing to save.
    expect(h.isDirty()).toBe(false);
    expect(h.getBody()).toBe(body);
  });
});
