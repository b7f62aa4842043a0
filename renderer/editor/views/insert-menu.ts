// "Insert block" (Hugo's shortcodes, named for writers): an opaque popover listing every shortcode the site can use (its own, its
// theme's, Hugo's built-ins; asked of the main process when opened), with a search box.
// Keyboard: the button opens it with the caret in the search box; arrows move through the
// list; Enter inserts; Escape closes and gives the focus back to the button.
import './insert-popover.css';

export const SHORTCODE_TEMPLATES: Record<string, string> = {
  figure: '{{< figure src="" caption="" >}}',
  youtube: '{{< youtube "" >}}',
  vimeo: '{{< vimeo "" >}}',
  instagram: '{{< instagram "" >}}',
  gist: '{{< gist "" "" >}}',
  ref: '{{< ref "" >}}',
  relref: '{{< relref "" >}}',
};

export function shortcodeTemplate(name: string): string {
  return SHORTCODE_TEMPLATES[name] ?? `{{< ${name} >}}`;
}

export interface ShortcodeChoice {
  name: string;
  source: 'site' | 'theme' | 'hugo';
}

const SOURCE_LABEL: Record<ShortcodeChoice['source'], string> = { site: 'this site', theme: 'theme', hugo: 'Hugo' };
const FALLBACK: ShortcodeChoice[] = ['figure', 'youtube', 'vimeo', 'x', 'instagram', 'gist', 'highlight', 'details', 'qr', 'ref', 'relref'].map((name) => ({ name, source: 'hugo' }));

let counter = 0;

export function createInsertMenu(names: string[], onPick: (name: string) => void, load?: () => Promise<ShortcodeChoice[]>): HTMLElement {
  const id = `pw-insert-${++counter}`;
  let choices: ShortcodeChoice[] = [...names.map((name) => ({ name, source: 'site' as const })), ...FALLBACK];
  let shown: ShortcodeChoice[] = [];
  let active = 0;
  const bar = document.createElement('div');
  bar.className = 'pw-insert';
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Insert block';
  button.setAttribute('aria-haspopup', 'dialog');
  button.setAttribute('aria-expanded', 'false');
  const pop = document.createElement('div');
  pop.className = 'pw-insert-popover';
  pop.setAttribute('role', 'dialog');
  pop.setAttribute('aria-label', 'Insert block');
  pop.hidden = true;
  const label = document.createElement('label');
  label.htmlFor = `${id}-search`;
  label.textContent = 'Find a block';
  const search = document.createElement('input');
  search.id = `${id}-search`;
  search.type = 'search';
  search.autocomplete = 'off';
  search.setAttribute('role', 'combobox');
  search.setAttribute('aria-expanded', 'true');
  search.setAttribute('aria-controls', `${id}-list`);
  const list = document.createElement('ul');
  list.id = `${id}-list`;
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', 'Blocks');
  pop.append(label, search, list);

  const render = () => {
    const q = search.value.trim().toLowerCase();
    shown = choices.filter((c) => c.name.toLowerCase().includes(q));
    active = Math.min(active, Math.max(0, shown.length - 1));
    list.replaceChildren(
      ...shown.map((c, i) => {
        const li = document.createElement('li');
        li.id = `${id}-o${i}`;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', String(i === active));
        const from = document.createElement('span');
        from.className = 'pw-insert-source';
        from.textContent = ` ${SOURCE_LABEL[c.source]}`;
        li.append(c.name, from);
        li.addEventListener('mousedown', (e) => e.preventDefault());
        li.addEventListener('click', () => pick(c.name));
        return li;
      }),
    );
    if (!shown.length) {
      const none = document.createElement('li');
      none.className = 'pw-insert-none';
      none.textContent = 'No block has this name.';
      list.append(none);
    }
    if (shown.length) search.setAttribute('aria-activedescendant', `${id}-o${active}`);
    else search.removeAttribute('aria-activedescendant');
    list.querySelector<HTMLElement>(`#${id}-o${active}`)?.scrollIntoView?.({ block: 'nearest' });
  };
  const away = (e: MouseEvent) => {
    if (!bar.contains(e.target as Node)) open(false);
  };
  const open = (show: boolean) => {
    pop.hidden = !show;
    button.setAttribute('aria-expanded', String(show));
    if (show) {
      search.value = '';
      active = 0;
      render();
      search.focus();
      document.addEventListener('mousedown', away);
      load?.().then(
        (list) => {
          choices = list;
          render();
        },
        () => {},
      );
    } else document.removeEventListener('mousedown', away);
  };
  const pick = (name: string) => {
    open(false);
    onPick(name);
  };
  button.addEventListener('click', () => open(pop.hidden));
  search.addEventListener('input', () => {
    active = 0;
    render();
  });
  pop.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') active = Math.min(shown.length - 1, active + 1);
    else if (e.key === 'ArrowUp') active = Math.max(0, active - 1);
    else if (e.key === 'Enter') {
      e.preventDefault();
      if (shown[active]) pick(shown[active].name);
      return;
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      open(false);
      button.focus();
      return;
    } else return;
    e.preventDefault();
    render();
  });
  bar.append(button, pop);
  return bar;
}
