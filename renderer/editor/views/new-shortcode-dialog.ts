// The dialog shown when a shortcode is inserted: a labelled field for every parameter its
// template reads (shared/shortcodes/template-params.ts), typed where the template tells (an
// address, a number, yes/no), with the template's help above. Only what the writer fills in is
// written: `{{< name "first" key="value" >}}`. Resolves to the new tag text, or null when cancelled.
import { setShortcodeParam } from '../../../shared/markdown/shortcode-params';
import { paramLabel } from '../../../shared/shortcodes/param-label';
import type { TemplateInfo, TemplateParam } from '../../../shared/shortcodes/template-params';
import { videoIdFrom } from '../../../shared/shortcodes/video-id';
import { notAVideo, openDialogFrame } from './dialog-frame';


interface Field {
  param: TemplateParam;
  input: HTMLInputElement;
}

/** The text a field adds, or null when it adds nothing (left empty, or a box left as its default). */
function valueOf({ param, input }: Field): string | null {
  if (param.type === 'boolean') {
    const wanted = String(input.checked);
    return wanted === (param.default === 'true' ? 'true' : 'false') ? null : wanted;
  }
  return input.value.trim() ? input.value : null;
}

export function newShortcodeDialog(host: HTMLElement, name: string, info: TemplateInfo, postImages?: () => Promise<string[]>): Promise<string | null> {
  return new Promise((resolve) => {
    const { id, dialog, close } = openDialogFrame(host, `Shortcode “${name}”`, resolve);
    if (info.help) {
      const help = document.createElement('p');
      help.id = `${id}-help`;
      help.className = 'pw-dialog-help';
      help.textContent = info.help;
      dialog.setAttribute('aria-describedby', help.id);
      dialog.append(help);
    }
    const form = document.createElement('form');
    // type=url is a keyboard hint here: a site-relative address ("/about/") is a fine link too.
    form.noValidate = true;
    const fields: Field[] = [];
    info.params.forEach((param, i) => {
      const label = document.createElement('label');
      const input = document.createElement('input');
      input.id = `${id}-p${i}`;
      label.htmlFor = input.id;
      label.textContent = paramLabel(name, param.name, param.position ?? 0);
      if (param.type === 'boolean') {
        input.type = 'checkbox';
        input.checked = param.default === 'true';
      } else {
        input.type = param.type === 'url' ? 'url' : param.type === 'number' ? 'number' : 'text';
        // An image field offers the post's images (typing any other name still works).
        if (param.type === 'image' && postImages) {
          const list = document.createElement('datalist');
          list.id = `${input.id}-images`;
          input.setAttribute('list', list.id);
          form.append(list);
          postImages().then(
            (srcs) => list.replaceChildren(...srcs.map((src) => Object.assign(document.createElement('option'), { value: src }))),
            () => {},
          );
        }
        if (param.default !== undefined) input.placeholder = param.default;
      }
      form.append(label, input);
      fields.push({ param, input });
    });
    if (!fields.length) {
      const none = document.createElement('p');
      none.textContent = 'This block has no settings.';
      form.append(none);
    }
    const problem = document.createElement('p');
    problem.className = 'pw-dialog-problem';
    problem.setAttribute('role', 'alert');
    problem.style.gridColumn = '1 / -1';
    problem.style.margin = '0';
    const apply = document.createElement('button');
    apply.type = 'submit';
    apply.textContent = 'Apply';
    const cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.textContent = 'Cancel';
    form.append(problem, apply, cancel);
    dialog.append(form);
    const refuse = (field: Field, text: string) => {
      problem.textContent = text;
      field.input.setAttribute('aria-invalid', 'true');
      field.input.focus();
    };
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const filled = fields.map((f) => ({ f, value: valueOf(f) })).filter((x): x is { f: Field; value: string } => x.value !== null);
      // youtube and vimeo take the video's ID: a pasted address is turned into it.
      const video = name === 'youtube' || name === 'vimeo' ? name : null;
      for (const x of filled) {
        if (!video || !(x.f.param.position === 0 || x.f.param.name === 'id')) continue;
        const vid = videoIdFrom(video, x.value);
        if (!vid) return refuse(x.f, notAVideo(video));
        x.value = vid;
      }
      // Hugo reads a use's parameters either all by place or all by name, never both.
      const byPlace = filled.filter((x) => x.f.param.name === null);
      const byName = filled.filter((x) => x.f.param.name !== null);
      if (byPlace.length && byName.length) return refuse(byPlace[0].f, `Fill either “${paramLabel(name, null, byPlace[0].f.param.position ?? 0)}” or the named fields, not both: the site reads only one kind at a time.`);
      let tag = `{{< ${name} >}}`;
      // Positional ones in order; a gap before a filled one is kept as "".
      const last = Math.max(-1, ...byPlace.map((x) => x.f.param.position ?? 0));
      for (let p = 0; p <= last; p++) tag = setShortcodeParam(tag, p, byPlace.find((x) => x.f.param.position === p)?.value ?? '');
      for (const x of byName) tag = setShortcodeParam(tag, x.f.param.name!, x.value);
      close(tag);
    });
    cancel.addEventListener('click', () => close(null));
    (fields[0]?.input ?? apply).focus();
  });
}
