// The new shortcode dialog's writing rules: only filled fields, positional ones in order, a
// yes/no box only when it differs from the template's default, never places and names mixed.
import { afterEach, describe, expect, it } from 'vitest';
import { installDom } from '../../../electron/cli/install-dom';
import { newShortcodeDialog } from '../../../renderer/editor/views/new-shortcode-dialog';
import type { TemplateInfo } from '../../../shared/shortcodes/template-params';

const doc = installDom();
afterEach(() => doc.body.replaceChildren());

function open(name: string, info: TemplateInfo) {
  const result = newShortcodeDialog(doc.body, name, info);
  const dialog = doc.querySelector<HTMLElement>('.pw-dialog')!;
  const field = (label: string) => {
    const l = [...dialog.querySelectorAll('label')].find((x) => x.textContent === label)!;
    return dialog.querySelector<HTMLInputElement>(`#${l.htmlFor}`)!;
  };
  const submit = () => dialog.querySelector('form')!.dispatchEvent(new window.Event('submit', { cancelable: true }));
  return { result, dialog, field, submit };
}

describe('newShortcodeDialog', () => {
  it('writes only the filled fields, named as name="value", with the help shown above', async () => {
    const d = open('callout', { help: 'A boxed remark.', params: [{ name: 'type', type: 'text', default: 'info' }, { name: 'title', type: 'text' }, { name: 'wide', type: 'boolean' }, { name: 'open', type: 'boolean', default: 'true' }] });
    expect(d.dialog.querySelector('.pw-dialog-help')!.textContent).toBe('A boxed remark.');
    expect(d.dialog.getAttribute('aria-describedby')).toBe(d.dialog.querySelector('.pw-dialog-help')!.id);
    expect(d.field('Type').placeholder).toBe('info');
    expect(d.field('Wide').type).toBe('checkbox');
    expect(d.field('Open').checked).toBe(true);
    d.field('Title').value = 'Say "hi"';
    d.field('Wide').checked = true;
    d.field('Open').checked = false;
    d.submit();
    expect(await d.result).toBe('{{< callout title="Say \\"hi\\"" wide="true" open="false" >}}');
  });

  it('writes positional ones in order, keeping an empty place before a filled one', async () => {
    const d = open('gist', { params: [{ name: null, position: 0, type: 'text' }, { name: null, position: 1, type: 'text' }] });
    d.field('Gist ID').value = 'abc123';
    d.submit();
    expect(await d.result).toBe('{{< gist "" "abc123" >}}');
  });

  it('refuses places and names together, in plain words, and writes nothing', async () => {
    const d = open('yt', { params: [{ name: null, position: 0, type: 'text' }, { name: 'id', type: 'text' }] });
    d.field('Position 1').value = 'a';
    d.field('ID').value = 'b';
    d.submit();
    expect(d.dialog.querySelector('[role="alert"]')!.textContent).toContain('not both');
    expect(d.dialog.isConnected).toBe(true);
    d.dialog.querySelector<HTMLButtonElement>('button[type="button"]')!.click();
    expect(await d.result).toBeNull();
  });

  it('turns a pasted YouTube address into the video ID', async () => {
    const d = open('youtube', { params: [{ name: null, position: 0, type: 'text' }] });
    d.field('Video ID or address').value = 'https://youtu.be/dQw4w9WgXcQ';
    d.submit();
    expect(await d.result).toBe('{{< youtube "dQw4w9WgXcQ" >}}');
  });
});
