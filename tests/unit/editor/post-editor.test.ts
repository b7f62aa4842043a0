// The window editor under jsdom: accessible body, cheap change notifications, toolbar commands
// with undo back to the exact original, shortcode cards and the parameter dialog, inert HTML.
import { describe, expect, it } from 'vitest';
import { changedLines, fixture } from './helpers';
import { postEditorHarness } from './post-editor-harness';

const editors = postEditorHarness();

async function open(body: string, extra: { shortcodeNames?: string[]; shortcodeInner?: Record<string, 'markdown' | 'text' | 'source'> } = {}) {
  let changes = 0;
  const { root, h } = await editors.open(body, { postPath: 'blog/driftwood/index.md', onChange: () => changes++, ...extra });
  return { root, h, changes: () => changes };
}

describe('post editor', () => {
  it('mounts an accessible body and saves untouched text as is', async () => {
    const body = fixture('blocks.md');
    const { root, h, changes } = await open(body);
    const box = root.querySelector('[role="textbox"]')!;
    expect(box.getAttribute('aria-label')).toBe('Post body');
    expect(box.getAttribute('aria-multiline')).toBe('true');
    expect(h.unsafeReason).toBeNull();
    expect(h.isDirty()).toBe(false);
    expect(h.getBody()).toBe(body);
    expect(changes()).toBe(0);
    expect(h.getText()).toContain('A quote from Tomas Reyes');
  });

  it('applies a command, then undo returns the exact original', async () => {
    const body = fixture('headings.md');
    const { h, changes } = await open(body);
    h.commands.setHeading(2);
    expect(h.isDirty()).toBe(true);
    expect(changes()).toBeGreaterThan(0);
    // A setext heading stays setext: only its underline changes.
    expect(changedLines(body, h.getBody())).toEqual({ removed: ['================'], added: ['----------------'] });
    h.commands.undo();
    expect(h.isDirty()).toBe(false);
    expect(h.getBody()).toBe(body);
  });

  it('shows shortcodes as cards: figure image from the bundle, youtube placeholder, name and params', async () => {
    const { root } = await open(fixture('shortcodes.md'));
    const img = root.querySelector<HTMLImageElement>('.pw-card-image')!;
    expect(img.getAttribute('src')).toBe('/asset/content/blog/driftwood/harbour.jpg');
    expect(root.querySelector('.pw-card-caption')!.textContent).toBe('The harbour at dawn');
    expect(root.querySelector('.pw-card-video-id')!.textContent).toBe('YouTube video dQw4w9WgXcQ');
    expect([...root.querySelectorAll('[data-shortcode]')].map((e) => (e as HTMLElement).dataset.shortcode)).toEqual([
      'figure', 'figure', 'youtube', 'note', 'notice', 'gallery',
    ]);
    expect(root.querySelectorAll('iframe, script').length).toBe(0);
  });

  it('shows a callout\'s content as rich text in its card, bold with no ** on screen; mermaid as numbered plain text', async () => {
    const body = '{{< callout type="warning" title="Deadline" >}}\nProposals close on **28 February 2026** at noon.\n{{< /callout >}}\n\n{{< mermaid >}}\ngraph TD;\nA-->B;\n{{< /mermaid >}}\n';
    const { root, h } = await open(body, { shortcodeInner: { callout: 'markdown' } });
    const card = root.querySelector<HTMLElement>('.pw-paired-rich')!;
    expect(card.querySelector('.pw-card-name')!.textContent).toBe('Callout');
    expect(card.querySelector('.pw-card-params')!.textContent).toBe('typewarningtitleDeadline');
    expect(card.querySelector('.pw-paired-content strong')!.textContent).toBe('28 February 2026');
    expect(root.textContent).not.toContain('**');
    expect(card.querySelector('.pw-card-header')!.getAttribute('contenteditable')).toBe('false');
    const code = root.querySelector('.pw-paired-text code')!;
    expect(code.textContent).toBe('\ngraph TD;\nA-->B;\n');
    expect(root.querySelector('.pw-paired-text .pw-line-numbers')!.textContent).toBe('1\n2\n3\n4');
    expect(h.getText()).toContain('Proposals close on 28 February 2026');
    expect(h.getBody()).toBe(body);
  });

  it('find, replace and undo see the text inside a callout', async () => {
    const body = 'Intro.\n\n{{% callout title="Deadline" %}}\nProposals close at **noon**.\n{{% /callout %}}\n';
    const { h } = await open(body);
    expect(h.integration!.find({ query: 'noon', matchCase: true, wholeWord: false }).count).toBe(1);
    expect(h.integration!.replaceLiteral('close at', 'close by')).toBe(1);
    expect(changedLines(body, h.getBody())).toEqual({ removed: ['Proposals close at **noon**.'], added: ['Proposals close by **noon**.'] });
    h.commands.undo();
    expect(h.getBody()).toBe(body);
    expect(h.isDirty()).toBe(false);
  });

  it('shows GitHub-style alerts as callouts, the marker kept in the text', async () => {
    const body = 'Intro.\n\n> [!WARNING]\n> Bring a **warm** coat.\n\n> A plain quote.\n';
    const { root, h } = await open(body);
    const quotes = [...root.querySelectorAll('blockquote')];
    expect(quotes.map((q) => q.getAttribute('data-alert'))).toEqual(['warning', null]);
    expect(quotes[0].classList.contains('pw-alert-warning')).toBe(true);
    expect(quotes[0].querySelector('.pw-alert-marker')!.textContent).toBe('WARNING');
    expect(h.getBody()).toBe(body);
  });

  it('edits a shortcode parameter in the dialog, changing only that parameter', async () => {
    const body = fixture('shortcodes.md');
    const { root, h } = await open(body);
    root.querySelector<HTMLButtonElement>('.pw-card-edit')!.click();
    const dialog = root.querySelector('.pw-dialog')!;
    const title = [...dialog.querySelectorAll('label')].find((l) => l.textContent?.toLowerCase() === 'title')!;
    const input = dialog.querySelector<HTMLInputElement>(`#${title.htmlFor}`)!;
    input.value = 'Harbour at dusk';
    dialog.querySelector('form')!.dispatchEvent(new window.Event('submit', { cancelable: true }));
    await Promise.resolve();
    expect(changedLines(body, h.getBody())).toEqual({
      removed: ['{{< figure src="harbour.jpg" title="The harbour at dawn" >}}'],
      added: ['{{< figure src="harbour.jpg" title="Harbour at dusk" >}}'],
    });
    expect(root.querySelector('.pw-card-caption')!.textContent).toBe('Harbour at dusk');
  });

  it('offers site shortcodes in the insert menu and inserts one', async () => {
    const body = 'Intro paragraph.\n';
    const { root, h } = await open(body, { shortcodeNames: ['speaker'] });
    // The insert popover lists the site's shortcodes first (its search and keys: shortcode-insert.spec.ts).
    root.querySelector<HTMLButtonElement>('.pw-insert > button')!.click();
    const options = [...root.querySelectorAll('.pw-insert [role="option"]')].map((e) => e.textContent ?? '');
    expect(options[0]).toContain('speaker');
    h.commands.insertShortcode!('speaker');
    root.querySelector<HTMLButtonElement>('.pw-dialog button[type="button"]')!.click(); // Cancel
    expect(h.getBody()).toBe('Intro paragraph.\n\n{{< speaker >}}\n');
  });

  it('shows HTML as inert text, and a static <img> from the site', async () => {
    const { root } = await open(fixture('html.md'));
    const raws = [...root.querySelectorAll('.pw-raw pre')].map((e) => e.textContent);
    expect(raws).toContain('<script>alert("never runs")</script>');
    expect(root.querySelectorAll('script, [onclick], iframe').length).toBe(0);
    expect(root.querySelector<HTMLImageElement>('.pw-raw-image')!.getAttribute('src')).toBe('/asset/static/images/lantern.png');
  });
});
