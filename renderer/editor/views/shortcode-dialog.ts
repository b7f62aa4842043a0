// A small accessible dialog to edit a shortcode's parameters. It returns the new tag text,
// where each changed parameter is rewritten in place (its own quoting and spacing) and nothing
// else moves; or null when cancelled.
import { parseShortcode, setShortcodeParam } from '../../../shared/markdown/shortcode-params';
import { paramLabel } from '../../../shared/shortcodes/param-label';
import { videoIdFrom } from '../../../shared/shortcodes/video-id';
import { notAVideo, openDialogFrame } from './dialog-frame';


export function editShortcodeDialog(host: HTMLElement, value: string): Promise<string | null> {
  const parsed = parseShortcode(value);
  if (!parsed) return Promise.resolve(null);
  return new Promise((resolve) => {
    const { id, dialog, close } = openDialogFrame(host, `Shortcode “${parsed.name}”`, resolve);
    const form = document.createElement('form');
    const inputs: Array<{ key: string | number; input: HTMLInputElement; before: string }> = [];
    let positional = 0;
    parsed.params.forEach((p, i) => {
      const label = document.createElement('label');
      const input = document.createElement('input');
      input.id = `${id}-p${i}`;
      label.htmlFor = input.id;
      label.textContent = paramLabel(parsed.name, p.name ?? null, positional);
      input.value = p.value;
      form.append(label, input);
      inputs.push({ key: p.name ?? positional++, input, before: p.value });
    });
    if (!inputs.length) {
      const none = document.createElement('p');
      none.textContent = 'This block has no settings.';
      form.append(none);
    }
    const apply = document.createElement('button');
    apply.type = 'submit';
    apply.textContent = 'Apply';
    const cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.textContent = 'Cancel';
    // Says why Apply did nothing (a video address that is not one), next to the buttons.
    const problem = document.createElement('p');
    problem.className = 'pw-dialog-problem';
    problem.setAttribute('role', 'alert');
    problem.style.gridColumn = '1 / -1';
    problem.style.margin = '0';
    form.append(problem, apply, cancel);
    dialog.append(form);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      // youtube and vimeo take the video's ID: a pasted address is turned into it.
      const video = parsed.name === 'youtube' || parsed.name === 'vimeo' ? parsed.name : null;
      const idField = video ? inputs.find((x) => x.key === 0 || x.key === 'id') : undefined;
      if (video && idField && idField.input.value.trim()) {
        const id = videoIdFrom(video, idField.input.value);
        if (!id) {
          problem.textContent = notAVideo(video);
          idField.input.setAttribute('aria-invalid', 'true');
          idField.input.focus();
          return;
        }
        idField.input.value = id;
      }
      let next = value;
      for (const { key, input, before } of inputs) if (input.value !== before) next = setShortcodeParam(next, key, input.value);
      close(next === value ? null : next);
    });
    cancel.addEventListener('click', () => close(null));
    (inputs[0]?.input ?? apply).focus();
  });
}
