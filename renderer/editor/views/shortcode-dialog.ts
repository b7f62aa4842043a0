// A small accessible dialog to edit a shortcode's parameters. It returns the new tag text,
// where each changed parameter is rewritten in place (its own quoting and spacing) and nothing
// else moves; or null when cancelled.
import { parseShortcode, setShortcodeParam } from '../../../shared/markdown/shortcode-params';

let counter = 0;

export function editShortcodeDialog(host: HTMLElement, value: string): Promise<string | null> {
  const parsed = parseShortcode(value);
  if (!parsed) return Promise.resolve(null);
  return new Promise((resolve) => {
    const id = `pw-sc-dialog-${++counter}`;
    const dialog = document.createElement('div');
    dialog.className = 'pw-dialog';
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    dialog.setAttribute('aria-labelledby', `${id}-title`);
    const title = document.createElement('h2');
    title.id = `${id}-title`;
    title.textContent = `Shortcode “${parsed.name}”`;
    const form = document.createElement('form');
    const inputs: Array<{ key: string | number; input: HTMLInputElement; before: string }> = [];
    let positional = 0;
    parsed.params.forEach((p, i) => {
      const label = document.createElement('label');
      const input = document.createElement('input');
      input.id = `${id}-p${i}`;
      label.htmlFor = input.id;
      label.textContent = p.name ?? `Parameter ${positional + 1}`;
      input.value = p.value;
      form.append(label, input);
      inputs.push({ key: p.name ?? positional++, input, before: p.value });
    });
    if (!inputs.length) {
      const none = document.createElement('p');
      none.textContent = 'This shortcode has no parameters.';
      form.append(none);
    }
    const apply = document.createElement('button');
    apply.type = 'submit';
    apply.textContent = 'Apply';
    const cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.textContent = 'Cancel';
    form.append(apply, cancel);
    dialog.append(title, form);
    const previousFocus = document.activeElement as HTMLElement | null;
    const close = (result: string | null) => {
      dialog.remove();
      previousFocus?.focus();
      resolve(result);
    };
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      let next = value;
      for (const { key, input, before } of inputs) if (input.value !== before) next = setShortcodeParam(next, key, input.value);
      close(next === value ? null : next);
    });
    cancel.addEventListener('click', () => close(null));
    dialog.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        close(null);
      }
    });
    host.append(dialog);
    (inputs[0]?.input ?? apply).focus();
  });
}
