// Typing "/" in an empty paragraph opens a block menu at the caret: heading, lists, quote,
// code, image, table and the site's shortcodes. Arrows move, Enter turns the paragraph into
// the block (the "/" goes), Escape closes it (the "/" stays, as typed); typing on closes it too.
import { $prose } from '@milkdown/kit/utils';
import { Plugin, PluginKey, type EditorState } from '@milkdown/kit/prose/state';
import type { EditorView } from '@milkdown/kit/prose/view';
import { setBlockType, wrapIn } from '@milkdown/kit/prose/commands';
import { wrapInList } from '@milkdown/kit/prose/schema-list';
import './insert-popover.css';

export interface SlashDeps {
  insertShortcode(name: string): void;
  /** Inserts Markdown as blocks at a document position. */
  insertMarkdown(at: number, markdown: string): void;
  listShortcodes?(): Promise<{ name: string }[]>;
}

interface Item {
  label: string;
  run(view: EditorView): void;
}

const TABLE = '| Column 1 | Column 2 |\n| --- | --- |\n|  |  |\n';

/** True when the caret sits in an empty top-level paragraph. */
function inEmptyParagraph(state: EditorState): boolean {
  const { $from, empty } = state.selection;
  return empty && $from.depth === 1 && $from.parent.type.name === 'paragraph' && $from.parent.content.size === 0;
}

export function slashMenuPlugin(deps: () => SlashDeps | null) {
  return $prose(() => {
    let menu: { el: HTMLElement; items: Item[]; active: number; slashAt: number } | null = null;
    const close = () => {
      menu?.el.remove();
      menu = null;
    };
    const block = (fn: (view: EditorView) => void): ((view: EditorView) => void) => fn;
    const baseItems = (view: EditorView): Item[] => {
      const n = view.state.schema.nodes;
      const cmd = (c: (s: EditorState, d: EditorView['dispatch']) => boolean) => block((v) => void c(v.state, v.dispatch));
      return [
        { label: 'Heading', run: cmd(setBlockType(n.heading, { level: 2 })) },
        { label: 'Bulleted list', run: cmd(wrapInList(n.bullet_list)) },
        { label: 'Numbered list', run: cmd(wrapInList(n.ordered_list)) },
        { label: 'Quote', run: cmd(wrapIn(n.blockquote)) },
        { label: 'Code block', run: cmd(setBlockType(n.code_block)) },
        { label: 'Image', run: () => deps()?.insertShortcode('figure') },
        { label: 'Table', run: (v) => deps()?.insertMarkdown(v.state.selection.from, TABLE) },
      ];
    };
    const render = () => {
      if (!menu) return;
      const m = menu;
      m.el.replaceChildren(
        ...m.items.map((item, i) => {
          const li = document.createElement('li');
          li.id = `pw-slash-${i}`;
          li.setAttribute('role', 'option');
          li.setAttribute('aria-selected', String(i === m.active));
          li.textContent = item.label;
          li.addEventListener('mousedown', (e) => e.preventDefault());
          return li;
        }),
      );
      m.el.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
    };
    const choose = (view: EditorView, i: number) => {
      const m = menu;
      if (!m || !m.items[i]) return;
      close();
      // The "/" goes; the empty paragraph becomes the chosen block.
      view.dispatch(view.state.tr.delete(m.slashAt, m.slashAt + 1));
      m.items[i].run(view);
      view.focus();
    };
    const open = (view: EditorView, slashAt: number) => {
      close();
      const el = document.createElement('ul');
      el.className = 'pw-insert-popover pw-slash-menu';
      el.setAttribute('role', 'listbox');
      el.setAttribute('aria-label', 'Insert block');
      const at = view.coordsAtPos(slashAt);
      el.style.position = 'fixed';
      el.style.left = `${at.left}px`;
      el.style.top = `${at.bottom + 4}px`;
      el.style.listStyle = 'none';
      el.style.margin = '0';
      el.addEventListener('click', (e) => {
        const li = (e.target as Element).closest('[role="option"]');
        if (li) choose(view, Number(li.id.replace('pw-slash-', '')));
      });
      const shortcodeItem = (name: string): Item => ({ label: `Shortcode: ${name}`, run: () => deps()?.insertShortcode(name) });
      menu = { el, items: [...baseItems(view), ...['figure', 'youtube'].map(shortcodeItem)], active: 0, slashAt };
      document.body.append(el);
      render();
      const mine = menu;
      deps()
        ?.listShortcodes?.()
        .then((list) => {
          if (menu !== mine) return;
          mine.items = [...baseItems(view), ...list.map((s) => shortcodeItem(s.name))];
          render();
        })
        .catch(() => {});
    };
    return new Plugin({
      key: new PluginKey('slash-menu'),
      props: {
        handleTextInput(view, from, _to, text) {
          if (text !== '/' || !inEmptyParagraph(view.state)) return false;
          // Typed as usual; the menu opens once the "/" is in.
          view.dispatch(view.state.tr.insertText('/', from));
          open(view, from);
          return true;
        },
        handleKeyDown(view, event) {
          if (!menu) return false;
          const m = menu;
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            m.active = (m.active + (event.key === 'ArrowDown' ? 1 : m.items.length - 1)) % m.items.length;
            render();
            return true;
          }
          if (event.key === 'Enter') {
            choose(view, m.active);
            return true;
          }
          if (event.key === 'Escape') {
            close();
            return true;
          }
          close();
          return false;
        },
        handleClick() {
          close();
          return false;
        },
      },
      view: () => ({ destroy: close }),
    });
  });
}
