// Cards for paired shortcodes whose content the writer edits in place: a header (the friendly
// name, the parameters, an Edit button for them) above the content. 'rich': the content is
// ordinary editor blocks (bold, lists, links); 'text': the content is exact plain text in a
// code area with line numbers (mermaid, highlight, raw HTML). The header is built with
// textContent only and is not part of the editable text.
import type { Node as PmNode } from '@milkdown/kit/prose/model';
import type { NodeViewConstructor } from '@milkdown/kit/prose/view';
import { parseShortcode } from '../../../shared/markdown/shortcode-params';

/** "call-out_box" -> "Call out box": what a writer reads instead of the template's name. */
export function friendlyName(name: string): string {
  const words = name.split('/').pop()!.replace(/[-_.]+/g, ' ').trim();
  return words ? words[0].toUpperCase() + words.slice(1) : 'Block';
}

function renderHeader(header: HTMLElement, open: string, edit: HTMLButtonElement): string {
  const parsed = parseShortcode(open);
  const name = parsed?.name ?? '';
  const label = document.createElement('span');
  label.className = 'pw-card-name';
  label.textContent = friendlyName(name);
  const list = document.createElement('dl');
  list.className = 'pw-card-params';
  for (const p of parsed?.params ?? []) {
    const dt = document.createElement('dt');
    dt.textContent = p.name ?? '·';
    const dd = document.createElement('dd');
    dd.textContent = p.value;
    list.append(dt, dd);
  }
  header.replaceChildren(label, ...(list.childElementCount ? [list] : []), edit);
  edit.setAttribute('aria-label', `Edit ${friendlyName(name)} settings`);
  return name;
}

function lineCount(node: PmNode): number {
  return (node.textContent.match(/\r\n|\n|\r/g)?.length ?? 0) + 1;
}

export function pairedShortcodeView(kind: 'rich' | 'text', editAt: (pos: number) => void): NodeViewConstructor {
  return (initial, _view, getPos) => {
    let node = initial;
    const dom = document.createElement('div');
    dom.className = `pw-shortcode-card pw-paired pw-paired-${kind}`;
    const header = document.createElement('div');
    header.className = 'pw-card-header';
    header.setAttribute('contenteditable', 'false');
    const edit = document.createElement('button');
    edit.type = 'button';
    edit.className = 'pw-card-edit';
    edit.textContent = 'Edit';
    edit.addEventListener('click', (e) => {
      e.preventDefault();
      const pos = getPos();
      if (pos !== undefined) editAt(pos);
    });
    const name = renderHeader(header, node.attrs.open as string, edit);
    dom.dataset.shortcode = name;
    dom.append(header);
    let contentDOM: HTMLElement;
    let gutter: HTMLElement | null = null;
    if (kind === 'rich') {
      contentDOM = document.createElement('div');
      contentDOM.className = 'pw-paired-content';
      dom.append(contentDOM);
    } else {
      const area = document.createElement('div');
      area.className = 'pw-code-area';
      gutter = document.createElement('div');
      gutter.className = 'pw-line-numbers';
      gutter.setAttribute('contenteditable', 'false');
      gutter.setAttribute('aria-hidden', 'true');
      const pre = document.createElement('pre');
      contentDOM = document.createElement('code');
      contentDOM.setAttribute('aria-label', `${friendlyName(name)} text`);
      pre.append(contentDOM);
      area.append(gutter, pre);
      dom.append(area);
    }
    let shown = 0;
    const numberLines = () => {
      if (!gutter) return;
      const n = lineCount(node);
      if (shown === n) return;
      shown = n;
      gutter.textContent = Array.from({ length: n }, (_, i) => String(i + 1)).join('\n');
    };
    numberLines();
    return {
      dom,
      contentDOM,
      update: (next) => {
        if (next.type !== node.type) return false;
        if (next.attrs.open !== node.attrs.open) dom.dataset.shortcode = renderHeader(header, next.attrs.open as string, edit);
        node = next;
        numberLines();
        return true;
      },
      stopEvent: (e) => header.contains(e.target as Node),
      ignoreMutation: (m) => header.contains(m.target) || (gutter?.contains(m.target) ?? false),
    };
  };
}
