// "Insert shortcode" menu: figure, youtube, and any shortcode the site defines (passed in as
// names from layouts/shortcodes/). Keyboard: the button opens the menu; arrows move; Enter picks;
// Escape closes.

export const SHORTCODE_TEMPLATES: Record<string, string> = {
  figure: '{{< figure src="" caption="" >}}',
  youtube: '{{< youtube "" >}}',
};

export function shortcodeTemplate(name: string): string {
  return SHORTCODE_TEMPLATES[name] ?? `{{< ${name} >}}`;
}

export function createInsertMenu(names: string[], onPick: (name: string) => void): HTMLElement {
  const all = [...new Set(['figure', 'youtube', ...names])];
  const bar = document.createElement('div');
  bar.className = 'pw-insert';
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Insert shortcode';
  button.setAttribute('aria-haspopup', 'menu');
  button.setAttribute('aria-expanded', 'false');
  const menu = document.createElement('ul');
  menu.setAttribute('role', 'menu');
  menu.setAttribute('aria-label', 'Shortcodes');
  menu.hidden = true;
  const items = all.map((name) => {
    const li = document.createElement('li');
    li.setAttribute('role', 'menuitem');
    li.tabIndex = -1;
    li.textContent = name;
    li.addEventListener('click', () => pick(name));
    menu.append(li);
    return li;
  });
  const open = (show: boolean) => {
    menu.hidden = !show;
    button.setAttribute('aria-expanded', String(show));
    if (show) items[0]?.focus();
  };
  const pick = (name: string) => {
    open(false);
    onPick(name);
  };
  button.addEventListener('click', () => open(menu.hidden));
  menu.addEventListener('keydown', (e) => {
    const i = items.indexOf(document.activeElement as HTMLLIElement);
    if (e.key === 'ArrowDown') items[(i + 1) % items.length]?.focus();
    else if (e.key === 'ArrowUp') items[(i - 1 + items.length) % items.length]?.focus();
    else if (e.key === 'Enter' || e.key === ' ') pick(all[Math.max(i, 0)]);
    else if (e.key === 'Escape') {
      open(false);
      button.focus();
    } else return;
    e.preventDefault();
  });
  bar.append(button, menu);
  return bar;
}
