// Node views (cards) for shortcodes and verbatim HTML/comments, the parameter dialog and the
// insert menu, wired to the editor view. Cards are inert: text via textContent, and the only
// element that loads anything is an <img> we build with a validated, site-local src.
import type { MilkdownPlugin } from '@milkdown/kit/ctx';
import type { Node as PmNode } from '@milkdown/kit/prose/model';
import { NodeSelection, TextSelection } from '@milkdown/kit/prose/state';
import type { EditorView, NodeViewConstructor } from '@milkdown/kit/prose/view';
import { $view } from '@milkdown/kit/utils';
import { rawBlockNode, shortcodeBlockNode, shortcodeContainerNode, shortcodeInlineNode, shortcodeTextNode } from '../../../engine/schema/verbatim-nodes';
import { pairedShortcodeView } from './paired-shortcode-view';
import { alertDecorations } from './alert-decorations';
import type { PostEditorOptions } from '../types';
import { singleImgSrc, siteAssetPath } from './asset-src';
import { createInsertMenu, shortcodeTemplate } from './insert-menu';
import { renderShortcodeCard, type CardContext } from './shortcode-card';
import { editShortcodeDialog } from './shortcode-dialog';
import { newShortcodeDialog } from './new-shortcode-dialog';
import { builtinParams } from '../../../shared/shortcodes/builtin-params';
import type { TemplateInfo } from '../../../shared/shortcodes/template-params';
import { innerKind } from '../../../shared/markdown/shortcode-inner';

export interface EditorViews {
  plugins: MilkdownPlugin[];
  /** Called once the editor view exists: adds the insert menu above it. */
  attach(view: EditorView): void;
  insertShortcode(name: string): void;
  /** The site's shortcodes, noting what each template reads (the slash menu lists them through this too). */
  listShortcodes?: PostEditorOptions['listShortcodes'];
  destroy(): void;
}

/** Why a paired block's text is shown as written (remark-shortcodes.ts), in plain words. */
const PROBLEMS: Record<string, string> = {
  crossing: 'Its closing tag is mixed up with another block’s, so its text is shown as written and cannot be edited here. The rest of the post can be edited.',
  unreadable: 'The site’s template for this block could not be read, so its text is shown as written and cannot be edited here.',
  unclosed: 'Its closing tag is missing, so its text is shown as written and cannot be edited here. The rest of the post can be edited.',
  orphan: 'This closing tag has no opening tag before it, so it is shown as written and cannot be edited here. The rest of the post can be edited.',
};

/**
 * `wrap` is applied to each block view (a long post wraps them so that blocks outside its window
 * are drawn as empty placeholders: engine/block-window.ts).
 */
export function editorViews(opts: PostEditorOptions, wrap: (view: NodeViewConstructor) => NodeViewConstructor = (v) => v): EditorViews {
  const cx: CardContext = { postPath: opts.postPath, assetUrl: opts.assetUrl, isMissing: opts.holdBack ?? opts.isMissing };
  let editorView: EditorView | null = null;
  let menu: HTMLElement | null = null;

  const editAt = async (pos: number) => {
    const view = editorView;
    const node = view?.state.doc.nodeAt(pos);
    if (!view || !node || opts.readOnly || !view.editable) return;
    // A paired shortcode with editable content keeps its opening tag in `open`.
    const key = node.type.name === 'shortcode_container' || node.type.name === 'shortcode_text' ? 'open' : 'value';
    const next = await editShortcodeDialog(opts.root, node.attrs[key] as string);
    const current = view.state.doc.nodeAt(pos);
    if (next !== null && current === node) view.dispatch(view.state.tr.setNodeMarkup(pos, undefined, { ...node.attrs, [key]: next }));
  };

  // What each shortcode's template reads, from the last shortcode list asked (the insert menu asks
  // on each opening, so a template changed while writing is read again).
  const known = new Map<string, TemplateInfo>();
  // The shortcodes whose template uses `.Inner`: Hugo needs their closing tag.
  const paired = new Set<string>();
  const listShortcodes = opts.listShortcodes
    ? async () => {
        const list = await opts.listShortcodes!();
        known.clear();
        paired.clear();
        for (const s of list) {
          if (s.params) known.set(s.name, { params: s.params, help: s.help });
          if (s.paired) paired.add(s.name);
        }
        return list;
      }
    : undefined;
  /** Opens the new shortcode's dialog with a field for each parameter its template reads. */
  const fillNew = async (pos: number, name: string) => {
    // Asked of the main process only when not known yet (the slash menu); else opened at once.
    if (!known.has(name) && listShortcodes) await listShortcodes().catch(() => []);
    const info = known.get(name) ?? builtinParams(name);
    const view = editorView;
    const node = view?.state.doc.nodeAt(pos);
    if (!view || !node || view.isDestroyed) return;
    // Nothing read of its template: the dialog of the parameters already written, as before.
    if (!info) return editAt(pos);
    const next = await newShortcodeDialog(opts.root, name, info, opts.listPostImages);
    const current = view.state.doc.nodeAt(pos);
    // A pair keeps its opening tag in `open`, a single shortcode its whole text in `value`.
    const key = node.type.name === 'shortcode_container' || node.type.name === 'shortcode_text' ? 'open' : 'value';
    if (next !== null && current === node) view.dispatch(view.state.tr.setNodeMarkup(pos, undefined, { ...node.attrs, [key]: next }));
  };

  const shortcodeView =
    (inline: boolean): NodeViewConstructor =>
    (initial, _view, getPos) => {
      let node: PmNode = initial;
      const dom = document.createElement(inline ? 'span' : 'div');
      dom.className = inline ? 'pw-shortcode-inline' : 'pw-shortcode-card';
      dom.contentEditable = 'false';
      const body = document.createElement(inline ? 'span' : 'div');
      const edit = document.createElement('button');
      edit.type = 'button';
      edit.className = 'pw-card-edit';
      const render = () => {
        if (inline) body.textContent = node.attrs.value as string;
        else {
          renderShortcodeCard(body, node.attrs.value as string, cx);
          const problem = PROBLEMS[node.attrs.problem as string];
          if (problem) {
            // Shown as written, as the message says: the card's usual view (its parameters, its
            // inner text) would hide the very tags that are wrong. Nothing to edit, so no Edit.
            body.querySelector('.pw-card-inner')?.remove();
            const source = document.createElement('pre');
            source.className = 'pw-card-source';
            source.textContent = node.attrs.value as string;
            const note = document.createElement('span');
            note.className = 'pw-card-problem';
            note.textContent = problem;
            body.append(source, note);
          }
          edit.hidden = !!problem;
        }
        edit.textContent = 'Edit';
        edit.setAttribute('aria-label', `Edit ${body.dataset.shortcode ?? 'block'}`);
      };
      render();
      edit.addEventListener('click', (e) => {
        e.preventDefault();
        const pos = getPos();
        if (pos !== undefined) void editAt(pos);
      });
      dom.append(body);
      if (!inline) dom.append(edit);
      return {
        dom,
        update: (next) => {
          if (next.type !== node.type) return false;
          if (next.attrs.value !== node.attrs.value) {
            node = next;
            render();
          }
          node = next;
          return true;
        },
        stopEvent: (e) => e.target === edit,
        ignoreMutation: () => true,
      };
    };

  const rawView: NodeViewConstructor = (initial) => {
    const dom = document.createElement('div');
    dom.className = `pw-raw pw-raw-${initial.attrs.kind as string}`;
    dom.contentEditable = 'false';
    const label = document.createElement('span');
    label.className = 'pw-raw-label';
    label.textContent = { html: 'HTML', comment: 'Comment', definition: 'Link definition', raw: 'Source' }[initial.attrs.kind as string] ?? 'Source';
    const pre = document.createElement('pre');
    pre.textContent = initial.attrs.value as string;
    dom.append(label);
    const src = initial.attrs.kind === 'html' ? singleImgSrc(initial.attrs.value as string) : null;
    const path = src ? siteAssetPath(src, opts.postPath) : null;
    if (path?.startsWith('static/')) {
      const img = document.createElement('img');
      img.src = opts.assetUrl(path);
      img.alt = '';
      img.className = 'pw-raw-image';
      dom.append(img);
    }
    dom.append(pre);
    return { dom, ignoreMutation: () => true, update: (n) => n.type === initial.type && n.attrs.value === initial.attrs.value };
  };

  /**
   * A shortcode whose template uses `.Inner`, as a pair with an empty line between its tags:
   * rich text when Hugo renders that content as Markdown, else a plain text area.
   */
  const pairFor = (view: EditorView, name: string): PmNode => {
    const { schema } = view.state;
    const open = shortcodeTemplate(name);
    const close = `{{< /${name} >}}`;
    if (innerKind(name, '<', opts.shortcodeInner) === 'markdown') return schema.nodes.shortcode_container.create({ name, open, close }, schema.nodes.paragraph.create());
    return schema.nodes.shortcode_text.create({ open, close }, schema.text('\n\n'));
  };

  const insertShortcode = (name: string) => {
    const view = editorView;
    if (!view || !view.editable) return;
    const isPair = paired.has(name);
    const { $from } = view.state.selection;
    // Insert after the current top-level block, then open the dialog on it.
    const at = $from.depth > 0 ? $from.after(1) : view.state.selection.from;
    const inserted = isPair ? pairFor(view, name) : view.state.schema.nodes.shortcode_block.create({ value: shortcodeTemplate(name) });
    view.dispatch(view.state.tr.insert(at, inserted));
    // The new card is selected and scrolled into view: the writer sees what was inserted, where.
    // A pair gets the caret between its tags (at+2: inside the card, inside its first line).
    const showCard = () => {
      if (view.isDestroyed || view.state.doc.nodeAt(at)?.type !== inserted.type) return;
      // Scrolling follows the selection only while it is in the editor (the dialog had the focus).
      view.focus();
      const sel = isPair ? TextSelection.create(view.state.doc, at + 2) : NodeSelection.create(view.state.doc, at);
      view.dispatch(view.state.tr.setSelection(sel).scrollIntoView());
    };
    showCard();
    void fillNew(at, name).then(showCard);
  };

  return {
    plugins: [
      $view(shortcodeBlockNode, () => wrap(shortcodeView(false))),
      $view(shortcodeInlineNode, () => shortcodeView(true)),
      $view(rawBlockNode, () => wrap(rawView)),
      $view(shortcodeContainerNode, () => wrap(pairedShortcodeView('rich', editAt))),
      $view(shortcodeTextNode, () => wrap(pairedShortcodeView('text', editAt))),
      alertDecorations,
    ].flat(),
    attach(view) {
      editorView = view;
      if (opts.readOnly) return;
      menu = createInsertMenu(opts.shortcodeNames ?? [], insertShortcode, listShortcodes);
      opts.root.insertBefore(menu, opts.root.firstChild);
    },
    insertShortcode,
    listShortcodes,
    destroy() {
      menu?.remove();
      editorView = null;
    },
  };
}
